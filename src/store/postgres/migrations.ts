import type pg from 'pg';
import { checkedSchema, inTransaction } from './sql.ts';

/** Text compared byte by byte (ISO 8601 times, ids), as SQLite compares it, whatever the database's locale. */
const C = 'TEXT COLLATE "C"';

/**
 * Versioned, append-only migrations: never edit a released one, add the next. Version 1 is the
 * SQLite schema as of its version 10 (docs/adr/0005-postgresql.md lists the differences).
 */
export const POSTGRES_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'articles with full-text search, topics and entities keyed by time, bands, owners; subscriptions, deliveries, installations, sources, cache, usage, one-time keys',
    sql: `
      CREATE TABLE articles (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        id ${C} PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        url TEXT,
        source TEXT,
        published_at ${C},
        guid TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        entities_json TEXT NOT NULL,
        topics_json TEXT NOT NULL,
        sentiment_label TEXT NOT NULL,
        sentiment_score DOUBLE PRECISION NOT NULL,
        duplicate_of ${C} REFERENCES articles(id),
        ingested_at ${C} NOT NULL,
        kind TEXT NOT NULL DEFAULT 'story' CHECK (kind IN ('story', 'headline')),
        sort_time ${C} NOT NULL,
        signature BYTEA NOT NULL,
        shared BOOLEAN NOT NULL DEFAULT true,
        search TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, text), 'D')
        ) STORED
      );
      CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
      CREATE INDEX articles_guid ON articles (guid) WHERE guid IS NOT NULL;
      CREATE INDEX articles_sort_time ON articles (sort_time, seq);
      CREATE INDEX articles_ingested_at ON articles (ingested_at, seq);
      CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
      CREATE INDEX articles_search ON articles USING GIN (search);

      CREATE TABLE article_topics (
        article_id ${C} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        topic ${C} NOT NULL,
        sort_time ${C} NOT NULL,
        PRIMARY KEY (topic, sort_time, article_id)
      );
      CREATE INDEX article_topics_article ON article_topics (article_id);
      CREATE TABLE entity_mentions (
        article_id ${C} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id ${C} NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        ticker TEXT,
        mentions INTEGER NOT NULL,
        sort_time ${C} NOT NULL,
        PRIMARY KEY (entity_id, sort_time, article_id)
      );
      CREATE INDEX entity_mentions_article ON entity_mentions (article_id);
      CREATE INDEX entity_mentions_name ON entity_mentions (lower(name));
      CREATE TABLE article_bands (
        band ${C} NOT NULL,
        article_id ${C} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, article_id)
      );
      CREATE TABLE article_owners (
        owner ${C} NOT NULL,
        article_id ${C} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (owner, article_id)
      );
      CREATE INDEX article_owners_article ON article_owners (article_id);

      CREATE TABLE subscriptions (
        id ${C} PRIMARY KEY,
        platform ${C} NOT NULL,
        workspace_id ${C} NOT NULL,
        channel_id ${C} NOT NULL,
        topics_json TEXT NOT NULL,
        entity_ids_json TEXT NOT NULL DEFAULT '[]',
        keywords_json TEXT NOT NULL DEFAULT '[]',
        topic_key ${C} NOT NULL,
        filter_json TEXT NOT NULL DEFAULT '{}',
        mode TEXT NOT NULL DEFAULT 'brief',
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        weekdays_only BOOLEAN NOT NULL,
        cron TEXT,
        holidays TEXT,
        created_by TEXT NOT NULL,
        created_at ${C} NOT NULL,
        enabled BOOLEAN NOT NULL DEFAULT true,
        disabled_reason TEXT,
        alert_cursor TEXT,
        UNIQUE (platform, workspace_id, channel_id, topic_key)
      );
      CREATE TABLE deliveries (
        subscription_id ${C} NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        slot ${C} NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
        message_ids_json TEXT NOT NULL DEFAULT '[]',
        claimed_at ${C} NOT NULL,
        posted_at TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE INDEX deliveries_claimed ON deliveries (status, claimed_at);
      CREATE TABLE installations (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id)
      );

      CREATE TABLE sources (
        id ${C} PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        topics_json TEXT NOT NULL,
        added_by_json TEXT NOT NULL,
        added_at ${C} NOT NULL,
        interval_minutes INTEGER NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_poll_at ${C} NOT NULL,
        paused BOOLEAN NOT NULL DEFAULT false,
        paused_reason TEXT,
        items_stored INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX sources_due ON sources (next_poll_at) WHERE NOT paused;
      CREATE TABLE source_owners (
        source_id ${C} NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        owner ${C} NOT NULL,
        topics_json TEXT NOT NULL,
        added_by_json TEXT NOT NULL,
        added_at ${C} NOT NULL,
        PRIMARY KEY (source_id, owner)
      );
      CREATE INDEX source_owners_owner ON source_owners (owner);

      CREATE TABLE cache (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at ${C},
        PRIMARY KEY (kind, key)
      );
      CREATE TABLE llm_usage (
        at ${C} NOT NULL,
        prompt_id ${C} NOT NULL,
        model ${C} NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cached BOOLEAN NOT NULL,
        owner TEXT
      );
      CREATE INDEX llm_usage_at ON llm_usage (at);
      CREATE INDEX llm_usage_owner_at ON llm_usage (owner, at);
      CREATE TABLE seen_once (
        key TEXT PRIMARY KEY,
        expires_at ${C} NOT NULL
      );
      CREATE INDEX seen_once_expires_at ON seen_once (expires_at);
    `,
  },
  {
    version: 2,
    name: 'entity names by prefix',
    // `/company zorvath` finds "Zorvath Robotics" with lower(name) LIKE 'zorvath %': a plain index on
    // lower(name) serves LIKE only under the C collation, so this one compares by pattern.
    sql: 'CREATE INDEX entity_mentions_name_prefix ON entity_mentions (lower(name) text_pattern_ops)',
  },
];

/** One lock for every migrating process on the database, whatever its schema. */
const MIGRATION_LOCK = "hashtext('market-brief:migrations')";

/**
 * Applies the migrations the database lacks, all in one transaction under an advisory lock: a
 * process starting beside another waits for it and then finds nothing left to do. Returns the
 * versions it applied.
 */
export async function migratePostgres(pool: pg.Pool, schema?: string): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${checkedSchema(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row['version'])));
    const done: number[] = [];
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      done.push(migration.version);
    }
    return done;
  });
}

import type { DatabaseSync } from 'node:sqlite';
import { bandKey } from './band-key.ts';
import { BAND_FILTERS_MIGRATION } from './migration-band-filters.ts';
import { BAND_LEVELS_MIGRATION } from './migration-band-levels.ts';
import { ENTITY_NAMES_MIGRATION } from './migration-entity-names.ts';
import { LINK_INDEXES_MIGRATION } from './migration-link-indexes.ts';
import { LINK_ROWIDS_MIGRATION } from './migration-link-rowids.ts';

/**
 * Versioned, append-only migrations: never edit a released one, add the next.
 * Each runs in its own transaction and is recorded in schema_migrations.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'articles, entity mentions, topics, near-duplicate bands, full-text index',
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        url TEXT,
        source TEXT,
        published_at TEXT,
        guid TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        entities_json TEXT NOT NULL,
        topics_json TEXT NOT NULL,
        sentiment_label TEXT NOT NULL,
        sentiment_score REAL NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        ingested_at TEXT NOT NULL,
        sort_time TEXT NOT NULL,
        signature BLOB NOT NULL
      );
      CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
      CREATE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;
      CREATE INDEX articles_sort_time ON articles(sort_time);
      CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

      CREATE TABLE article_topics (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        sort_time TEXT NOT NULL,
        PRIMARY KEY (topic, sort_time, article_id)
      ) WITHOUT ROWID;

      CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        ticker TEXT,
        mentions INTEGER NOT NULL,
        sort_time TEXT NOT NULL,
        PRIMARY KEY (entity_id, sort_time, article_id)
      ) WITHOUT ROWID;

      CREATE TABLE article_bands (
        band TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, article_id)
      ) WITHOUT ROWID;

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'subscriptions and deliveries',
    sql: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        topics_json TEXT NOT NULL,
        topic_key TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        weekdays_only INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        disabled_reason TEXT,
        UNIQUE (platform, workspace_id, channel_id, topic_key)
      );
      CREATE TABLE deliveries (
        subscription_id TEXT NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
        message_ids_json TEXT NOT NULL DEFAULT '[]',
        claimed_at TEXT NOT NULL,
        posted_at TEXT,
        error TEXT,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE INDEX deliveries_status ON deliveries(status);
    `,
  },
  {
    version: 3,
    name: 'platform installations',
    sql: `
      CREATE TABLE installations (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id)
      );
    `,
  },
  {
    version: 4,
    name: 'feed sources',
    sql: `
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        topics_json TEXT NOT NULL,
        added_by_json TEXT NOT NULL,
        added_at TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_poll_at TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        paused_reason TEXT,
        items_stored INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX sources_due ON sources(paused, next_poll_at);
    `,
  },
  {
    version: 5,
    name: 'cache and LLM usage',
    sql: `
      CREATE TABLE cache (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        PRIMARY KEY (kind, key)
      ) WITHOUT ROWID;
      CREATE TABLE llm_usage (
        at TEXT NOT NULL,
        prompt_id TEXT NOT NULL,
        model TEXT NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cached INTEGER NOT NULL
      );
      CREATE INDEX llm_usage_at ON llm_usage(at);
    `,
  },
  {
    version: 6,
    name: 'subscription scopes, filters, cron, modes, holidays, alert cursor; delivery attempts',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN entity_ids_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE subscriptions ADD COLUMN keywords_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE subscriptions ADD COLUMN filter_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE subscriptions ADD COLUMN mode TEXT NOT NULL DEFAULT 'brief';
      ALTER TABLE subscriptions ADD COLUMN cron TEXT;
      ALTER TABLE subscriptions ADD COLUMN holidays TEXT;
      ALTER TABLE subscriptions ADD COLUMN alert_cursor TEXT;
      ALTER TABLE deliveries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX deliveries_claimed ON deliveries(status, claimed_at);
      CREATE INDEX articles_ingested_at ON articles(ingested_at);
    `,
  },
  {
    version: 7,
    name: 'stored entity names looked up without regard to case',
    sql: `CREATE INDEX entity_mentions_name ON entity_mentions(name COLLATE NOCASE);`,
  },
  {
    version: 8,
    name: 'one-time keys (Slack request signatures) for the replay guard, with their expiry',
    sql: `
      CREATE TABLE seen_once (
        key TEXT PRIMARY KEY,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX seen_once_expires_at ON seen_once(expires_at);
    `,
  },
  {
    version: 9,
    name: 'article kind: story (with a body) or headline (a feed item with a title only)',
    sql: `
      ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'story' CHECK (kind IN ('story', 'headline'));
    `,
  },
  {
    version: 10,
    name: 'tenancy: article owners (shared or per workspace), per-workspace links to one shared feed fetch, usage owner',
    sql: `
      ALTER TABLE articles ADD COLUMN shared INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE article_owners (
        owner TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (owner, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_owners_article ON article_owners(article_id);
      CREATE TABLE source_owners (
        source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        topics_json TEXT NOT NULL,
        added_by_json TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (source_id, owner)
      ) WITHOUT ROWID;
      CREATE INDEX source_owners_owner ON source_owners(owner);
      INSERT INTO source_owners (source_id, owner, topics_json, added_by_json, added_at)
        SELECT id,
               CASE WHEN json_extract(added_by_json, '$.platform') IN ('shell', 'cli') THEN ''
                    ELSE json_extract(added_by_json, '$.platform') || ':' || json_extract(added_by_json, '$.workspaceId') END,
               topics_json, added_by_json, added_at
        FROM sources;
      ALTER TABLE llm_usage ADD COLUMN owner TEXT;
      CREATE INDEX llm_usage_owner_at ON llm_usage(owner, at);
    `,
  },
  LINK_ROWIDS_MIGRATION,
  BAND_LEVELS_MIGRATION,
  ENTITY_NAMES_MIGRATION,
  {
    version: 14,
    // FTS5 merges a level's segments once it holds `automerge` of them (default 4): with 16 each
    // posting is rewritten about half as often as the index grows, for at most 15 segments a level
    // to read per query term (docs/performance.md, "Full-text merges").
    name: 'full-text index merges 16 segments at a time',
    sql: `INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);`,
  },
  LINK_INDEXES_MIGRATION,
  BAND_FILTERS_MIGRATION,
];

/** Applies the migrations the database lacks; returns the versions it applied. */
export function migrate(database: DatabaseSync): number[] {
  database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  // Migration 11 converts stored TEXT band keys with the same function the store uses.
  database.function('band_key', { deterministic: true }, (band) => bandKey(String(band)));
  const applied = new Set(
    database
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => Number(row['version'])),
  );
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    database.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have applied it while we waited for the write lock.
      const raced = database.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
      if (raced === undefined) {
        database.exec(migration.sql);
        database
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
        done.push(migration.version);
      }
      database.exec('COMMIT');
    } catch (error) {
      // SQLite may have rolled back already (a full disk): a second ROLLBACK would hide the error.
      if (database.isTransaction) database.exec('ROLLBACK');
      throw error;
    }
  }
  return done;
}

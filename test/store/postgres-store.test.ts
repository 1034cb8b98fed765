import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createPostgresStore, openPostgresStore, POSTGRES_MIGRATIONS, type PostgresStore } from '../../src/store/postgres/index.ts';
import { alibabaArticles, makeArticle, noKeys } from '../support/articles.ts';
import { dropSchema, postgresUnavailable, TEST_DATABASE_URL, uniqueSchema } from '../support/postgres.ts';

const unavailable = await postgresUnavailable();
if (unavailable !== null) console.warn(`postgres store tests skipped: ${unavailable}`);

/** What only the PostgreSQL store does; its behaviour as a store is in test/store/contract/. */
describe.skipIf(unavailable !== null)(`postgres store${unavailable === null ? '' : ` (skipped: ${unavailable})`}`, () => {
  const schemas: string[] = [];
  const stores: PostgresStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });
  const newSchema = () => {
    const schema = uniqueSchema('pgstore');
    schemas.push(schema);
    return schema;
  };

  it('migrates once when several processes start at the same time', async () => {
    const schema = newSchema();
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(TEST_DATABASE_URL, { schema, max: 2 })));
    stores.push(...opened);
    const { rows } = await opened[0]!.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row['version'])).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    // Every one of them works on the one schema.
    await opened[1]!.insertArticle(makeArticle({ id: 'a1' }), noKeys);
    expect(await opened[3]!.countArticles()).toBe(1);
  });

  it('searches through a generated tsvector column with a GIN index, and keys topic and entity links by time', async () => {
    const store = await openPostgresStore(TEST_DATABASE_URL, { schema: newSchema() });
    stores.push(store);
    const indexes = await store.pool.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()`);
    const definition = (name: string) => String(indexes.rows.find((row) => row['indexname'] === name)?.['indexdef'] ?? '');
    expect(definition('articles_search')).toContain('USING gin (search)');
    expect(definition('article_topics_pkey')).toContain('(topic, sort_time, article_id)');
    expect(definition('entity_mentions_pkey')).toContain('(entity_id, sort_time, article_id)');
    // Names by prefix (`/company zorvath`) whatever the database's collation.
    expect(definition('entity_mentions_name_prefix')).toContain('text_pattern_ops');
    const generated = await store.pool.query(
      `SELECT is_generated FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'articles' AND column_name = 'search'`,
    );
    expect(generated.rows[0]?.['is_generated']).toBe('ALWAYS');
  });

  it('reads the latest articles of a topic or an entity by walking its (key, sort_time) key backwards, stopped at LIMIT', async () => {
    const store = await openPostgresStore(TEST_DATABASE_URL, { schema: newSchema() });
    stores.push(store);
    for (const article of alibabaArticles()) await store.insertArticle(article, noKeys);
    // The SQL listArticles sends, as it sends it.
    const sent: Array<{ text: string; values: unknown[] }> = [];
    const query = store.pool.query.bind(store.pool);
    (store.pool as { query: unknown }).query = (text: string, values: unknown[]) => {
      sent.push({ text, values });
      return query(text, values);
    };
    const latest = await store.listArticles({ entityIds: ['company:alibaba'], limit: 5 });
    const market = await store.listArticles({
      entityIds: ['company:alibaba'],
      topics: ['china'],
      since: '2026-12-02T00:00:00.000Z',
      limit: 300,
      originalsOnly: false,
    });
    expect(latest.map((article) => article.publishedAt?.slice(0, 10))).toEqual(Array(4).fill('2026-12-05').concat(['2026-12-04']));
    expect(market).toHaveLength(16);
    const client = await store.pool.connect();
    try {
      // Tiny tables are cheaper to scan: with scans priced out, the plan shows which index the query can walk
      // (ties in sort_time are put in seq order by an incremental sort, not a sort of everything read).
      await client.query('SET enable_seqscan = off');
      await client.query('SET enable_bitmapscan = off');
      await client.query('SET enable_sort = off');
      for (const { text, values } of sent) {
        const plan = (await client.query(`EXPLAIN ${text}`, values)).rows.map((row) => String(row['QUERY PLAN'])).join('\n');
        expect(plan).toMatch(/Index (?:Only )?Scan Backward using (?:entity_mentions|article_topics)_pkey/);
        expect(plan).toContain('Limit');
      }
    } finally {
      client.release();
    }
  });

  it('fails to open, saying why, when the database cannot be reached; ping fails too', async () => {
    const url = 'postgres://postgres@127.0.0.1:1/none';
    await expect(openPostgresStore(url, { connectTimeoutMs: 2_000 })).rejects.toThrow();
    const store = createPostgresStore(url, { connectTimeoutMs: 2_000 });
    await expect(store.ping()).rejects.toThrow();
    await expect(store.countArticles()).rejects.toThrow();
    await store.close();
  });

  it('is the store the app opens for a postgres:// DATABASE_URL, with the pool settings', async () => {
    const schema = newSchema();
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const config = loadConfig({ DATABASE_URL: url, DATABASE_POOL_MAX: '3' }, null);
    const store = openStore(config) as PostgresStore;
    stores.push(store);
    expect(store.pool.options.max).toBe(3);
    expect(await store.insertArticle(makeArticle({ id: 'a1' }), noKeys)).toBe(true);
    expect(await store.countArticles()).toBe(1);
  });
});

describe('DATABASE_URL', () => {
  it('accepts sqlite:, postgres:// and postgresql:// URLs and refuses other engines by name', () => {
    for (const url of ['sqlite::memory:', 'postgres://u@h/db', 'postgresql://u:p@h:5433/db'])
      expect(loadConfig({ DATABASE_URL: url }, null).DATABASE_URL).toBe(url);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db' }, null)).toThrow(/DATABASE_URL: must be sqlite:PATH, sqlite::memory: or postgres:\/\//);
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' }, null)).toThrow(/DATABASE_POOL_MAX/);
  });
});

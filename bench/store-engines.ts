// The two store engines side by side: inserting 10,000 articles (one by one through the port, and
// on PostgreSQL also in batches through insertArticles), then the three reads the commands make
// (/company: articles mentioning an entity; /market: articles of a topic; /ask: full-text search),
// p50/p95 each. Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
// the benchmark works in a schema of its own, dropped after). Run: node bench/store-engines.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Article } from '../src/domain/article.ts';
import type { ArticleInsert, DedupeKeys, Store } from '../src/ports/store.ts';
import { createPostgresStore, type PostgresStore } from '../src/store/postgres/index.ts';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { createRandom } from '../test/support/seeded-random.ts';
import { fillOptions } from './support/bench-store.ts';
import { fillStore } from './support/fill-store.ts';
import { progress, runBenchmark } from './support/report.ts';
import { latencySummary, round } from './support/stats.ts';

const NAME = 'store-engines';
const SIZE = 10_000;
const BATCH = 100;
const RUNS = 300;
const WARM_UP = 10;
const URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUESTIONS = ['profit outlook', 'shares fell', 'revenue growth forecast', 'central bank rates', 'merger talks'];

/** The articles fillStore would store, with their keys, recorded once so both engines get the same ones. */
async function recordArticles(): Promise<ArticleInsert[]> {
  const recorded = new Map<string, { article: Article; keys: DedupeKeys }>();
  const hashes = new Set<string>();
  const insert = (article: Article, keys: DedupeKeys) => {
    if (hashes.has(article.contentHash) || recorded.has(article.id)) return false;
    hashes.add(article.contentHash);
    recorded.set(article.id, { article, keys });
    return true;
  };
  const recorder = {
    countArticles: async () => recorded.size,
    getArticle: async (id: string) => recorded.get(id)?.article ?? null,
    insertArticles: async (items: readonly ArticleInsert[]) => items.map((item) => insert(item.article, item.keys)),
  } as unknown as Store;
  await fillStore(recorder, SIZE, fillOptions(new Date('2026-11-24T00:00:00.000Z')));
  return [...recorded.values()];
}

async function timeInserts(store: Store, items: readonly ArticleInsert[]): Promise<number> {
  const started = performance.now();
  for (const item of items) await store.insertArticle(item.article, item.keys);
  return (performance.now() - started) / 1000;
}

async function timeBatches(store: PostgresStore, items: readonly ArticleInsert[]): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < items.length; index += BATCH) await store.insertArticles(items.slice(index, index + BATCH));
  return (performance.now() - started) / 1000;
}

async function timeQueries(store: Store) {
  const since = '2026-10-25T00:00:00.000Z';
  const entities = (await store.entityCounts(since, 200)).map((count) => count.entity.id);
  const topics = (await store.topicCounts(since)).map((count) => count.topic);
  const random = createRandom(2_005);
  const queries = {
    company: () => store.listArticles({ entityIds: [random.pick(entities)], since, limit: 20 }),
    market: () => store.listArticles({ topics: [random.pick(topics)], since, limit: 50 }),
    ask: () => store.search(`${random.pick(QUESTIONS)} ${random.pick(entities).split(':')[1] ?? ''}`, { limit: 20 }),
  };
  const latencies: Record<string, ReturnType<typeof latencySummary>> = {};
  for (const [name, run] of Object.entries(queries)) {
    const milliseconds: number[] = [];
    for (let index = 0; index < RUNS + WARM_UP; index += 1) {
      const started = performance.now();
      await run();
      if (index >= WARM_UP) milliseconds.push(performance.now() - started);
    }
    latencies[name] = latencySummary(milliseconds);
  }
  return latencies;
}

await runBenchmark(NAME, async () => {
  progress(NAME, 'analysing the corpus and recording the articles');
  const items = await recordArticles();
  const directory = mkdtempSync(join(tmpdir(), 'mb-engines-'));
  const schemas = [`bench_engines_${process.pid}`, `bench_engines_batch_${process.pid}`];
  try {
    progress(NAME, `sqlite: inserting ${items.length}`);
    const sqlite = createSqliteStore(join(directory, 'bench.db'));
    const sqliteInsert = await timeInserts(sqlite, items);
    progress(NAME, 'sqlite: queries');
    const sqliteQueries = await timeQueries(sqlite);
    await sqlite.close();

    const postgres = createPostgresStore(URL, { schema: schemas[0] });
    await postgres.ready();
    progress(NAME, `postgres: inserting ${items.length}`);
    const postgresInsert = await timeInserts(postgres, items);
    await postgres.pool.query('ANALYZE');
    progress(NAME, 'postgres: queries');
    const postgresQueries = await timeQueries(postgres);
    await postgres.close();
    const batched = createPostgresStore(URL, { schema: schemas[1] });
    await batched.ready();
    progress(NAME, `postgres: inserting ${items.length} in batches of ${BATCH}`);
    const postgresBatch = await timeBatches(batched, items);
    await batched.close();

    const perSecond = (seconds: number) => Math.round(items.length / seconds);
    const figures = {
      sqlite: { insertsPerSecond: perSecond(sqliteInsert), queries: sqliteQueries },
      postgres: { insertsPerSecond: perSecond(postgresInsert), batchInsertsPerSecond: perSecond(postgresBatch), queries: postgresQueries },
    };
    const row = (engine: 'sqlite' | 'postgres', query: string) => {
      const latency = figures[engine].queries[query];
      return { figure: `${engine} ${query} p50 / p95`, value: `${round(latency?.p50 ?? Number.NaN)} / ${round(latency?.p95 ?? Number.NaN)} ms` };
    };
    return {
      parameters: { articles: items.length, batch: BATCH, runs: RUNS, postgres: URL.replace(/\/\/[^@]*@/, '//…@') },
      figures,
      summary: [
        { figure: 'sqlite inserts (one by one)', value: `${figures.sqlite.insertsPerSecond}/s` },
        { figure: 'postgres inserts (one by one)', value: `${figures.postgres.insertsPerSecond}/s` },
        { figure: `postgres inserts (batches of ${BATCH})`, value: `${figures.postgres.batchInsertsPerSecond}/s` },
        ...['company', 'market', 'ask'].flatMap((query) => [row('sqlite', query), row('postgres', query)]),
      ],
      notes: [
        'The same 10,000 articles (corpus copies with real content hashes and MinHash keys) are stored through the Store port on each engine; PostgreSQL on 127.0.0.1, so a round trip is loopback.',
        'company: listArticles by one entity over the last 30 days (limit 20); market: by one topic (limit 50); ask: full-text search (bm25 on SQLite, ts_rank_cd on PostgreSQL).',
      ],
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});

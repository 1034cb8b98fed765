// Grows a built store to a larger size fast (the 1M store for bench/query.ts; docs/performance.md,
// "The 1M store"). The articles added are the copies the bench's builder (fill-store.ts) would add
// next, copy `index` for index count, count + 1, … with the same title, text, dates, id, content
// hash, url, entities, topics, sentiment and near-duplicate link. What differs is how they go in,
// and their near-duplicate keys:
// - two worker threads make the copies (grow-worker.ts); this thread inserts the article rows in
//   transactions of GROW_CHUNK on a connection with its journal in memory and a large page cache (the build
//   is a `.building` file published by rename, so a crash leaves no half store);
// - a chunk's link rows go in with one statement per table, sorted by key: topics and mentions
//   from the row's own JSON, as article-insert.ts writes them (INSERT OR IGNORE alike), bands from
//   the worker's keys; the full-text index is filled once at the end (its insert trigger is dropped
//   meanwhile and put back), and the secondary indexes with random keys are dropped and rebuilt;
// - a copy's MinHash signature and LSH bands are those of its id, not of its text (a text's MinHash
//   is 0.35 ms a copy, a third of the time budget): every article has its 40 band rows matching its
//   signature, but an article ingested into this store finds no copy as a near-duplicate. The
//   query benchmark never reads them.
// bench/support/check-grown-store.ts compares a grown store with one the builder made (10k grown to
// 60k against the builder's 100k: the 50,000 copies equal, docs/performance.md).
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { ARTICLE_COLUMNS } from '../../src/store/sqlite/article-rows.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { FillOptions } from './fill-store.ts';
import type { GrowBatch } from './grow-rows.ts';
import { progress } from './report.ts';

const GROW_CHUNK = 50_000;
const BATCH = 1_000;
const WORKERS = 2;
/** Batches asked for ahead of the one being inserted. */
const AHEAD = 6;
/** Indexes rebuilt after the load: their keys come in random order (the link tables' rowid indexes grow at the end, so they stay). */
const REBUILT = new Set(['articles_url', 'articles_guid', 'articles_sort_time', 'articles_duplicate_of', 'articles_ingested_at']);

function droppable(database: DatabaseSync): Array<{ type: string; name: string; sql: string }> {
  return database
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL`)
    .all()
    .map((row) => ({ type: String(row['type']), name: String(row['name']), sql: String(row['sql']) }))
    .filter((item) => REBUILT.has(item.name) || item.name === 'articles_fts_insert');
}

/** The copies asked of the workers, in index order whichever worker makes them. */
function copyStream(options: FillOptions, first: number) {
  const workers = Array.from({ length: WORKERS }, () => new Worker(new URL('./grow-worker.ts', import.meta.url), { workerData: options }));
  const pending = new Map<number, { resolve: (batch: GrowBatch) => void; promise: Promise<GrowBatch> }>();
  for (const worker of workers) {
    worker.on('message', (batch: GrowBatch) => pending.get(batch.from)?.resolve(batch));
    worker.on('error', (error) => {
      for (const entry of pending.values()) entry.resolve(Promise.reject(error) as never);
    });
  }
  let asked = first;
  let turn = 0;
  const ask = () => {
    let resolve: (batch: GrowBatch) => void = () => undefined;
    const promise = new Promise<GrowBatch>((done) => {
      resolve = done;
    });
    pending.set(asked, { resolve, promise });
    workers[turn % WORKERS]?.postMessage({ from: asked, to: asked + BATCH });
    turn += 1;
    asked += BATCH;
  };
  for (let ahead = 0; ahead < AHEAD; ahead += 1) ask();
  let next = first;
  return {
    async take(): Promise<GrowBatch> {
      const entry = pending.get(next);
      if (entry === undefined) throw new Error(`batch ${next} was not asked for`);
      const batch = await entry.promise;
      pending.delete(next);
      next += BATCH;
      ask();
      return batch;
    },
    close: () => Promise.all(workers.map((worker) => worker.terminate())),
  };
}

function insertLinks(database: DatabaseSync, from: number, to: number, bands: Array<[number, number]>): void {
  database
    .prepare(
      `INSERT OR IGNORE INTO article_topics (topic, sort_time, article_rowid)
       SELECT t.value, a.sort_time, a.rowid FROM articles a, json_each(a.topics_json) t
       WHERE a.rowid BETWEEN ? AND ? ORDER BY 1, 2, 3`,
    )
    .run(from, to);
  database
    .prepare(
      `INSERT OR IGNORE INTO entity_mentions (entity_id, sort_time, article_rowid, name, type, ticker, mentions)
       SELECT e.value ->> 'id', a.sort_time, a.rowid, e.value ->> 'name', e.value ->> 'type', e.value ->> 'ticker', e.value ->> 'count'
       FROM articles a, json_each(a.entities_json) e
       WHERE a.rowid BETWEEN ? AND ? ORDER BY 1, 2, 3`,
    )
    .run(from, to);
  database
    .prepare(
      `INSERT OR IGNORE INTO entity_names (name, entity_id)
       SELECT DISTINCT e.value ->> 'name', e.value ->> 'id' FROM articles a, json_each(a.entities_json) e WHERE a.rowid BETWEEN ? AND ?`,
    )
    .run(from, to);
  bands.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  database.prepare('INSERT OR IGNORE INTO article_bands (band, article_rowid) SELECT value ->> 0, value ->> 1 FROM json_each(?)').run(JSON.stringify(bands));
  // Rows written past band-levels.ts: the large level's filters would not hold them, so they go
  // (a slice without one is looked up in full, and gets one at its next move).
  database.exec('DELETE FROM article_band_filters');
}

/**
 * Copies the closed store `source` to `building` and adds the builder's next copies until it
 * holds `size` articles. Returns the articles added and the seconds taken.
 */
export async function growStore(
  source: string,
  building: string,
  size: number,
  options: FillOptions,
  label = 'grow',
): Promise<{ added: number; seconds: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const threadBefore = process.threadCpuUsage();
  const elapsed = () => {
    const cpu = process.cpuUsage(cpuBefore);
    const own = process.threadCpuUsage(threadBefore);
    return `${Math.round((performance.now() - started) / 1000)} s; CPU ${Math.round((cpu.user + cpu.system) / 1e6)} s, ${Math.round((own.user + own.system) / 1e6)} s of it on this thread`;
  };
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${building}${suffix}`, { force: true });
  if (existsSync(`${source}-wal`)) {
    const database = new DatabaseSync(source, { readOnly: true });
    database.prepare('VACUUM INTO ?').run(building);
    database.close();
  } else {
    copyFileSync(source, building);
  }
  // Migrations are applied (a source from an older schema is brought up to date), then closed.
  await createSqliteStore(building).close();
  const database = new DatabaseSync(building);
  // Out of WAL (every page would be written twice) to a rollback journal kept in memory (this
  // SQLite refuses journal_mode OFF).
  database.exec('PRAGMA journal_mode = DELETE');
  database.exec('PRAGMA journal_mode = MEMORY');
  database.exec('PRAGMA synchronous = OFF');
  database.exec('PRAGMA locking_mode = EXCLUSIVE');
  database.exec('PRAGMA temp_store = MEMORY');
  database.exec('PRAGMA cache_size = -1048576');
  const dropped = droppable(database);
  for (const item of dropped) database.exec(`DROP ${item.type.toUpperCase()} ${item.name}`);
  const lastRowid = () => Number(database.prepare('SELECT coalesce(max(rowid), 0) AS r FROM articles').get()?.['r']);
  const firstNew = lastRowid() + 1;
  const insert = database.prepare(`INSERT OR IGNORE INTO articles (${ARTICLE_COLUMNS}, sort_time, signature, shared)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const exists = database.prepare('SELECT 1 FROM articles WHERE id = ?');
  let count = Number(database.prepare('SELECT count(*) AS n FROM articles').get()?.['n']);
  const start = count;
  // Copy indexes continue from the count, as the builder's fill does when it resumes.
  const copies = copyStream(options, count);
  try {
    let batch = await copies.take();
    let row = 0;
    while (count < size) {
      database.exec('BEGIN');
      const from = lastRowid() + 1;
      const chunkEnd = Math.min(size, count + GROW_CHUNK);
      const bands: Array<[number, number]> = [];
      while (count < chunkEnd) {
        if (row >= batch.rows.length) {
          batch = await copies.take();
          row = 0;
        }
        const copy = batch.rows[row];
        row += 1;
        if (copy === undefined) continue;
        // The builder links a syndicated copy to the story before it when that story is stored.
        if (copy.copyOf !== null && exists.get(copy.copyOf) !== undefined) copy.values[12] = copy.copyOf;
        // An equal article stored already (the same content hash) is skipped, as the store's insert does.
        const result = insert.run(...copy.values);
        if (result.changes === 0) continue;
        count += 1;
        const rowid = Number(result.lastInsertRowid);
        for (const band of copy.bands) bands.push([band, rowid]);
      }
      insertLinks(database, from, lastRowid(), bands);
      database.exec('COMMIT');
      progress(label, `${count} / ${size} articles stored (${elapsed()})`);
    }
  } finally {
    await copies.close();
  }
  progress(label, `full-text index of ${count - start} copies (${elapsed()})`);
  database.prepare('INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles WHERE rowid >= ?').run(firstNew);
  progress(label, `rebuilding ${dropped.length} indexes and triggers (${elapsed()})`);
  for (const item of dropped) database.exec(item.sql);
  database.exec('PRAGMA journal_mode = WAL');
  database.close();
  progress(label, `done (${elapsed()})`);
  return { added: count - start, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

// Stores of a given size for the benchmarks, built once per `npm run bench` and shared through a
// cache folder (BENCH_CACHE_DIR, set by bench/run.ts); a benchmark run alone builds its own.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createAnalyzer } from '../../src/pipeline/understand/analyze.ts';
import type { Store } from '../../src/ports/store.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { loadTextCorpus, requireCorpus, wordStream } from './corpus.ts';
import { analyseCorpus, type FillOptions, fillStore } from './fill-store.ts';
import { growStore } from './grow-store.ts';
import { progress } from './report.ts';

export const FILL_SEED = 20_261_124;
/** Stores larger than this are grown from the store of this size (grow-store.ts) instead of filled one insert at a time. */
const GROWN_FROM = 100_000;
const FILL_DAYS = 365;
const CHUNK = 2_000;

let ownCache: string | null = null;

/** The folder shared by the benchmarks of one run (or this process's own, removed at exit). */
export function cacheDirectory(): string {
  const shared = process.env['BENCH_CACHE_DIR'];
  if (shared !== undefined && shared !== '') {
    mkdirSync(shared, { recursive: true });
    return shared;
  }
  if (ownCache === null) {
    const created = mkdtempSync(join(tmpdir(), 'market-brief-bench-'));
    ownCache = created;
    process.on('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return ownCache;
}

/** A fresh folder for one benchmark's files, inside the cache folder. */
export function workDirectory(name: string): string {
  return mkdtempSync(join(cacheDirectory(), `${name}-`));
}

/** Everything a fill needs: the corpus read and analysed once (about 12 s for 4,500 articles). */
export function fillOptions(now = new Date()): FillOptions {
  requireCorpus();
  const items = loadTextCorpus();
  const bases = analyseCorpus(items, createAnalyzer(loadReferenceIndex()));
  return { bases, words: wordStream(items), now, days: FILL_DAYS, seed: FILL_SEED };
}

/**
 * Fills `store` to `target` articles in transactions of CHUNK inserts. The store's own insert runs
 * for every article (its SQL, FTS triggers, topic, mention and band rows); only its per-insert
 * BEGIN/COMMIT is folded into the chunk's, which this connection's `exec` is wrapped to do.
 * A larger page cache for this filling connection only speeds it up further.
 */
export async function fillInTransactions(
  store: Store & { readonly database: DatabaseSync },
  target: number,
  options: FillOptions,
  label = 'fill',
): Promise<{ added: number; seconds: number }> {
  const database = store.database;
  const exec = database.exec.bind(database);
  let added = 0;
  const started = performance.now();
  exec('PRAGMA cache_size = -131072');
  database.exec = (sql: string) => {
    if (/^(BEGIN IMMEDIATE|COMMIT|ROLLBACK)$/.test(sql.trim())) return;
    exec(sql);
  };
  try {
    for (let count = await store.countArticles(); count < target; count = await store.countArticles()) {
      exec('BEGIN IMMEDIATE');
      try {
        added += await fillStore(store, Math.min(target, count + CHUNK), options);
        exec('COMMIT');
      } catch (error) {
        exec('ROLLBACK');
        throw error;
      }
      if ((count + CHUNK) % 20_000 < CHUNK) progress(label, `${Math.min(target, count + CHUNK)} / ${target} articles stored`);
    }
  } finally {
    // Back to the prototype's exec (and the default cache) for whoever uses this store next.
    delete (database as { exec?: unknown }).exec;
    exec('PRAGMA cache_size = -2000');
  }
  return { added, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** Path of a store with (at least) `size` articles: from the run's cache, built here when absent. */
export async function sharedStore(size: number, name: string): Promise<{ path: string; articles: number; builtHereSeconds: number | null }> {
  const path = join(cacheDirectory(), `store-${size}.db`);
  const marker = `${path}.json`;
  if (existsSync(path) && existsSync(marker)) {
    const { articles } = JSON.parse(readFileSync(marker, 'utf8')) as { articles: number };
    return { path, articles, builtHereSeconds: null };
  }
  const building = `${path}.building`;
  if (size > GROWN_FROM) {
    // The 1M store: the 100k store (built or cached), then the builder's next copies added in bulk,
    // dated from the newest article of the 100k store (its fill clock, within minutes). About 8 CPU-minutes.
    const base = await sharedStore(GROWN_FROM, name);
    progress(name, `growing the ${GROWN_FROM}-article store to ${size} articles`);
    const { seconds } = await growStore(base.path, building, size, fillOptions(newestArticleTime(base.path)), name);
    const database = new DatabaseSync(building, { readOnly: true });
    const articles = Number(database.prepare('SELECT count(*) AS n FROM articles').get()?.['n']);
    database.close();
    publishStore(building, size, articles);
    return { path, articles, builtHereSeconds: seconds };
  }
  // A build cut short (the 1M store takes a while) goes on from where it stopped: copy `index` is
  // the same article whenever it is made, so the result is the store a build in one go makes.
  progress(name, `building a ${size}-article store (no shared one from this run)${existsSync(building) ? ', resuming an unfinished build' : ''}`);
  // The fill's clock is kept beside the unfinished store, so a resumed build dates its copies alike.
  const clock = `${building}.now`;
  if (!existsSync(clock)) writeFileSync(clock, new Date().toISOString());
  const store = createSqliteStore(building);
  const { seconds } = await fillInTransactions(store, size, fillOptions(new Date(readFileSync(clock, 'utf8').trim())), name);
  const articles = await store.countArticles();
  await store.close();
  rmSync(clock, { force: true });
  publishStore(building, size, articles);
  return { path, articles, builtHereSeconds: seconds };
}

/** The publication time of the newest article in a closed store. */
function newestArticleTime(path: string): Date {
  const database = new DatabaseSync(path, { readOnly: true });
  const newest = database.prepare('SELECT max(sort_time) AS t FROM articles').get()?.['t'];
  database.close();
  return new Date(String(newest));
}

/** Shares a consistent copy of an open store (VACUUM INTO) as the run's store of `size` articles. */
export function publishCopy(store: { readonly database: DatabaseSync }, size: number, articles: number): void {
  const path = join(cacheDirectory(), `store-${size}.db`);
  rmSync(path, { force: true });
  store.database.prepare('VACUUM INTO ?').run(path);
  writeFileSync(`${path}.json`, JSON.stringify({ articles }));
}

/** Makes a closed store file the run's shared store of `size` articles. */
export function publishStore(closedPath: string, size: number, articles: number): void {
  const path = join(cacheDirectory(), `store-${size}.db`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${closedPath}${suffix}`)) renameSync(`${closedPath}${suffix}`, `${path}${suffix}`);
  }
  writeFileSync(`${path}.json`, JSON.stringify({ articles }));
}

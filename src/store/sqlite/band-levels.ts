/**
 * The near-duplicate band index in two levels, an LSM tree in miniature (migration 12).
 *
 * Every article adds some 40 band rows with random keys. Inserted straight into one large B-tree,
 * each lands on its own leaf page: at 100k stored an article dirtied about 40 pages, each written
 * to the WAL at its COMMIT and again at the checkpoint, and that cost grew with the store. Here new
 * rows go to a small table (`article_bands_recent`, whose pages stay hot), and when it outgrows a
 * sixteenth of the large one (`article_bands`) one sixteenth of the key range moves across in key
 * order: a leaf page of the large table then takes a dozen rows at once instead of one. The
 * lookup reads both levels. A step moves one slice, and a transaction takes only the steps its own
 * rows call for, so none carries a whole merge.
 */
import type { DatabaseSync } from 'node:sqlite';
import { addKey, emptyFilter, type FilterCache, isFull, mayHold, newVersion, readFilter } from './band-filter.ts';
import { bandKey } from './band-key.ts';

/** The band keys' range (53-bit, see bandKey) cut into slices; a merge step moves one slice. */
const SLICES = 16;
const SLICE_WIDTH = 2 ** 53 / SLICES;
/** Band rows an article usually has (pipeline/dedupe: 40 bands), to size the levels by the articles stored. */
const BAND_ROWS_PER_ARTICLE = 40;
/** The recent level may hold this share of the large one's rows before a step moves a slice… */
const RECENT_SHARE = 1 / 16;
/** …but never fewer than this many rows (about 1,000 articles). */
const RECENT_FLOOR_ROWS = 40_000;

export interface BandLevels {
  /** Adds band rows (keys from bandKey) to the recent level, best in key order. Call inside the write transaction. */
  add(rows: ReadonlyArray<{ key: number; rowid: number }>): void;
  /** Moves one slice of the recent level across when it has outgrown its share. Call inside the write transaction, after adding. */
  settle(): void;
}

/** A subquery of the rowids of articles holding any of `count` bands, in either level; bind `bandParameters`. */
export function rowidsWithBands(count: number): string {
  const marks = Array.from({ length: count }, () => '?').join(', ');
  return `SELECT article_rowid FROM article_bands WHERE band IN (${marks})
    UNION ALL SELECT article_rowid FROM article_bands_recent WHERE band IN (${marks})`;
}

/** No band has this key (keys are 0 … 2^53): a key the large level's filter rules out is looked up as this, on one hot leaf. */
const ABSENT_KEY = -1;

/**
 * The keys to bind to `rowidsWithBands`: for the large level, each key its slice's filter may hold
 * (every key of a slice without one); for the recent level, all. Read the filters in the same read
 * transaction as the lookup, so a slice moved meanwhile by another connection is seen by both or neither.
 */
export function bandParameters(bands: readonly string[], filters: FilterCache): number[] {
  const keys = bands.map(bandKey);
  const current = filters.current();
  const large = keys.map((key) => {
    const filter = current.get(sliceOf(key));
    return filter === undefined || mayHold(filter, key) ? key : ABSENT_KEY;
  });
  return [...large, ...keys];
}

function sliceOf(key: number): number {
  return Math.min(SLICES - 1, Math.floor(key / SLICE_WIDTH));
}

export function createBandLevels(database: DatabaseSync, { floorRows = RECENT_FLOOR_ROWS } = {}): BandLevels {
  const statements = {
    insert: database.prepare('INSERT OR IGNORE INTO article_bands_recent (band, article_rowid) VALUES (?, ?)'),
    count: database.prepare('SELECT count(*) AS n FROM article_bands_recent'),
    stored: database.prepare('SELECT coalesce(max(rowid), 0) AS n FROM articles'),
    moveSlice: database.prepare(`INSERT OR IGNORE INTO article_bands (band, article_rowid)
      SELECT band, article_rowid FROM article_bands_recent WHERE band >= ? AND band < ? ORDER BY band, article_rowid`),
    dropSlice: database.prepare('DELETE FROM article_bands_recent WHERE band >= ? AND band < ?'),
    recentKeys: database.prepare('SELECT band FROM article_bands_recent WHERE band >= ? AND band < ?'),
    largeCount: database.prepare('SELECT count(*) AS n FROM article_bands WHERE band >= ? AND band < ?'),
    largeKeys: database.prepare('SELECT band FROM article_bands WHERE band >= ? AND band < ?'),
    readFilter: database.prepare('SELECT keys, capacity, bits FROM article_band_filters WHERE slice = ?'),
    writeFilter: database.prepare('INSERT OR REPLACE INTO article_band_filters (slice, version, keys, capacity, bits) VALUES (?, ?, ?, ?, ?)'),
  };
  statements.recentKeys.setReturnArrays(true);
  statements.largeKeys.setReturnArrays(true);
  // Rows in the recent level as this connection last counted them plus what it added since; other
  // processes writing the same file are seen at the next count (when this one reaches the limit).
  let recentRows: number | null = null;
  let nextSlice = 0;

  const countRecent = () => Number(statements.count.get()?.['n'] ?? 0);
  /** The slice's filter with the keys just moved in, or rebuilt from all its rows when it has none or is full. */
  function updateFilter(slice: number, moved: ReadonlyArray<[number]>): void {
    const low = slice * SLICE_WIDTH;
    const row = statements.readFilter.get(slice);
    let filter = row === undefined ? null : readFilter(row);
    if (filter !== null && !isFull(filter, moved.length)) for (const [key] of moved) addKey(filter, key);
    else {
      // The moved keys are in the large level now: the scan adds them with the rest.
      filter = emptyFilter(Number(statements.largeCount.get(low, low + SLICE_WIDTH)?.['n'] ?? 0));
      for (const [key] of statements.largeKeys.iterate(low, low + SLICE_WIDTH) as unknown as Iterable<[number]>) addKey(filter, key);
    }
    statements.writeFilter.run(slice, newVersion(), filter.keys, filter.capacity, filter.bits);
  }
  const limit = () => Math.max(floorRows, Number(statements.stored.get()?.['n'] ?? 0) * BAND_ROWS_PER_ARTICLE * RECENT_SHARE);

  return {
    add(rows) {
      recentRows ??= countRecent();
      for (const { key, rowid } of rows) recentRows += Number(statements.insert.run(key, rowid).changes);
    },
    settle() {
      if (recentRows === null || recentRows <= floorRows) return;
      const bound = limit();
      if (recentRows <= bound) return;
      recentRows = countRecent();
      // A large transaction may have added more than a slice holds: move as many as it takes.
      for (let step = 0; step < SLICES && recentRows > bound; step += 1) {
        const slice = nextSlice;
        const low = slice * SLICE_WIDTH;
        nextSlice = (nextSlice + 1) % SLICES;
        const moving = statements.recentKeys.all(low, low + SLICE_WIDTH) as unknown as Array<[number]>;
        statements.moveSlice.run(low, low + SLICE_WIDTH);
        recentRows -= Number(statements.dropSlice.run(low, low + SLICE_WIDTH).changes);
        updateFilter(slice, moving);
      }
    },
  };
}

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

export function bandParameters(bands: readonly string[]): number[] {
  const keys = bands.map(bandKey);
  return [...keys, ...keys];
}

export function createBandLevels(database: DatabaseSync, { floorRows = RECENT_FLOOR_ROWS } = {}): BandLevels {
  const statements = {
    insert: database.prepare('INSERT OR IGNORE INTO article_bands_recent (band, article_rowid) VALUES (?, ?)'),
    count: database.prepare('SELECT count(*) AS n FROM article_bands_recent'),
    stored: database.prepare('SELECT coalesce(max(rowid), 0) AS n FROM articles'),
    moveSlice: database.prepare(`INSERT OR IGNORE INTO article_bands (band, article_rowid)
      SELECT band, article_rowid FROM article_bands_recent WHERE band >= ? AND band < ? ORDER BY band, article_rowid`),
    dropSlice: database.prepare('DELETE FROM article_bands_recent WHERE band >= ? AND band < ?'),
  };
  // Rows in the recent level as this connection last counted them plus what it added since; other
  // processes writing the same file are seen at the next count (when this one reaches the limit).
  let recentRows: number | null = null;
  let nextSlice = 0;

  const countRecent = () => Number(statements.count.get()?.['n'] ?? 0);
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
        const low = nextSlice * SLICE_WIDTH;
        nextSlice = (nextSlice + 1) % SLICES;
        statements.moveSlice.run(low, low + SLICE_WIDTH);
        recentRows -= Number(statements.dropSlice.run(low, low + SLICE_WIDTH).changes);
      }
    },
  };
}

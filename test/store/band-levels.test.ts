import { afterEach, describe, expect, it } from 'vitest';
import { filterCache } from '../../src/store/sqlite/band-filter.ts';
import { bandKey } from '../../src/store/sqlite/band-key.ts';
import { bandParameters, createBandLevels, rowidsWithBands } from '../../src/store/sqlite/band-levels.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const SLICE = 2 ** 53 / 16;
const rowsOf = (bands: readonly string[], rowid: number) => bands.map((band) => ({ key: bandKey(band), rowid }));
const bandsOf = (article: number) => Array.from({ length: 40 }, (_unused, band) => `${band}:${article}`);

function levels(floorRows: number) {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  const database = store.database;
  const count = (table: string, where = '1') => Number(database.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get()?.['n']);
  return { database, count, bands: createBandLevels(database, { floorRows }) };
}

describe('the two-level near-duplicate band index', () => {
  it('takes new rows in the recent level and moves key-range slices across, the first slice first, once it outgrows its floor', () => {
    const { count, bands } = levels(200);
    for (let article = 1; article <= 4; article += 1) bands.add(rowsOf(bandsOf(article), article));
    bands.settle();
    expect([count('article_bands'), count('article_bands_recent')]).toEqual([0, 160]);
    for (let article = 5; article <= 10; article += 1) bands.add(rowsOf(bandsOf(article), article));
    bands.settle();
    const moved = count('article_bands');
    expect(moved).toBeGreaterThan(0);
    expect(count('article_bands', `band < ${SLICE}`)).toBeGreaterThan(0);
    expect(count('article_bands_recent', `band < ${SLICE}`)).toBe(0);
    expect(moved + count('article_bands_recent')).toBe(400);
  });

  it('moves slices in key order until the recent level is back under its limit, and no further', () => {
    const { database, count, bands } = levels(200);
    for (let article = 1; article <= 10; article += 1) bands.add(rowsOf(bandsOf(article), article));
    bands.settle();
    const afterOne = count('article_bands_recent');
    bands.settle();
    expect(count('article_bands_recent')).toBe(afterOne);
    const recent = afterOne;
    expect(recent).toBeLessThanOrEqual(200);
    expect(recent).toBeGreaterThan(200 - 400 / 4);
    expect(count('article_bands') + recent).toBe(400);
    // Slices move in key order: every row moved lies in a slice below every row still recent.
    const edge = (sql: string) => Math.floor(Number(database.prepare(sql).get()?.['n']) / SLICE);
    expect(edge('SELECT max(band) AS n FROM article_bands')).toBeLessThan(edge('SELECT min(band) AS n FROM article_bands_recent'));
  });

  it('finds an article by any of its bands in either level', () => {
    const { database, bands } = levels(200);
    for (let article = 1; article <= 12; article += 1) {
      bands.add(rowsOf(bandsOf(article), article));
      bands.settle();
    }
    for (let article = 1; article <= 12; article += 1) {
      for (const band of [bandsOf(article)[0] ?? '', bandsOf(article)[39] ?? '']) {
        const rows = database.prepare(rowidsWithBands(1)).all(...bandParameters([band], filterCache(database)));
        expect(
          rows.map((row) => Number(row['article_rowid'])),
          band,
        ).toEqual([article]);
      }
    }
  });

  it('does not add a row twice', () => {
    const { count, bands } = levels(200);
    bands.add(rowsOf(['0:1', '0:1', '1:1'], 1));
    bands.add(rowsOf(['0:1'], 1));
    expect(count('article_bands_recent')).toBe(2);
    expect(count('article_bands_recent', `band = ${bandKey('0:1')}`)).toBe(1);
  });
});

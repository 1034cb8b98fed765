import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addKey, emptyFilter, filterCache, mayHold } from '../../src/store/sqlite/band-filter.ts';
import { bandKey } from '../../src/store/sqlite/band-key.ts';
import { bandParameters, createBandLevels, rowidsWithBands } from '../../src/store/sqlite/band-levels.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const stores: Array<ReturnType<typeof createSqliteStore>> = [];
const folders: string[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const rowsOf = (bands: readonly string[], rowid: number) => bands.map((band) => ({ key: bandKey(band), rowid }));
const bandsOf = (article: number) => Array.from({ length: 40 }, (_unused, band) => `${band}:${article}`);

function open(path = ':memory:') {
  const store = createSqliteStore(path);
  stores.push(store);
  const database = store.database;
  const count = (sql: string) => Number(database.prepare(sql).get()?.['n']);
  return { database, count, bands: createBandLevels(database, { floorRows: 200 }) };
}

/** Adds articles first…last (40 bands each) in one transaction, moving slices as the levels call for. */
function addArticles(connection: ReturnType<typeof open>, first: number, last: number): void {
  connection.database.exec('BEGIN IMMEDIATE');
  for (let article = first; article <= last; article += 1) connection.bands.add(rowsOf(bandsOf(article), article));
  connection.bands.settle();
  connection.database.exec('COMMIT');
}

/** The large-level half of the bound keys for `bands`: the keys the filters let through. */
function largeKeys(database: ReturnType<typeof open>['database'], bands: readonly string[]): number[] {
  return bandParameters(bands, filterCache(database)).slice(0, bands.length);
}

function found(database: ReturnType<typeof open>['database'], band: string): number[] {
  return database
    .prepare(rowidsWithBands(1))
    .all(...bandParameters([band], filterCache(database)))
    .map((row) => Number(row['article_rowid']));
}

describe('the Bloom filter of a slice', () => {
  it('holds every key added and rules out nearly all others', () => {
    const filter = emptyFilter(10_000);
    const added = Array.from({ length: 20_000 }, (_unused, index) => bandKey(`in:${index}`));
    for (const key of added) addKey(filter, key);
    expect(added.every((key) => mayHold(filter, key))).toBe(true);
    const others = Array.from({ length: 20_000 }, (_unused, index) => bandKey(`out:${index}`));
    const falsePositives = others.filter((key) => mayHold(filter, key)).length;
    // Sized for twice the 10,000 keys it was built for, it is full here: about 5.6 % in theory.
    expect(falsePositives / others.length).toBeLessThan(0.08);
  });
});

describe('the large band level behind its filters', () => {
  it('gives each slice that rows moved into a filter holding all of its keys', () => {
    const connection = open();
    addArticles(connection, 1, 30);
    const { database, count } = connection;
    expect(count('SELECT count(*) AS n FROM article_bands')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM article_band_filters')).toBeGreaterThan(0);
    const moved = database
      .prepare('SELECT band FROM article_bands')
      .all()
      .map((row) => Number(row['band']));
    const filters = filterCache(database).current();
    for (const key of moved) {
      const filter = filters.get(Math.floor(key / (2 ** 53 / 16)));
      expect(filter, `slice of ${key}`).toBeDefined();
      expect(filter !== undefined && mayHold(filter, key)).toBe(true);
    }
  });

  it('looks up in the large level only the keys a filter may hold, and still finds every stored article', () => {
    const connection = open();
    addArticles(connection, 1, 30);
    const absent = Array.from({ length: 400 }, (_unused, index) => `absent:${index}`);
    const { database } = connection;
    const filteredSlices = new Set(filterCache(database).current().keys());
    const inFilteredSlices = absent.filter((band) => filteredSlices.has(Math.floor(bandKey(band) / (2 ** 53 / 16))));
    expect(inFilteredSlices.length).toBeGreaterThan(50);
    const passed = largeKeys(database, inFilteredSlices).filter((key) => key !== -1).length;
    expect(passed / inFilteredSlices.length).toBeLessThan(0.05);
    for (let article = 1; article <= 30; article += 1) {
      for (const band of bandsOf(article)) expect(found(database, band), band).toEqual([article]);
    }
  });

  it('looks up every key of a slice that has no filter (a store from before them)', () => {
    const connection = open();
    addArticles(connection, 1, 30);
    connection.database.exec('DELETE FROM article_band_filters');
    const keys = bandsOf(1).map(bandKey);
    expect(largeKeys(connection.database, bandsOf(1))).toEqual(keys);
    for (const band of bandsOf(2)) expect(found(connection.database, band)).toEqual([2]);
  });

  it("sees the slices another connection moved, and forgets a rolled-back move's filter", () => {
    const folder = mkdtempSync(join(tmpdir(), 'mb-band-filter-'));
    folders.push(folder);
    const path = join(folder, 'store.db');
    const reader = open(path);
    const writer = open(path);
    addArticles(writer, 1, 10);
    // The reader has read the filters (none yet, or the first slices') before the writer moves more.
    for (const band of bandsOf(1)) expect(found(reader.database, band)).toEqual([1]);
    addArticles(writer, 11, 40);
    for (let article = 1; article <= 40; article += 1) {
      for (const band of bandsOf(article)) expect(found(reader.database, band), band).toEqual([article]);
    }
    // A move rolled back: its filter was read by the writer's own lookup inside the transaction.
    writer.database.exec('BEGIN IMMEDIATE');
    for (let article = 41; article <= 60; article += 1) writer.bands.add(rowsOf(bandsOf(article), article));
    writer.bands.settle();
    expect(found(writer.database, bandsOf(41)[0] ?? '')).toEqual([41]);
    writer.database.exec('ROLLBACK');
    for (let article = 1; article <= 40; article += 1) {
      for (const band of bandsOf(article)) expect(found(writer.database, band), band).toEqual([article]);
    }
    expect(found(writer.database, bandsOf(41)[0] ?? '')).toEqual([]);
  });

  it('rebuilds a full filter from the rows of its slice, sized for twice as many', () => {
    const connection = open();
    addArticles(connection, 1, 30);
    const { database, count } = connection;
    const slice = Number(database.prepare('SELECT min(slice) AS n FROM article_band_filters').get()?.['n']);
    // Mark it full: the next move into it rebuilds it.
    database.prepare('UPDATE article_band_filters SET keys = capacity + 1, bits = zeroblob(length(bits)) WHERE slice = ?').run(slice);
    for (let article = 31; article <= 400 && count(`SELECT keys AS n FROM article_band_filters WHERE slice = ${slice}`) > 1_000; article += 10) {
      addArticles(connection, article, article + 9);
    }
    const rows = count(`SELECT count(*) AS n FROM article_bands WHERE band >= ${slice * 2 ** 49} AND band < ${(slice + 1) * 2 ** 49}`);
    expect(count(`SELECT keys AS n FROM article_band_filters WHERE slice = ${slice}`)).toBe(rows);
    const filter = filterCache(database).current().get(slice);
    const keys = database
      .prepare('SELECT band FROM article_bands WHERE band >= ? AND band < ?')
      .all(slice * 2 ** 49, (slice + 1) * 2 ** 49)
      .map((row) => Number(row['band']));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => filter !== undefined && mayHold(filter, key))).toBe(true);
  });
});

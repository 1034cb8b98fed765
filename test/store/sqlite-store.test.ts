import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';

const open: Array<Store> = [];
function newStore(path = ':memory:'): ReturnType<typeof createSqliteStore> {
  const store = createSqliteStore(path);
  open.push(store);
  return store;
}
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

/** What only SQLite does; every store behaviour is in the contract suite (test/store/contract/), run on both engines. */
describe('sqlite store', () => {
  it('applies every migration once, in WAL mode, and again is a no-op', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-store-')), 'db.sqlite');
    newStore(path);
    const second = newStore(path);
    const versions = second.database.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions.map((row) => row['version'])).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(second.database.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
  });

  it('keeps statement journals in memory, not in temporary files written page by page', () => {
    // 2 = MEMORY (SQLite's default, 0, follows the build: a file in this one).
    expect(newStore().database.prepare('PRAGMA temp_store').get()?.['temp_store']).toBe(2);
  });

  it('checkpoints the WAL every 20,000 pages, not after every batch, and cuts a reset WAL back to 64 MB', () => {
    const { database } = newStore();
    expect(database.prepare('PRAGMA wal_autocheckpoint').get()?.['wal_autocheckpoint']).toBe(20_000);
    expect(database.prepare('PRAGMA journal_size_limit').get()?.['journal_size_limit']).toBe(67_108_864);
  });

  it("merges 16 full-text segments at a time, and the setting is the file's", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-fts-')), 'db.sqlite');
    newStore(path);
    const raw = new DatabaseSync(path);
    const automerge = raw.prepare("SELECT v FROM articles_fts_config WHERE k = 'automerge'").get()?.['v'];
    raw.close();
    expect(automerge).toBe(16);
  });

  it('creates the tables the port relies on in the file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-raw-')), 'db.sqlite');
    newStore(path);
    const raw = new DatabaseSync(path);
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row['name']);
    raw.close();
    expect(tables).toEqual(expect.arrayContaining(['articles', 'article_topics', 'entity_mentions', 'article_bands', 'subscriptions', 'deliveries']));
  });
});

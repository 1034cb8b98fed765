import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeArticle, noKeys } from '../support/articles.ts';

const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** A database file as migration 10 left it, with two articles written the way that schema stored them. */
function version10(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mb-v10-')), 'db.sqlite');
  const database = new DatabaseSync(path);
  database.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 10)) {
    database.exec(migration.sql);
    database.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, '2026-11-01T00:00:00Z');
  }
  const article = database.prepare(`INSERT INTO articles (id, title, text, content_hash, entities_json, topics_json, sentiment_label,
    sentiment_score, duplicate_of, ingested_at, sort_time, signature, shared) VALUES (?, ?, 'Body.', ?, ?, ?, 'neutral', 0, ?, ?, ?, ?, ?)`);
  const entities = JSON.stringify([{ id: 'company:acme', name: 'Acme', type: 'company', ticker: null, count: 1 }]);
  article.run('a_old', 'Acme profit rises', 'h1', entities, '["china"]', null, '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z', new Uint8Array([1, 0, 0, 0]), 1);
  article.run(
    'a_new',
    'Acme profit rises again',
    'h2',
    entities,
    '["china"]',
    'a_old',
    '2026-11-03T00:00:00Z',
    '2026-11-03T00:00:00Z',
    new Uint8Array([2, 0, 0, 0]),
    0,
  );
  database.prepare("INSERT INTO article_owners VALUES ('slack:T1', 'a_new')").run();
  for (const [id, time] of [
    ['a_old', '2026-11-02T00:00:00Z'],
    ['a_new', '2026-11-03T00:00:00Z'],
  ] as const) {
    database.prepare("INSERT INTO article_topics VALUES (?, 'china', ?)").run(id, time);
    database.prepare("INSERT INTO entity_mentions VALUES (?, 'company:acme', 'Acme', 'company', NULL, 1, ?)").run(id, time);
    database.prepare("INSERT INTO article_bands VALUES ('0:abc', ?)").run(id);
  }
  database.close();
  return path;
}

describe('migration 11 (link tables keyed by article rowid)', () => {
  it('converts a database built with the previous schema: topics, mentions, bands and search still find its articles', async () => {
    const store = createSqliteStore(version10());
    stores.push(store);
    const versions = store.database
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row['version']);
    expect(versions).toContain(11);
    expect(Number(store.database.prepare('SELECT count(*) AS n FROM article_bands').get()?.['n'])).toBe(2);
    expect((await store.listArticles({ topics: ['china'], viewer: 'slack:T1', originalsOnly: false })).map((a) => a.id)).toEqual(['a_new', 'a_old']);
    expect((await store.listArticles({ entityIds: ['company:acme'] })).map((a) => a.id)).toEqual(['a_old']);
    expect((await store.nearDuplicateCandidates(['0:abc'], 10)).map((c) => c.id)).toEqual(['a_old', 'a_new']);
    expect((await store.search('acme profit', { viewer: 'slack:T1', originalsOnly: false })).map((hit) => hit.article.id).sort()).toEqual(['a_new', 'a_old']);
    const counts = await store.entityCounts(undefined, 5, 'slack:T1');
    expect(counts).toEqual([{ entity: { id: 'company:acme', name: 'Acme', type: 'company', ticker: null }, articles: 2 }]);
    // New articles go into the converted tables.
    await store.insertArticle(makeArticle({ id: 'a3', topics: ['china'], publishedAt: '2026-11-04T00:00:00.000Z' }), noKeys);
    expect((await store.listArticles({ topics: ['china'], originalsOnly: false }))[0]?.id).toBe('a3');
  });
});

describe('migration 13 (entity names as distinct pairs)', () => {
  it('finds entities stored before it by name and by a name they begin with, and drops the per-mention name index', async () => {
    const store = createSqliteStore(version10());
    stores.push(store);
    const names = store.database.prepare('SELECT name, entity_id FROM entity_names').all();
    expect(names.map((row) => [row['name'], row['entity_id']])).toEqual([['Acme', 'company:acme']]);
    const index = store.database.prepare("SELECT name FROM sqlite_master WHERE name = 'entity_mentions_name'").get();
    expect(index).toBeUndefined();
    expect((await store.findStoredEntities('ACME', [], ['company'], 5)).map((found) => [found.entity.id, found.articles])).toEqual([['company:acme', 1]]); // the shared article; the other is one workspace's
    await store.insertArticle(
      makeArticle({ id: 'a4', entities: [{ id: 'company:acme-robotics', name: 'Acme Robotics', type: 'company', ticker: null, tickers: [], count: 1 }] }),
      noKeys,
    );
    expect((await store.findStoredEntities('acme', [], ['company'], 5)).map((found) => found.entity.id)).toEqual(['company:acme', 'company:acme-robotics']);
  });
});

describe('insertArticles (group commit)', () => {
  it('stores a batch in order in one transaction; a later copy of an earlier item is refused as insertArticle would', async () => {
    const store = createSqliteStore(':memory:');
    stores.push(store);
    const first = makeArticle({ id: 'b1', contentHash: 'same' });
    const copy = makeArticle({ id: 'b2', contentHash: 'same' });
    const other = makeArticle({ id: 'b3', contentHash: 'other' });
    expect(
      await store.insertArticles([
        { article: first, keys: noKeys },
        { article: copy, keys: noKeys },
        { article: other, keys: noKeys, owners: ['slack:T1'] },
      ]),
    ).toEqual([true, false, true]);
    expect(await store.countArticles()).toBe(2);
    expect(await store.getArticle('b3')).toEqual(other);
    expect((await store.listArticles({})).map((a) => a.id)).not.toContain('b3');
    expect(await store.insertArticles([])).toEqual([]);
  });

  it('stores nothing of a batch when one item fails', async () => {
    const store = createSqliteStore(':memory:');
    stores.push(store);
    const good = makeArticle({ id: 'c1', contentHash: 'c1' });
    // A near-duplicate of an article that is not stored breaks the foreign key.
    const broken = makeArticle({ id: 'c2', contentHash: 'c2', duplicateOf: 'missing' });
    await expect(
      store.insertArticles([
        { article: good, keys: noKeys },
        { article: broken, keys: noKeys },
      ]),
    ).rejects.toThrow();
    expect(await store.countArticles()).toBe(0);
  });
});

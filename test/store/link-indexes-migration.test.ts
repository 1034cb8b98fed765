import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeArticle } from '../support/articles.ts';

const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const bandsOf = (seed: string) => Array.from({ length: 40 }, (_unused, band) => `${band}:${seed}`);
const entity = (id: string, name: string) => ({ id, name, type: 'company' as const, ticker: null, tickers: [], count: 2 });

describe('migration 15 (link tables without by-article indexes)', () => {
  it('leaves the link tables only their key indexes', () => {
    const store = createSqliteStore(':memory:');
    stores.push(store);
    const indexes = store.database
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('article_topics', 'entity_mentions', 'article_bands', 'article_bands_recent') AND sql IS NOT NULL",
      )
      .all()
      .map((row) => row['name']);
    expect(indexes).toEqual([]);
  });

  it('deleting an article by hand still deletes its topic, entity and band rows in both levels, and nothing of another article', async () => {
    const store = createSqliteStore(':memory:');
    stores.push(store);
    const database = store.database;
    const shared = { entities: [entity('company:acme', 'Acme'), entity('company:zorvath', 'Zorvath')], topics: ['china', 'tech'] };
    await store.insertArticle(makeArticle({ id: 'a_gone', contentHash: 'h1', publishedAt: '2026-11-02T00:00:00Z', ...shared }), {
      signature: new Uint32Array([1]),
      bands: bandsOf('gone'),
    });
    await store.insertArticle(makeArticle({ id: 'a_kept', contentHash: 'h2', publishedAt: '2026-11-02T00:00:00Z', ...shared }), {
      signature: new Uint32Array([2]),
      bands: bandsOf('kept'),
    });
    // Half of the deleted article's band rows in the large level, as a merge step leaves them.
    database.exec(`INSERT INTO article_bands SELECT band, article_rowid FROM article_bands_recent
      WHERE article_rowid = (SELECT rowid FROM articles WHERE id = 'a_gone') AND band % 2 = 0`);
    database.exec('DELETE FROM article_bands_recent WHERE band IN (SELECT band FROM article_bands)');
    const rows = (table: string) => Number(database.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.['n']);
    expect([rows('article_topics'), rows('entity_mentions'), rows('article_bands') + rows('article_bands_recent')]).toEqual([4, 4, 80]);
    expect(rows('article_bands')).toBeGreaterThan(0);

    database.prepare('DELETE FROM articles WHERE id = ?').run('a_gone');

    const kept = Number(database.prepare("SELECT rowid FROM articles WHERE id = 'a_kept'").get()?.['rowid']);
    for (const table of ['article_topics', 'entity_mentions', 'article_bands', 'article_bands_recent']) {
      const others = database.prepare(`SELECT count(*) AS n FROM ${table} WHERE article_rowid <> ?`).get(kept)?.['n'];
      expect([table, others]).toEqual([table, 0]);
    }
    expect([rows('article_topics'), rows('entity_mentions'), rows('article_bands_recent')]).toEqual([2, 2, 40]);
    expect((await store.search('body', {})).map((hit) => hit.article.id)).toEqual(['a_kept']);
  });
});

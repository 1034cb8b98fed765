import { describe, expect, it } from 'vitest';
import { bestFirst, rankNewest } from '../../src/store/sqlite/newest-ranking.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { statementCache } from '../../src/store/sqlite/statement-cache.ts';
import { makeArticle } from '../support/articles.ts';
import { createRandom } from '../support/seeded-random.ts';

describe('bestFirst', () => {
  it('yields every scored rowid, the higher score first and the newer among equal scores, past the first pick too', () => {
    const random = createRandom(7);
    const scores = new Map<number, number>();
    // Few distinct scores, so many ties: 100 rowids, more than the first pick holds.
    for (let rowid = 1; rowid <= 100; rowid += 1) scores.set(rowid * 3, Math.floor(random.next() * 5));
    const expected = [...scores].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    expect([...bestFirst(scores)]).toEqual(expected);
    expect([...bestFirst(new Map([[5, 1]]))]).toEqual([[5, 1]]);
    expect([...bestFirst(new Map())]).toEqual([]);
  });
});

describe('rankNewest', () => {
  async function copperStore() {
    const store = createSqliteStore(':memory:');
    const texts: Array<[string, string, string]> = [
      ['old-title', 'Copper climbs', 'Copper metals traded higher.'],
      ['body', 'Markets today', 'Copper prices climbed.'],
      ['unrelated', 'Oil slips', 'Crude fell on supply news.'],
      ['new-body', 'Metals round-up', 'Copper climbed again.'],
    ];
    for (const [id, title, text] of texts) await store.insertArticle(makeArticle({ id, title, text }), { signature: new Uint32Array([1]), bands: [] });
    const prepared = statementCache(store.database);
    const ids = (scores: Map<number, number>) =>
      [...bestFirst(scores)].map(([rowid]) => String(store.database.prepare('SELECT id FROM articles WHERE rowid = ?').get(rowid)?.['id']));
    return { store, prepared, ids };
  }

  it('every word, past the bm25 budget: the title holding the words first, then the newer', async () => {
    const { store, prepared, ids } = await copperStore();
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 10, every: true }, 0))).toEqual(['old-title', 'new-body', 'body']);
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 2, every: true }, 0))).toEqual(['new-body', 'body']);
    // Among the newest two stored only: "unrelated" and "new-body".
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 10, stored: 2, every: true }, 0))).toEqual(['new-body']);
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 10, stored: 2, every: true }))).toEqual(['new-body']);
    // Within the budget FTS5's bm25 ranks the same window.
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 10, every: true })).sort()).toEqual(['body', 'new-body', 'old-title']);
    await store.close();
  });

  it('every word: the articles holding the words close together first, whatever their age', async () => {
    const store = createSqliteStore(':memory:');
    const filler = Array.from({ length: 20 }, (_unused, index) => `word${index}`).join(' ');
    await store.insertArticle(makeArticle({ id: 'close', title: 'Metals', text: `Copper climbed. ${filler}` }), { signature: new Uint32Array([1]), bands: [] });
    await store.insertArticle(makeArticle({ id: 'far', title: 'Metals', text: `Copper ${filler} climbed.` }), { signature: new Uint32Array([1]), bands: [] });
    const prepared = statementCache(store.database);
    const ids = (scores: Map<number, number>) =>
      [...bestFirst(scores)].map(([rowid]) => String(store.database.prepare('SELECT id FROM articles WHERE rowid = ?').get(rowid)?.['id']));
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 10, every: true }, 0))).toEqual(['close', 'far']);
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 10, every: true }))).toEqual(['close', 'far']);
    // Any word: no such order (the newer first on equal words).
    expect(ids(rankNewest(prepared, ['"copper"', '"climbs"'], { newest: 10 }))).toEqual(['far', 'close']);
    await store.close();
  });

  it('any word: more words and titles first, only the newest matches', async () => {
    const { store, prepared, ids } = await copperStore();
    expect(ids(rankNewest(prepared, ['"copper"', '"crude"'], { newest: 10 }))[0]).toBe('old-title');
    expect(ids(rankNewest(prepared, ['"copper"', '"crude"'], { newest: 2 })).sort()).toEqual(['new-body', 'unrelated']);
    expect(ids(rankNewest(prepared, ['"nickel"'], { newest: 10 }))).toEqual([]);
    expect(ids(rankNewest(prepared, ['"copper"', '"crude"'], { newest: 10, stored: 1 }))).toEqual(['new-body']);
    expect(ids(rankNewest(prepared, ['"old"', '"copper"'], { newest: 10, stored: 3 })).sort()).toEqual(['body', 'new-body']);
    await store.close();
  });
});

// The hot reads must stay index walks: each plan is checked for a full scan (SCAN of a table other
// than the FTS5 virtual table) or a temp B-tree sort, on the schema the migrations build.
import type { SQLInputValue } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleQuery } from '../../src/ports/store.ts';
import { createArticleQueries } from '../../src/store/sqlite/article-queries.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { alibabaArticles } from '../support/articles.ts';

const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function filledStore() {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  for (const [index, article] of alibabaArticles().entries()) {
    await store.insertArticle(
      article,
      { signature: new Uint32Array([index]), bands: [`0:${index % 3}`, `1:${index % 4}`] },
      index % 2 === 0 ? [null] : ['slack:T1'],
    );
  }
  return { store, queries: createArticleQueries(store.database) };
}

function plan(store: ReturnType<typeof createSqliteStore>, statement: { sql: string; parameters: SQLInputValue[] }): string[] {
  return store.database
    .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
    .all(...statement.parameters)
    .map((row) => String(row['detail']));
}

function problems(lines: string[]): string[] {
  return lines.filter((line) => (/^SCAN /.test(line) && !/VIRTUAL TABLE/.test(line)) || /TEMP B-TREE/.test(line));
}

const week = { since: '2026-11-29T00:00:00.000Z', until: '2026-12-06T00:00:00.000Z' };
const listCases: Array<[string, ArticleQuery]> = [
  ['/company (one entity, latest 5)', { entityIds: ['company:alibaba'], limit: 5 }],
  ['/company seen by a workspace', { entityIds: ['company:alibaba'], limit: 5, viewer: 'slack:T1' }],
  ['/market (entity and region topic over 7 days)', { entityIds: ['index:hsi'], topics: ['hong-kong'], ...week, limit: 300, originalsOnly: false }],
  ['the brief window over a topic', { topics: ['china'], ...week, limit: 300, originalsOnly: false, viewer: 'slack:T1' }],
  ['the brief window over everything', { ...week, limit: 300, originalsOnly: false }],
];

describe('query plans of the hot reads', () => {
  for (const [name, query] of listCases) {
    it(`${name}: an index walk, no full scan, no sort`, async () => {
      const { store, queries } = await filledStore();
      for (const statement of queries.listStatements(query)) {
        const lines = plan(store, statement);
        expect(problems(lines), lines.join('\n')).toEqual([]);
        expect(
          lines.some((line) => /^SEARCH (k|a) USING/.test(line)),
          lines.join('\n'),
        ).toBe(true);
      }
      // And the walk returns what it should, newest first.
      const listed = await store.listArticles(query);
      const times = listed.map((article) => article.publishedAt ?? '');
      expect(times).toEqual([...times].sort().reverse());
    });
  }

  it('/ask (full-text, every word, then any word among the newest matches): FTS5 orders by its rank, no sort', async () => {
    const { store, queries } = await filledStore();
    for (const query of [{ every: true }, { every: false }, { newest: 20_000 }]) {
      const statement = queries.searchStatement('alibaba profit outlook', { limit: 300, ...query });
      if (statement === null) throw new Error('no statement');
      const lines = plan(store, statement);
      expect(problems(lines), lines.join('\n')).toEqual([]);
    }
    // The newest matches are found newest first by FTS5 itself (its rowid order), then ranked from the oldest of them on.
    const newest = queries.searchStatement('alibaba profit outlook', { limit: 8, newest: 20_000 });
    if (newest === null) throw new Error('no statement');
    expect(plan(store, newest).join('\n')).toMatch(/VIRTUAL TABLE INDEX \d+:M\d+>/);
  });

  it('near-duplicate candidates: band keys searched, articles by rowid, no sort', async () => {
    const { store, queries } = await filledStore();
    const bands = Array.from({ length: 40 }, (_unused, index) => `${index}:${index}`);
    const lines = plan(store, queries.nearDuplicateStatement(bands, 64));
    expect(problems(lines), lines.join('\n')).toEqual([]);
    const found = await store.nearDuplicateCandidates(['0:1', '1:3'], 64);
    expect(found.map((candidate) => candidate.id).sort()).toEqual(['a1', 'a10', 'a11', 'a13', 'a15', 'a16', 'a19', 'a3', 'a4', 'a7']);
  });

  it('a broken plan is caught: a sort on a column no index holds fails the check', async () => {
    const { store } = await filledStore();
    const lines = plan(store, { sql: 'SELECT id FROM articles ORDER BY title LIMIT 5', parameters: [] });
    expect(problems(lines).length).toBeGreaterThan(0);
  });
});

// The hot reads must stay index walks: each plan is checked for a full scan (SCAN of a table other
// than the FTS5 virtual table) or a temp B-tree sort, on the schema the migrations build.
import type { SQLInputValue } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleQuery } from '../../src/ports/store.ts';
import { createArticleQueries } from '../../src/store/sqlite/article-queries.ts';
import { NEWEST_STATEMENTS } from '../../src/store/sqlite/newest-ranking.ts';
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

  it('full-text search over the whole table (the brief keywords): FTS5 orders by its rank, no sort', async () => {
    const { store, queries } = await filledStore();
    for (const query of [{ every: true }, { every: false }]) {
      const statement = queries.searchStatement('alibaba profit outlook', { limit: 300, ...query });
      if (statement === null) throw new Error('no statement');
      const lines = plan(store, statement);
      expect(problems(lines), lines.join('\n')).toEqual([]);
    }
  });

  it('/ask (full-text among the newest matches): every walk is FTS5 newest first, no sort; the article read by rowid', async () => {
    const { store, queries } = await filledStore();
    const parameters: Record<keyof typeof NEWEST_STATEMENTS, SQLInputValue[]> = {
      bound: ['"alibaba" OR "profit"', 20_000],
      since: ['"alibaba"', 20_000, 1],
      reach: ['"profit"', 1_000],
      walk: ['title : "alibaba" AND "profit"'],
      ranked: ['"alibaba"'],
      top: [],
    };
    for (const [name, sql] of Object.entries(NEWEST_STATEMENTS)) {
      const lines = plan(store, { sql, parameters: parameters[name as keyof typeof NEWEST_STATEMENTS] });
      // A walk's LIMIT is applied in a subquery whose rows the outer query then reads: not a table scan.
      expect(problems(lines.filter((line) => !/^SCAN \(subquery-\d+\)$/.test(line))), `${name}: ${lines.join('\n')}`).toEqual([]);
      // FTS5 itself walks newest first (its plan number 192: descending rowid order), so a LIMIT
      // stops the walk; or orders by its rank (32).
      if (name === 'ranked') expect(lines.join('\n'), name).toMatch(/VIRTUAL TABLE INDEX 32:M/);
      else if (name !== 'top') expect(lines.join('\n'), name).toMatch(/VIRTUAL TABLE INDEX 192:M/);
    }
    const read = queries.articleByRowidStatement({ limit: 8 });
    const lines = plan(store, { sql: read.sql, parameters: [1, ...read.parameters] });
    expect(problems(lines), lines.join('\n')).toEqual([]);
    expect(lines.join('\n')).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
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

import { afterEach, describe, expect, it } from 'vitest';
import { briefForScope, WIDEN_LIMIT_DAYS } from '../../src/brief/brief-for-scope.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeArticle, noKeys } from '../support/articles.ts';

const reference = loadReferenceIndex();
const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const now = new Date('2026-12-05T12:00:00.000Z');
const daysAgo = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

async function storeWith(articles: Array<{ id: string; title: string; publishedAt: string | null; ingestedAt?: string }>) {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  for (const { ingestedAt, ...fields } of articles) {
    await store.insertArticle(makeArticle({ ...fields, text: `${fields.title}. Shares moved.`, ingestedAt: ingestedAt ?? now.toISOString() }), noKeys);
  }
  return { store, reference, clock: { now: () => now } };
}

describe('freshness of briefs', () => {
  it('files an article under its publication time: a 2007 article ingested today is not in a 24 h window', async () => {
    const services = await storeWith([{ id: 'old', title: 'Carmaker recalls sedans', publishedAt: '2007-05-01T10:00:00.000Z' }]);
    const brief = await briefForScope({ title: 'T', topics: [] }, { windowHours: 24, widenWhenEmpty: false }, services);
    expect(brief.articleCount).toBe(0);
  });

  it('widens an empty window only as far as its limit, and says so', async () => {
    const services = await storeWith([
      { id: 'ancient', title: 'Carmaker recalls sedans', publishedAt: '2007-05-01T10:00:00.000Z' },
      { id: 'five', title: 'Miner raises output guidance', publishedAt: daysAgo(5) },
      { id: 'twenty', title: 'Retailer closes two hundred stores', publishedAt: daysAgo(20) },
    ]);
    const brief = await briefForScope({ title: 'T', topics: [] }, { windowHours: 24, widenWhenEmpty: true, widenLimitDays: WIDEN_LIMIT_DAYS.brief }, services);
    expect(brief.sources.map((source) => source.articleId)).toEqual(['five']);
    expect(brief.notes.join(' ')).toMatch(/widened to the latest 1 articles, published since \d{4}-\d\d-\d\d \(at most 7 days back\)/);
    const market = await briefForScope(
      { title: 'T', topics: [] },
      { windowHours: 24, widenWhenEmpty: true, widenLimitDays: WIDEN_LIMIT_DAYS.market },
      services,
    );
    expect(market.sources.map((source) => source.articleId).sort()).toEqual(['five', 'twenty']);
    expect(market.sources.some((source) => source.articleId === 'ancient')).toBe(false);
  });

  it('defaults to the /brief limit and says when even the widened window is empty', async () => {
    const services = await storeWith([{ id: 'ancient', title: 'Carmaker recalls sedans', publishedAt: '2007-05-01T10:00:00.000Z' }]);
    const brief = await briefForScope({ title: 'T', topics: [] }, { windowHours: 24, widenWhenEmpty: true }, services);
    expect(brief.articleCount).toBe(0);
    expect(brief.notes.join(' ')).toMatch(/Nothing in the last 24 h, nor in the 7 days before/);
  });

  it('uses the time stored when the publication time is unknown', async () => {
    const services = await storeWith([{ id: 'undated', title: 'Port operator wins contract', publishedAt: null, ingestedAt: daysAgo(0.1) }]);
    const brief = await briefForScope({ title: 'T', topics: [] }, { windowHours: 24, widenWhenEmpty: false }, services);
    expect(brief.articleCount).toBe(1);
  });
});

import { expect, it } from 'vitest';
import type { ArticleQuery } from '../../../src/ports/index.ts';
import { makeArticle, noKeys } from '../../support/articles.ts';
import { describeStoreContract } from './engines.ts';

const A = 'slack:TA';
const B = 'discord:GB';
const tencent = { id: 'company:tencent', name: 'Tencent', type: 'company' as const, ticker: '0700.HK', tickers: ['0700.HK'], count: 1 };
const addedBy = (workspaceId: string) => ({ platform: 'slack', workspaceId, channelId: 'c', userId: 'u' });

describeStoreContract('store contract: tenancy (shared rows and each workspace’s own)', ({ store }) => {
  it('shows a workspace the shared articles and its own, never another’s', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'shared', title: 'Tencent shared story', topics: ['china'], entities: [tencent] }), noKeys);
    await s.insertArticle(makeArticle({ id: 'a-own', title: 'Tencent story of A', topics: ['china'], entities: [tencent] }), noKeys, [A]);
    await s.insertArticle(makeArticle({ id: 'b-own', title: 'Tencent story of B', topics: ['china'], entities: [tencent] }), noKeys, [B]);
    const ids = async (query: ArticleQuery) => (await s.listArticles(query)).map((article) => article.id).sort();
    expect(await ids({})).toEqual(['shared']);
    expect(await ids({ viewer: A })).toEqual(['a-own', 'shared']);
    expect(await ids({ viewer: B, topics: ['china'] })).toEqual(['b-own', 'shared']);
    expect((await s.search('tencent story', { viewer: A })).map((hit) => hit.article.id).sort()).toEqual(['a-own', 'shared']);
    expect(await s.topicCounts(undefined, A)).toEqual([{ topic: 'china', articles: 2 }]);
    expect(await s.topicCounts(undefined)).toEqual([{ topic: 'china', articles: 1 }]);
    expect((await s.entityCounts(undefined, 5, B))[0]?.articles).toBe(2);
    expect((await s.findStoredEntities('tencent', [], ['company'], 5, A))[0]?.articles).toBe(2);
    expect((await s.articlesIngestedAfter('2000-01-01', 10, B)).map((article) => article.id).sort()).toEqual(['b-own', 'shared']);
  });

  it('shares an article stored for several owners, and grants a stored one to more (a null owner shares it)', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'both' }), noKeys, [A, B]);
    await s.insertArticle(makeArticle({ id: 'mixed' }), noKeys, [A, null]);
    await s.insertArticle(makeArticle({ id: 'later' }), noKeys, [A]);
    const ids = async (viewer?: string) => (await s.listArticles({ viewer })).map((article) => article.id).sort();
    expect(await ids()).toEqual(['mixed']);
    expect(await ids(B)).toEqual(['both', 'mixed']);
    await s.grantArticle('later', [B]);
    expect(await ids(B)).toEqual(['both', 'later', 'mixed']);
    await s.grantArticle('later', [B, null]);
    expect(await ids()).toEqual(['later', 'mixed']);
  });

  it('treats a copy of an article the viewer cannot see as an original', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'a-first' }), noKeys, [A]);
    await s.insertArticle(makeArticle({ id: 'b-copy', duplicateOf: 'a-first' }), noKeys, [B]);
    expect((await s.listArticles({ viewer: B })).map((article) => article.id)).toEqual(['b-copy']);
    await s.grantArticle('a-first', [B]);
    expect((await s.listArticles({ viewer: B })).map((article) => article.id)).toEqual(['a-first']);
  });

  it('links owners to one feed fetch, each with its own view; the feed goes when the last link does', async () => {
    const s = await store();
    const url = 'https://example.com/feed';
    const forA = await s.addSource({ url, title: null, topics: ['ai'], addedBy: addedBy('TA'), intervalMinutes: 10 }, '2026-11-24T00:00:00.000Z', A);
    const forB = await s.addSource({ url, title: null, topics: ['chips'], addedBy: addedBy('GB'), intervalMinutes: 10 }, '2026-11-24T00:01:00.000Z', B);
    expect(forA).toMatchObject({ created: true, linked: true });
    expect(forB).toMatchObject({ created: false, linked: true, source: { id: forA.source.id, topics: ['chips'] } });
    const id = forA.source.id;
    expect(await s.sourceOwners(id)).toEqual([A, B]);
    expect((await s.getSource(id))?.topics.sort()).toEqual(['ai', 'chips']);
    expect((await s.getSource(id))?.addedBy.workspaceId).toBe('TA');
    expect((await s.getSource(id, B))?.topics).toEqual(['chips']);
    expect(await s.getSource(id, null)).toBeNull();
    expect((await s.listSources({ owner: A })).map((source) => source.topics)).toEqual([['ai']]);
    expect(await s.listSources({ owner: null })).toEqual([]);
    expect(await s.removeSource(id, A)).toBe(true);
    expect(await s.removeSource(id, A)).toBe(false);
    expect(await s.sourceOwners(id)).toEqual([B]);
    expect((await s.getSource(id))?.addedBy.workspaceId).toBe('GB');
    expect(await s.removeSource(id, B)).toBe(true);
    expect(await s.getSource(id)).toBeNull();
    const operator = await s.addSource({ url, title: null, topics: [], addedBy: addedBy('w'), intervalMinutes: 10 }, '2026-11-24T00:02:00.000Z');
    expect(await s.sourceOwners(operator.source.id)).toEqual([null]);
  });

  it('keeps LLM usage per owner: one workspace’s, the operator’s own, or every call', async () => {
    const s = await store();
    const at = '2026-11-24T00:00:00.000Z';
    await s.recordUsage({ at, promptId: 'p', model: 'm', inputTokens: 1, outputTokens: 1, cached: false, owner: A });
    await s.recordUsage({ at, promptId: 'p', model: 'm', inputTokens: 10, outputTokens: 10, cached: false, owner: null });
    await s.recordUsage({ at, promptId: 'p', model: 'm', inputTokens: 100, outputTokens: 100, cached: false });
    expect((await s.usageSince('2026-01-01', A))[0]?.inputTokens).toBe(1);
    expect((await s.usageSince('2026-01-01', null))[0]?.inputTokens).toBe(110);
    expect((await s.usageSince('2026-01-01'))[0]?.inputTokens).toBe(111);
    expect(await s.usageSince('2026-01-01', B)).toEqual([]);
  });
});

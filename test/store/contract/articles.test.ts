import { expect, it } from 'vitest';
import type { ArticleQuery } from '../../../src/ports/index.ts';
import { makeArticle, noKeys } from '../../support/articles.ts';
import { describeStoreContract } from './engines.ts';

const alibaba = { id: 'company:alibaba', name: 'Alibaba Group', type: 'company' as const, ticker: 'BABA', tickers: ['BABA', '9988.HK'], count: 3 };

describeStoreContract('store contract: articles and dedupe', ({ store, twin }) => {
  it('stores an article with entities and topics and reads it back unchanged', async () => {
    const s = await store();
    const article = makeArticle({ id: 'a1', entities: [alibaba], topics: ['china', 'ai'], sentiment: { label: 'positive', score: 0.4 } });
    expect(await s.insertArticle(article, noKeys)).toBe(true);
    expect(await s.getArticle('a1')).toEqual(article);
    expect(await s.getArticle('nope')).toBeNull();
    expect(await s.countArticles()).toBe(1);
  });

  it('stores a headline as a headline; stories read back without the marker', async () => {
    const s = await store();
    const headline = makeArticle({ id: 'h1', title: 'Fed holds rates steady', text: '', kind: 'headline' });
    const story = makeArticle({ id: 's1' });
    await s.insertArticle(headline, noKeys);
    await s.insertArticle(story, noKeys);
    expect(await s.getArticle('h1')).toEqual(headline);
    expect((await s.getArticle('s1'))?.kind).toBeUndefined();
  });

  it('refuses a second article with the same content hash or id and keeps the first', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'a1', contentHash: 'same', title: 'first' }), noKeys);
    expect(await s.insertArticle(makeArticle({ id: 'a2', contentHash: 'same', title: 'second' }), noKeys)).toBe(false);
    expect(await s.insertArticle(makeArticle({ id: 'a1', contentHash: 'other', title: 'third' }), noKeys)).toBe(false);
    expect((await s.getArticle('a1'))?.title).toBe('first');
    expect(await s.countArticles()).toBe(1);
  });

  it('stores an article once when two connections race to store it', async () => {
    const one = await store();
    const two = await twin();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? one : two).insertArticle(makeArticle({ id: `r${index}`, contentHash: 'raced' }), noKeys)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await two.countArticles()).toBe(1);
  });

  it('finds an existing article by content hash, URL or GUID', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'a1', url: 'https://example.com/x', guid: 'g-1' }), noKeys);
    expect(await s.findExisting({ contentHash: 'hash-a1', url: null, guid: null })).toBe('a1');
    expect(await s.findExisting({ contentHash: 'other', url: 'https://example.com/x', guid: null })).toBe('a1');
    expect(await s.findExisting({ contentHash: 'other', url: null, guid: 'g-1' })).toBe('a1');
    expect(await s.findExisting({ contentHash: 'other', url: 'https://example.com/y', guid: 'g-2' })).toBeNull();
  });

  it('returns near-duplicate candidates sharing a band, oldest first, with their signatures', async () => {
    const s = await store();
    const signature = new Uint32Array([7, 8, 9, 4294967295]);
    await s.insertArticle(makeArticle({ id: 'late', publishedAt: '2026-11-21T00:00:00.000Z', duplicateOf: null }), {
      signature: new Uint32Array([5]),
      bands: ['b2'],
    });
    await s.insertArticle(makeArticle({ id: 'a1' }), { signature, bands: ['b1', 'b2'] });
    await s.insertArticle(makeArticle({ id: 'a2' }), { signature: new Uint32Array([1]), bands: ['b3'] });
    const candidates = await s.nearDuplicateCandidates(['b2', 'b9'], 10);
    expect(candidates.map((candidate) => candidate.id)).toEqual(['a1', 'late']);
    expect([...(candidates[0]?.signature ?? [])]).toEqual([...signature]);
    expect(await s.nearDuplicateCandidates([], 10)).toEqual([]);
    expect(await s.nearDuplicateCandidates(['b2'], 1)).toHaveLength(1);
  });

  it('reads many articles in the order asked, leaving out unknown ids', async () => {
    const s = await store();
    for (const id of ['a1', 'a2', 'a3']) await s.insertArticle(makeArticle({ id }), noKeys);
    expect((await s.getArticles(['a3', 'x', 'a1'])).map((article) => article.id)).toEqual(['a3', 'a1']);
    expect(await s.getArticles([])).toEqual([]);
  });

  it('lists by window, topic or entity, newest first, leaving out near-duplicates unless asked', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'old', publishedAt: '2026-11-01T00:00:00.000Z', topics: ['china'] }), noKeys);
    await s.insertArticle(makeArticle({ id: 'new', publishedAt: '2026-11-20T00:00:00.000Z', topics: ['china'] }), noKeys);
    await s.insertArticle(makeArticle({ id: 'dup', publishedAt: '2026-11-20T01:00:00.000Z', topics: ['china'], duplicateOf: 'new' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'ent', publishedAt: '2026-11-19T00:00:00.000Z', entities: [alibaba] }), noKeys);
    await s.insertArticle(makeArticle({ id: 'undated', publishedAt: null, ingestedAt: '2026-11-18T00:00:00.000Z' }), noKeys);
    const ids = async (query: ArticleQuery) => (await s.listArticles(query)).map((article) => article.id);
    expect(await ids({ topics: ['china'] })).toEqual(['new', 'old']);
    expect(await ids({ topics: ['china'], originalsOnly: false })).toEqual(['dup', 'new', 'old']);
    expect(await ids({ since: '2026-11-10T00:00:00.000Z' })).toEqual(['new', 'ent', 'undated']);
    expect(await ids({ since: '2026-11-10T00:00:00.000Z', until: '2026-11-19T12:00:00.000Z' })).toEqual(['ent', 'undated']);
    expect(await ids({ entityIds: ['company:alibaba'] })).toEqual(['ent']);
    expect(await ids({ topics: ['china'], entityIds: ['company:alibaba'], since: '2026-11-10T00:00:00.000Z' })).toEqual(['new', 'ent']);
    expect(await ids({ topics: ['china'], until: '2026-11-10T00:00:00.000Z' })).toEqual(['old']);
    expect(await ids({ limit: 2 })).toEqual(['new', 'ent']);
  });

  it('lists the newest of several topics and entities together: an article in two of them once, the limit over all of them', async () => {
    const s = await store();
    const entity = (id: string) => ({ ...alibaba, id });
    // 30 articles spread over three keys; some in two of them, some at the same time.
    for (let index = 0; index < 30; index += 1) {
      const topics = index % 3 === 0 ? ['china', 'us'] : index % 3 === 1 ? ['us'] : [];
      const entities = index % 2 === 0 ? [entity('company:x')] : [];
      const hour = String(Math.floor(index / 2)).padStart(2, '0');
      await s.insertArticle(makeArticle({ id: `m${index}`, publishedAt: `2026-11-20T${hour}:00:00.000Z`, topics, entities }), noKeys);
    }
    const all = (await s.listArticles({ limit: 100 })).filter((article) => article.topics.length > 0 || article.entities.length > 0);
    for (const limit of [1, 3, 7, 25]) {
      const listed = await s.listArticles({ topics: ['us', 'china'], entityIds: ['company:x'], limit });
      expect(listed.map((article) => article.id)).toEqual(all.slice(0, limit).map((article) => article.id));
    }
    const window = { since: '2026-11-20T03:00:00.000Z', until: '2026-11-20T11:00:00.000Z' };
    const inWindow = all.filter((article) => (article.publishedAt ?? '') >= window.since && (article.publishedAt ?? '') < window.until);
    expect((await s.listArticles({ topics: ['us', 'china'], entityIds: ['company:x'], ...window, limit: 5 })).map((article) => article.id)).toEqual(
      inWindow.slice(0, 5).map((article) => article.id),
    );
  });

  it('searches title and text with free text, never as query syntax', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'a1', title: 'Hang Seng surges', text: 'Hong Kong stocks rallied on tech.' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'a2', title: 'Gold steady', text: 'Bullion held near record highs.' }), noKeys);
    expect((await s.search('why did stocks rally in Hong Kong?', {})).map((hit) => hit.article.id)).toEqual(['a1']);
    // Operators and quotes of either engine's query language in user text are plain words.
    expect((await s.search('gold" OR NEAR( AND * -bullion', {})).map((hit) => hit.article.id)).toEqual(['a2']);
    expect(await s.search('???', {})).toEqual([]);
  });

  it('ranks a match in the title above one in the body, and `every` asks for all the words', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'body', title: 'Markets today', text: 'Copper prices climbed in Shanghai trading.' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'title', title: 'Copper climbs', text: 'Metals traded higher in the morning session.' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'other', title: 'Oil slips', text: 'Crude fell on supply news.' }), noKeys);
    const hits = await s.search('copper', {});
    expect(hits.map((hit) => hit.article.id)).toEqual(['title', 'body']);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Number.POSITIVE_INFINITY);
    expect((await s.search('copper shanghai', { every: true })).map((hit) => hit.article.id)).toEqual(['body']);
    expect((await s.search('copper crude', {})).map((hit) => hit.article.id).sort()).toEqual(['body', 'other', 'title']);
    expect((await s.search('copper', { since: '2030-01-01T00:00:00.000Z' })).length).toBe(0);
  });

  it('ranks only the newest matches with `newest`, stored after the others', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'old-title', title: 'Copper climbs', text: 'Metals traded higher.' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'body', title: 'Markets today', text: 'Copper prices climbed.' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'unrelated', title: 'Oil slips', text: 'Crude fell on supply news.' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'new-title', title: 'Copper hits a high', text: 'Metals rose again.' }), noKeys);
    // All three matches, the titles first; the two newest matches (an article without the word does not count).
    expect(
      (await s.search('copper', {}))
        .map((hit) => hit.article.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(['new-title', 'old-title']);
    expect((await s.search('copper', { newest: 2 })).map((hit) => hit.article.id)).toEqual(['new-title', 'body']);
    expect((await s.search('copper', { newest: 1 })).map((hit) => hit.article.id)).toEqual(['new-title']);
    expect((await s.search('copper', { newest: 10 })).length).toBe(3);
    expect(await s.search('nickel', { newest: 2 })).toEqual([]);
    // With every word: the newest articles holding all of them, the title first.
    await s.insertArticle(makeArticle({ id: 'newest-body', title: 'Metals round-up', text: 'Copper climbed again.' }), noKeys);
    const three = (await s.search('copper climbs', { every: true, newest: 3 })).map((hit) => hit.article.id);
    expect([three[0], three.slice(1).sort()]).toEqual(['old-title', ['body', 'newest-body']]);
    expect((await s.search('copper climbs', { every: true, newest: 2 })).map((hit) => hit.article.id).sort()).toEqual(['body', 'newest-body']);
    // Only among the newest stored, with `newestStored`: the two newest hold copper, one of them "climbs" too.
    expect((await s.search('copper climbs', { every: true, newest: 10, newestStored: 2 })).map((hit) => hit.article.id)).toEqual(['newest-body']);
    expect((await s.search('copper', { newest: 10, newestStored: 2 })).map((hit) => hit.article.id).sort()).toEqual(['new-title', 'newest-body']);
    expect(await s.search('crude', { newest: 10, newestStored: 2 })).toEqual([]);
  });

  it('counts topics and entities over a window, most first', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'a1', topics: ['china', 'ai'], entities: [alibaba] }), noKeys);
    await s.insertArticle(makeArticle({ id: 'a2', topics: ['china'], entities: [alibaba] }), noKeys);
    expect(await s.topicCounts(undefined)).toEqual([
      { topic: 'china', articles: 2 },
      { topic: 'ai', articles: 1 },
    ]);
    expect(await s.entityCounts(undefined, 5)).toEqual([
      { entity: { id: 'company:alibaba', name: 'Alibaba Group', type: 'company', ticker: 'BABA' }, articles: 2 },
    ]);
    expect(await s.topicCounts('2030-01-01')).toEqual([]);
    expect(await s.entityCounts('2030-01-01', 5)).toEqual([]);
  });

  it('finds stored entities by name without regard to case, or by id, of the given types', async () => {
    const s = await store();
    const zignal = { id: 'org:zignal', name: 'Zignal Labs', type: 'company' as const, ticker: null, tickers: [], count: 1 };
    await s.insertArticle(makeArticle({ id: 'a1', entities: [zignal, alibaba] }), noKeys);
    await s.insertArticle(makeArticle({ id: 'a2', entities: [zignal] }), noKeys);
    expect(await s.findStoredEntities('zignal labs', [], ['company'], 5)).toEqual([
      { entity: { id: 'org:zignal', name: 'Zignal Labs', type: 'company', ticker: null }, articles: 2 },
    ]);
    expect((await s.findStoredEntities('nobody', ['company:alibaba'], ['company'], 5)).map((found) => found.entity.id)).toEqual(['company:alibaba']);
    expect(await s.findStoredEntities('Zignal Labs', [], ['person'], 5)).toEqual([]);
    expect(await s.findStoredEntities('Zignal Labs', [], [], 5)).toEqual([]);
  });

  it('finds stored entities whose name begins with the words asked for, exact names first', async () => {
    const s = await store();
    const zignal = { id: 'company:zignal-labs', name: 'Zignal Labs', type: 'company' as const, ticker: null, tickers: [], count: 1 };
    const research = { id: 'company:zignal-labs-research', name: 'Zignal Labs Research', type: 'company' as const, ticker: null, tickers: [], count: 1 };
    const other = { id: 'company:zignalware', name: 'Zignalware', type: 'company' as const, ticker: null, tickers: [], count: 1 };
    await s.insertArticle(makeArticle({ id: 'a1', entities: [research, other] }), noKeys);
    await s.insertArticle(makeArticle({ id: 'a2', entities: [research, zignal] }), noKeys);
    // Whole words only: "Zignalware" does not begin with the word "zignal".
    expect((await s.findStoredEntities('ZIGNAL', [], ['company'], 5)).map((found) => found.entity.id)).toEqual([
      'company:zignal-labs-research',
      'company:zignal-labs',
    ]);
    // The exact name comes first even when a longer one is mentioned more.
    expect((await s.findStoredEntities('zignal labs', [], ['company'], 5)).map((found) => found.entity.id)).toEqual([
      'company:zignal-labs',
      'company:zignal-labs-research',
    ]);
    // Pattern characters are plain text.
    expect(await s.findStoredEntities('zign%', [], ['company'], 5)).toEqual([]);
    expect(await s.findStoredEntities('zignal_labs', [], ['company'], 5)).toEqual([]);
  });

  it('lists articles stored after a time, oldest first, originals only', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'early', ingestedAt: '2026-11-20T09:00:00.000Z' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'later', ingestedAt: '2026-11-20T10:00:00.000Z' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'copy', ingestedAt: '2026-11-20T11:00:00.000Z', duplicateOf: 'later' }), noKeys);
    await s.insertArticle(makeArticle({ id: 'last', ingestedAt: '2026-11-20T12:00:00.000Z' }), noKeys);
    const ids = async (after: string, limit: number) => (await s.articlesIngestedAfter(after, limit)).map((article) => article.id);
    expect(await ids('2026-11-20T09:00:00.000Z', 10)).toEqual(['later', 'last']);
    expect(await ids('2026-11-20T08:00:00.000Z', 2)).toEqual(['early', 'later']);
  });

  it('stores a batch in one call, one result per item in order, as one by one', async () => {
    const s = await store();
    await s.insertArticle(makeArticle({ id: 'before' }), noKeys);
    const results = await s.insertArticles([
      { article: makeArticle({ id: 'b1', topics: ['ai'] }), keys: { signature: new Uint32Array([4]), bands: ['x'] } },
      { article: makeArticle({ id: 'b2', contentHash: 'hash-before' }), keys: noKeys },
      { article: makeArticle({ id: 'b3', entities: [alibaba] }), keys: noKeys, owners: ['slack:T1'] },
      { article: makeArticle({ id: 'b4', contentHash: 'hash-b1' }), keys: noKeys },
    ]);
    expect(results).toEqual([true, false, true, false]);
    expect(await s.insertArticles([])).toEqual([]);
    expect((await s.listArticles({ topics: ['ai'] })).map((article) => article.id)).toEqual(['b1']);
    expect((await s.nearDuplicateCandidates(['x'], 5)).map((candidate) => candidate.id)).toEqual(['b1']);
    expect(await s.getArticle('b3')).not.toBeNull();
    expect((await s.listArticles({ entityIds: ['company:alibaba'] })).map((article) => article.id)).toEqual([]);
    expect((await s.listArticles({ entityIds: ['company:alibaba'], viewer: 'slack:T1' })).map((article) => article.id)).toEqual(['b3']);
  });

  it('answers a ping', async () => {
    const s = await store();
    await expect(s.ping()).resolves.toBeUndefined();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { makeArticle, newSubscription, noKeys } from '../support/articles.ts';

const open: Array<Store> = [];
function newStore(path = ':memory:'): ReturnType<typeof createSqliteStore> {
  const store = createSqliteStore(path);
  open.push(store);
  return store;
}
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

const alibaba = { id: 'company:alibaba', name: 'Alibaba Group', type: 'company' as const, ticker: 'BABA', tickers: ['BABA', '9988.HK'], count: 3 };

describe('sqlite store', () => {
  it('applies every migration once, in WAL mode, and again is a no-op', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-store-')), 'db.sqlite');
    newStore(path);
    const second = newStore(path);
    const versions = second.database.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions.map((row) => row['version'])).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(second.database.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
  });

  it('stores an article with entities and topics and reads it back unchanged', async () => {
    const store = newStore();
    const article = makeArticle({ id: 'a1', entities: [alibaba], topics: ['china', 'ai'], sentiment: { label: 'positive', score: 0.4 } });
    expect(await store.insertArticle(article, noKeys)).toBe(true);
    expect(await store.getArticle('a1')).toEqual(article);
    expect(await store.countArticles()).toBe(1);
  });

  it('refuses a second article with the same content hash and keeps the first', async () => {
    const store = newStore();
    await store.insertArticle(makeArticle({ id: 'a1', contentHash: 'same', title: 'first' }), noKeys);
    expect(await store.insertArticle(makeArticle({ id: 'a2', contentHash: 'same', title: 'second' }), noKeys)).toBe(false);
    expect((await store.getArticle('a1'))?.title).toBe('first');
    expect(await store.countArticles()).toBe(1);
  });

  it('finds an existing article by content hash, URL or GUID', async () => {
    const store = newStore();
    await store.insertArticle(makeArticle({ id: 'a1', url: 'https://example.com/x', guid: 'g-1' }), noKeys);
    expect(await store.findExisting({ contentHash: 'hash-a1', url: null, guid: null })).toBe('a1');
    expect(await store.findExisting({ contentHash: 'other', url: 'https://example.com/x', guid: null })).toBe('a1');
    expect(await store.findExisting({ contentHash: 'other', url: null, guid: 'g-1' })).toBe('a1');
    expect(await store.findExisting({ contentHash: 'other', url: 'https://example.com/y', guid: 'g-2' })).toBeNull();
  });

  it('returns near-duplicate candidates sharing a band, with their signatures', async () => {
    const store = newStore();
    const signature = new Uint32Array([7, 8, 9, 4294967295]);
    await store.insertArticle(makeArticle({ id: 'a1' }), { signature, bands: ['b1', 'b2'] });
    await store.insertArticle(makeArticle({ id: 'a2', contentHash: 'h2' }), { signature: new Uint32Array([1]), bands: ['b3'] });
    const candidates = await store.nearDuplicateCandidates(['b2', 'b9'], 10);
    expect(candidates.map((candidate) => candidate.id)).toEqual(['a1']);
    expect([...(candidates[0]?.signature ?? [])]).toEqual([...signature]);
  });

  it('lists by window, topic or entity, newest first, leaving out near-duplicates unless asked', async () => {
    const store = newStore();
    await store.insertArticle(makeArticle({ id: 'old', contentHash: 'h0', publishedAt: '2026-11-01T00:00:00.000Z', topics: ['china'] }), noKeys);
    await store.insertArticle(makeArticle({ id: 'new', contentHash: 'h1', publishedAt: '2026-11-20T00:00:00.000Z', topics: ['china'] }), noKeys);
    await store.insertArticle(
      makeArticle({ id: 'dup', contentHash: 'h2', publishedAt: '2026-11-20T01:00:00.000Z', topics: ['china'], duplicateOf: 'new' }),
      noKeys,
    );
    await store.insertArticle(makeArticle({ id: 'ent', contentHash: 'h3', publishedAt: '2026-11-19T00:00:00.000Z', entities: [alibaba] }), noKeys);
    const ids = async (query: Parameters<Store['listArticles']>[0]) => (await store.listArticles(query)).map((article) => article.id);
    expect(await ids({ topics: ['china'] })).toEqual(['new', 'old']);
    expect(await ids({ topics: ['china'], originalsOnly: false })).toEqual(['dup', 'new', 'old']);
    expect(await ids({ since: '2026-11-10T00:00:00.000Z' })).toEqual(['new', 'ent']);
    expect(await ids({ entityIds: ['company:alibaba'] })).toEqual(['ent']);
    expect(await ids({ topics: ['china'], entityIds: ['company:alibaba'], since: '2026-11-10T00:00:00.000Z' })).toEqual(['new', 'ent']);
  });

  it('searches title and text with free text, never as query syntax', async () => {
    const store = newStore();
    await store.insertArticle(makeArticle({ id: 'a1', title: 'Hang Seng surges', text: 'Hong Kong stocks rallied on tech.' }), noKeys);
    await store.insertArticle(makeArticle({ id: 'a2', contentHash: 'h2', title: 'Gold steady', text: 'Bullion held near record highs.' }), noKeys);
    expect((await store.search('why did stocks rally in Hong Kong?', {})).map((hit) => hit.article.id)).toEqual(['a1']);
    // FTS5 operators and quotes in user text are plain words, not syntax errors.
    expect(await store.search('gold" OR NEAR( AND *', {})).toHaveLength(1);
    expect(await store.search('???', {})).toEqual([]);
  });

  it('counts topics and entities over a window', async () => {
    const store = newStore();
    await store.insertArticle(makeArticle({ id: 'a1', topics: ['china', 'ai'], entities: [alibaba] }), noKeys);
    await store.insertArticle(makeArticle({ id: 'a2', contentHash: 'h2', topics: ['china'], entities: [alibaba] }), noKeys);
    expect(await store.topicCounts(undefined)).toEqual([
      { topic: 'china', articles: 2 },
      { topic: 'ai', articles: 1 },
    ]);
    expect((await store.entityCounts(undefined, 5))[0]).toMatchObject({ entity: { id: 'company:alibaba' }, articles: 2 });
    expect(await store.topicCounts('2030-01-01')).toEqual([]);
  });

  it('keeps one subscription per channel and topic, updating it in place', async () => {
    const store = newStore();
    const base = newSubscription({ topics: ['hong-kong'], timezone: 'Asia/Hong_Kong' });
    const first = await store.addSubscription(base);
    const second = await store.addSubscription({ ...base, time: '09:30' });
    expect(second.id).toBe(first.id);
    expect(await store.listSubscriptions({ channelId: 'c' })).toMatchObject([{ time: '09:30', topics: ['hong-kong'], enabled: true }]);
    await store.disableSubscription(first.id, 'channel is gone');
    expect((await store.listSubscriptions())[0]).toMatchObject({ enabled: false, disabledReason: 'channel is gone' });
    expect(await store.removeSubscription({ platform: 'shell', workspaceId: 'w', channelId: 'c', topic: 'ai' })).toBe(0);
    expect(await store.removeSubscription({ platform: 'shell', workspaceId: 'w', channelId: 'c', topic: 'hong-kong' })).toBe(1);
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('claims a delivery slot once, across two connections to one file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-claim-')), 'db.sqlite');
    const one = newStore(path);
    const two = newStore(path);
    const subscription = await one.addSubscription(newSubscription({ topics: ['ai'] }));
    const slot = '2026-11-24T08:00:00.000Z';
    const claims = await Promise.all([one.claimDelivery(subscription.id, slot, slot), two.claimDelivery(subscription.id, slot, slot)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await two.completeDelivery(subscription.id, slot, { messageIds: ['m1'], at: slot });
    expect(await one.listDeliveries()).toMatchObject([{ status: 'posted', messageIds: ['m1'] }]);
  });

  it('keeps one installation per platform and workspace', async () => {
    const store = newStore();
    expect(await store.getInstallation('slack', 'T1')).toBeNull();
    await store.saveInstallation('slack', 'T1', '{"v":1}');
    await store.saveInstallation('slack', 'T1', '{"v":2}');
    expect(await store.getInstallation('slack', 'T1')).toBe('{"v":2}');
    await store.deleteInstallation('slack', 'T1');
    expect(await store.getInstallation('slack', 'T1')).toBeNull();
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

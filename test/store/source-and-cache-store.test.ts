import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const stores: Array<ReturnType<typeof createSqliteStore>> = [];
function newStore() {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const addedBy = { platform: 'shell', workspaceId: 'w', channelId: 'c', userId: 'u' };
const T0 = '2026-11-24T00:00:00.000Z';

describe('sources in the sqlite store', () => {
  it('adds a feed once per URL', async () => {
    const store = newStore();
    const first = await store.addSource({ url: 'https://example.com/feed', title: null, topics: ['ai'], addedBy, intervalMinutes: 10 }, T0);
    const again = await store.addSource({ url: 'https://example.com/feed', title: null, topics: [], addedBy, intervalMinutes: 5 }, T0);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, source: { id: first.source.id, topics: ['ai'], intervalMinutes: 10 } });
  });

  it('returns due sources, records successes and failures, and pauses', async () => {
    const store = newStore();
    const { source } = await store.addSource({ url: 'https://example.com/a', title: null, topics: [], addedBy, intervalMinutes: 10 }, T0);
    expect((await store.dueSources(T0, 10)).map((due) => due.id)).toEqual([source.id]);
    await store.recordPoll(source.id, {
      ok: true,
      at: T0,
      nextPollAt: '2026-11-24T00:10:00.000Z',
      etag: '"v1"',
      lastModified: null,
      title: 'A feed',
      itemsStored: 3,
    });
    expect(await store.dueSources(T0, 10)).toEqual([]);
    await store.recordPoll(source.id, { ok: false, at: T0, nextPollAt: '2026-11-24T00:20:00.000Z', error: 'HTTP 500', pause: false });
    await store.recordPoll(source.id, { ok: false, at: T0, nextPollAt: '2026-11-24T00:40:00.000Z', error: 'HTTP 500', pause: true });
    expect(await store.getSource(source.id)).toMatchObject({
      title: 'A feed',
      etag: '"v1"',
      itemsStored: 3,
      consecutiveFailures: 2,
      lastError: 'HTTP 500',
      paused: true,
      pausedReason: 'HTTP 500',
      lastSuccessAt: T0,
    });
    expect(await store.dueSources('2030-01-01T00:00:00.000Z', 10)).toEqual([]);
    await store.resumeSource(source.id, T0);
    expect(await store.getSource(source.id)).toMatchObject({ paused: false, consecutiveFailures: 0 });
    expect(await store.removeSource(source.id)).toBe(true);
    expect(await store.listSources()).toEqual([]);
  });
});

describe('cache and usage in the sqlite store', () => {
  it('returns a cached value until it expires', async () => {
    const store = newStore();
    await store.putCached('summary', 'k1', 'v1', '2026-11-25T00:00:00.000Z');
    await store.putCached('summary', 'k2', 'forever', null);
    expect(await store.getCached('summary', 'k1', T0)).toBe('v1');
    expect(await store.getCached('summary', 'k1', '2026-11-26T00:00:00.000Z')).toBeNull();
    expect(await store.getCached('brief', 'k1', T0)).toBeNull();
    expect(await store.getCached('summary', 'k2', '2099-01-01T00:00:00.000Z')).toBe('forever');
  });

  it('adds up token usage per prompt and model, cache hits apart', async () => {
    const store = newStore();
    await store.recordUsage({ at: T0, promptId: 'summary', model: 'm', inputTokens: 100, outputTokens: 20, cached: false });
    await store.recordUsage({ at: T0, promptId: 'summary', model: 'm', inputTokens: 0, outputTokens: 0, cached: true });
    await store.recordUsage({ at: '2020-01-01T00:00:00.000Z', promptId: 'summary', model: 'm', inputTokens: 999, outputTokens: 1, cached: false });
    expect(await store.usageSince('2026-01-01')).toEqual([{ promptId: 'summary', model: 'm', calls: 1, cacheHits: 1, inputTokens: 100, outputTokens: 20 }]);
  });
});

import { expect, it } from 'vitest';
import { describeStoreContract } from './engines.ts';

const addedBy = { platform: 'shell', workspaceId: 'w', channelId: 'c', userId: 'u' };
const T0 = '2026-11-24T00:00:00.000Z';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 9, minute)).toISOString();

describeStoreContract('store contract: sources, cache, usage, installations, replay guard', ({ store, twin }) => {
  it('adds a feed once per URL', async () => {
    const s = await store();
    const first = await s.addSource({ url: 'https://example.com/feed', title: null, topics: ['ai'], addedBy, intervalMinutes: 10 }, T0);
    const again = await s.addSource({ url: 'https://example.com/feed', title: null, topics: [], addedBy, intervalMinutes: 5 }, T0);
    expect(first).toMatchObject({ created: true, linked: true });
    expect(again).toMatchObject({ created: false, linked: false, source: { id: first.source.id, topics: ['ai'], intervalMinutes: 10 } });
    expect(await s.listSources()).toHaveLength(1);
  });

  it('returns due sources, records successes and failures, pauses and resumes', async () => {
    const s = await store();
    const { source } = await s.addSource({ url: 'https://example.com/a', title: null, topics: [], addedBy, intervalMinutes: 10 }, T0);
    const later = await s.addSource({ url: 'https://example.com/b', title: null, topics: [], addedBy, intervalMinutes: 10 }, '2026-11-24T00:05:00.000Z');
    expect((await s.dueSources('2026-11-24T00:05:00.000Z', 10)).map((due) => due.id)).toEqual([source.id, later.source.id]);
    expect((await s.dueSources('2026-11-24T00:05:00.000Z', 1)).map((due) => due.id)).toEqual([source.id]);
    await s.recordPoll(source.id, {
      ok: true,
      at: T0,
      nextPollAt: '2026-11-24T00:10:00.000Z',
      etag: '"v1"',
      lastModified: null,
      title: 'A feed',
      itemsStored: 3,
    });
    expect(await s.dueSources(T0, 10)).toEqual([]);
    await s.recordPoll(source.id, { ok: false, at: T0, nextPollAt: '2026-11-24T00:20:00.000Z', error: 'HTTP 500', pause: false });
    expect(await s.getSource(source.id)).toMatchObject({ paused: false, pausedReason: null, consecutiveFailures: 1 });
    await s.recordPoll(source.id, { ok: false, at: T0, nextPollAt: '2026-11-24T00:40:00.000Z', error: 'HTTP 500', pause: true });
    expect(await s.getSource(source.id)).toMatchObject({
      title: 'A feed',
      etag: '"v1"',
      itemsStored: 3,
      consecutiveFailures: 2,
      lastError: 'HTTP 500',
      paused: true,
      pausedReason: 'HTTP 500',
      lastSuccessAt: T0,
    });
    expect((await s.dueSources('2030-01-01T00:00:00.000Z', 10)).map((due) => due.id)).toEqual([later.source.id]);
    await s.resumeSource(source.id, T0);
    expect(await s.getSource(source.id)).toMatchObject({ paused: false, pausedReason: null, consecutiveFailures: 0, nextPollAt: T0 });
    // A later success keeps the title when the feed sends none.
    await s.recordPoll(source.id, { ok: true, at: T0, nextPollAt: T0, etag: null, lastModified: 'Mon', itemsStored: 2 });
    expect(await s.getSource(source.id)).toMatchObject({ title: 'A feed', itemsStored: 5, lastError: null, lastModified: 'Mon' });
    expect(await s.removeSource(source.id)).toBe(true);
    expect(await s.removeSource(source.id)).toBe(false);
    expect((await s.listSources()).map((listed) => listed.id)).toEqual([later.source.id]);
    expect(await s.getSource(source.id)).toBeNull();
  });

  it('returns a cached value until it expires, and replaces it on put', async () => {
    const s = await store();
    await s.putCached('summary', 'k1', 'v1', '2026-11-25T00:00:00.000Z');
    await s.putCached('summary', 'k2', 'forever', null);
    expect(await s.getCached('summary', 'k1', T0)).toBe('v1');
    expect(await s.getCached('summary', 'k1', '2026-11-26T00:00:00.000Z')).toBeNull();
    expect(await s.getCached('brief', 'k1', T0)).toBeNull();
    expect(await s.getCached('summary', 'k2', '2099-01-01T00:00:00.000Z')).toBe('forever');
    await s.putCached('summary', 'k1', 'v2', null);
    expect(await s.getCached('summary', 'k1', '2099-01-01T00:00:00.000Z')).toBe('v2');
  });

  it('adds up token usage per prompt and model since a time, cache hits apart', async () => {
    const s = await store();
    await s.recordUsage({ at: T0, promptId: 'summary', model: 'm', inputTokens: 100, outputTokens: 20, cached: false });
    await s.recordUsage({ at: T0, promptId: 'summary', model: 'm', inputTokens: 0, outputTokens: 0, cached: true });
    await s.recordUsage({ at: T0, promptId: 'answer', model: 'm', inputTokens: 7, outputTokens: 3, cached: false });
    await s.recordUsage({ at: '2020-01-01T00:00:00.000Z', promptId: 'summary', model: 'm', inputTokens: 999, outputTokens: 1, cached: false });
    expect(await s.usageSince('2026-01-01')).toEqual([
      { promptId: 'answer', model: 'm', calls: 1, cacheHits: 0, inputTokens: 7, outputTokens: 3 },
      { promptId: 'summary', model: 'm', calls: 1, cacheHits: 1, inputTokens: 100, outputTokens: 20 },
    ]);
    expect(await s.usageSince('2030-01-01')).toEqual([]);
  });

  it('keeps one installation per platform and workspace', async () => {
    const s = await store();
    expect(await s.getInstallation('slack', 'T1')).toBeNull();
    await s.saveInstallation('slack', 'T1', '{"v":1}');
    await s.saveInstallation('slack', 'T1', '{"v":2}');
    await s.saveInstallation('slack', 'T2', '{"v":9}');
    expect(await s.getInstallation('slack', 'T1')).toBe('{"v":2}');
    await s.deleteInstallation('slack', 'T1');
    expect(await s.getInstallation('slack', 'T1')).toBeNull();
    expect(await s.getInstallation('slack', 'T2')).toBe('{"v":9}');
  });

  it('remembers a one-time key once until it expires, across two connections', async () => {
    const one = await store();
    const two = await twin();
    expect(await one.rememberOnce('slack:v0=aa', at(5), at(0))).toBe(true);
    expect(await one.rememberOnce('slack:v0=aa', at(5), at(1))).toBe(false);
    expect(await two.rememberOnce('slack:v0=aa', at(5), at(4))).toBe(false);
    expect(await two.rememberOnce('slack:v0=bb', at(6), at(4))).toBe(true);
    // An expired key is forgotten: the same key is new again.
    expect(await two.rememberOnce('slack:v0=aa', at(12), at(5))).toBe(true);
    expect(await one.rememberOnce('slack:v0=aa', at(12), at(6))).toBe(false);
    const raced = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? one : two).rememberOnce('slack:v0=cc', at(20), at(7))));
    expect(raced.filter(Boolean)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSources } from '../../src/sources/poll-sources.ts';
import {
  type FakeFeedServer,
  hasRealFeeds,
  readRealFeed,
  REAL_FEEDS_DIRECTORY,
  realFeedFiles,
  serveDocument,
  startFakeFeedServer,
} from '../support/fake-feed-server.ts';
import { makeHarness } from './source-harness.ts';

if (!hasRealFeeds) console.warn(`skipping the real-feed polling tests: ${REAL_FEEDS_DIRECTORY} is absent`);

describe.skipIf(!hasRealFeeds)('real feeds served from a loopback server', () => {
  let server: FakeFeedServer;
  const files = realFeedFiles();

  beforeAll(async () => {
    server = await startFakeFeedServer();
    for (const name of files) {
      const type = name.endsWith('.rss') ? 'application/rss+xml' : 'application/xml';
      server.route(`/${name}`, serveDocument(readRealFeed(name), { contentType: type, etag: `"${name}"` }));
    }
  });
  afterAll(() => server.close());

  it('adds each feed with a preview and stores its items once however often it polls', async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    // Item links point at the publishers' sites: no page fetches (and no DNS: the harness resolves nothing).
    const harness = makeHarness({ FEED_PAGE_FETCHES: '0' });
    let stored = 0;
    for (const name of files) {
      const added = await harness.actions.add({ url: server.url(`/${name}`), topics: [], addedBy: harness.addedBy });
      expect(added.poll, name).toMatchObject({ ok: true });
      expect(added.poll?.stored, name).toBeGreaterThan(0);
      expect(added.preview.length, name).toBeGreaterThan(0);
      expect(
        added.preview.every((item) => item.title.trim() !== ''),
        name,
      ).toBe(true);
      expect(added.source.title, name).not.toBeNull();
      stored += added.poll?.stored ?? 0;
    }
    expect(await harness.articleCount()).toBe(stored);
    for (let round = 0; round < 2; round += 1) {
      const summaries = await pollSources(harness.polling, { all: true });
      expect(summaries.every((summary) => summary.ok && summary.outcome === 'not-modified')).toBe(true);
    }
    // Without validators the server sends everything again: still nothing new is stored.
    for (const source of await harness.actions.list())
      await harness.store.recordPoll(source.id, {
        ok: true,
        at: harness.now().toISOString(),
        nextPollAt: harness.now().toISOString(),
        etag: null,
        lastModified: null,
        itemsStored: 0,
      });
    for (const name of files) server.route(`/${name}`, serveDocument(readRealFeed(name)));
    const again = await pollSources(harness.polling, { all: true });
    expect(again.every((summary) => summary.ok && summary.stored === 0)).toBe(true);
    expect(await harness.articleCount()).toBe(stored);
  });
});

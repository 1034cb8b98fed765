import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMinutes } from '../../src/sources/poll-source.ts';
import { pollSources } from '../../src/sources/poll-sources.ts';
import { articlePage, atomFeed, jsonFeed, makeItem, makeItems, rssFeed } from '../support/fake-feed-content.ts';
import { failFirst, type FakeFeedServer, gzipBomb, hugeBody, serveDocument, startFakeFeedServer, trickle } from '../support/fake-feed-server.ts';
import { makeHarness } from './source-harness.ts';

let server: FakeFeedServer;
const MEBIBYTE = 1024 * 1024;

beforeAll(async () => {
  server = await startFakeFeedServer();
  const base = server.origin;
  server.route('/rss', serveDocument(rssFeed(makeItems(4, base))));
  server.route('/atom', serveDocument(atomFeed(makeItems(3, base, { first: 100 })), { contentType: 'application/atom+xml' }));
  server.route('/json', serveDocument(jsonFeed(makeItems(3, base, { first: 200 })), { contentType: 'application/feed+json' }));
  server.route('/etag', serveDocument(rssFeed(makeItems(2, base, { first: 300 })), { etag: '"abc"', lastModified: 'Thu, 19 Nov 2026 10:00:00 GMT' }));
  server.route('/many', serveDocument(rssFeed(makeItems(200, base, { first: 1000 }))));
  server.route('/changing-guids', (request, response, hit) => {
    // New GUIDs and links on every request, same stories: only the content hash can tell.
    const items = makeItems(3, base, { first: 400, guidSuffix: `-poll${hit}` }).map((item) => ({ ...item, link: `${item.link}?session=${hit}` }));
    return serveDocument(rssFeed(items))(request, response, hit);
  });
  server.route('/updated', (request, response, hit) => {
    const items = makeItems(2, base, { first: 500 }).map((item) =>
      hit > 1 ? { ...item, text: `${item.text}\n\nUpdated with a correction to the third paragraph.` } : item,
    );
    return serveDocument(rssFeed(items))(request, response, hit);
  });
  const teasers = makeItems(3, base, { first: 600, teaser: true });
  server.route('/teasers', serveDocument(rssFeed(teasers)));
  for (const item of teasers) {
    const n = Number(/(\d+)\.html$/.exec(item.link)?.[1]);
    server.route(new URL(item.link).pathname, serveDocument(articlePage(item, makeItem(n, base).text), { contentType: 'text/html; charset=utf-8' }));
  }
  let flaky = 0;
  server.route('/flaky', (request, response) => {
    flaky += 1;
    // First answer fine (the add), then three 500s, then fine again with one more item.
    if (flaky >= 2 && flaky <= 4) return void response.writeHead(500).end('down');
    return serveDocument(rssFeed(makeItems(flaky >= 5 ? 3 : 2, base, { first: 700 })))(request, response, flaky);
  });
  server.route(
    '/malformed',
    serveDocument('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Half an item</title><description>cut'),
  );
  server.route('/huge', hugeBody(100 * MEBIBYTE, { bytes: 0 }));
  server.route('/bomb', gzipBomb(32 * MEBIBYTE));
  server.route('/trickle', trickle());
  server.route(
    '/always-500',
    failFirst(1_000_000, () => undefined),
  );
  server.route(
    '/home',
    serveDocument('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Home</body></html>', {
      contentType: 'text/html',
    }),
  );
  server.route(
    '/plain-page',
    serveDocument('<!doctype html><html><head><title>x</title></head><body><p>No feeds here.</p></body></html>', { contentType: 'text/html' }),
  );
});

afterAll(() => server.close());

describe('adding a feed', () => {
  it('stores RSS, Atom and JSON Feed items at once and previews the newest, marked as baseline', async () => {
    const harness = makeHarness();
    for (const [path, count] of [
      ['/rss', 4],
      ['/atom', 3],
      ['/json', 3],
    ] as const) {
      const added = await harness.actions.add({ url: server.url(path), topics: [], addedBy: harness.addedBy });
      expect(added.created).toBe(true);
      expect(added.poll).toMatchObject({ ok: true, stored: count });
      expect(added.preview.length).toBe(Math.min(5, count));
      expect(added.source.title).toMatch(/^Fake /);
      expect(added.source.lastSuccessAt).not.toBeNull();
    }
    const newest = (await harness.actions.add({ url: server.url('/rss'), topics: [], addedBy: harness.addedBy })).created;
    expect(newest).toBe(false);
    expect(await harness.articleCount()).toBe(10);
    expect(harness.storedBatches.every((batch) => batch.baseline)).toBe(true);
  });

  it('finds the feed a web page links to, and refuses pages without one, malformed XML and refused addresses', async () => {
    const harness = makeHarness();
    const discovered = await harness.actions.add({ url: server.url('/home'), topics: [], addedBy: harness.addedBy });
    expect(discovered.source.url).toBe(server.url('/rss'));
    await expect(harness.actions.add({ url: server.url('/plain-page'), topics: [], addedBy: harness.addedBy })).rejects.toThrow(
      /links to no RSS, Atom or JSON feed/,
    );
    await expect(harness.actions.add({ url: server.url('/malformed'), topics: [], addedBy: harness.addedBy })).rejects.toThrow(/malformed|truncated/);
    await expect(harness.actions.add({ url: 'http://169.254.169.254/latest/', topics: [], addedBy: harness.addedBy })).rejects.toThrow(/cloud-metadata/);
    await expect(harness.actions.add({ url: 'file:///etc/passwd', topics: [], addedBy: harness.addedBy })).rejects.toThrow(/not an http or https URL/);
    expect((await harness.actions.list()).map((source) => source.url)).toEqual([server.url('/rss')]);
  });

  it('shows the newest items first in a 200-item feed and stores all 200', async () => {
    const harness = makeHarness();
    const added = await harness.actions.add({ url: server.url('/many'), topics: [], addedBy: harness.addedBy });
    expect(added.poll?.stored).toBe(200);
    expect(added.preview.map((item) => item.title)).toEqual([1199, 1198, 1197, 1196, 1195].map((n) => makeItem(n, '').title));
    expect(await harness.articleCount()).toBe(200);
  });

  it('tags items with the source topics', async () => {
    const harness = makeHarness();
    await harness.actions.add({ url: server.url('/json'), topics: ['earnings'], addedBy: harness.addedBy });
    const articles = await harness.store.listArticles({ limit: 10 });
    expect(articles.length).toBe(3);
    expect(articles.every((article) => article.topics.includes('earnings'))).toBe(true);
  });
});

describe('polling', () => {
  it('stores each item once however often it polls, with conditional GET', async () => {
    const harness = makeHarness();
    await harness.actions.add({ url: server.url('/etag'), topics: [], addedBy: harness.addedBy });
    for (let round = 0; round < 3; round += 1) {
      const [summary] = await pollSources(harness.polling, { all: true });
      expect(summary).toMatchObject({ ok: true, outcome: 'not-modified', stored: 0 });
    }
    const conditional = server.requests.filter((request) => request.path === '/etag').at(-1);
    expect(conditional?.headers['if-none-match']).toBe('"abc"');
    expect(conditional?.headers['if-modified-since']).toBe('Thu, 19 Nov 2026 10:00:00 GMT');
    expect(await harness.articleCount()).toBe(2);
  });

  it('dedupes by content hash when GUIDs and links change every poll', async () => {
    const harness = makeHarness();
    await harness.actions.add({ url: server.url('/changing-guids'), topics: [], addedBy: harness.addedBy });
    for (let round = 0; round < 3; round += 1) {
      const [summary] = await pollSources(harness.polling, { all: true });
      expect(summary).toMatchObject({ ok: true, stored: 0, duplicates: 3 });
    }
    expect(await harness.articleCount()).toBe(3);
  });

  it('never reposts an item updated later', async () => {
    const harness = makeHarness();
    await harness.actions.add({ url: server.url('/updated'), topics: [], addedBy: harness.addedBy });
    const [summary] = await pollSources(harness.polling, { all: true });
    expect(summary).toMatchObject({ ok: true, stored: 0, duplicates: 2 });
    expect(await harness.articleCount()).toBe(2);
  });

  it('replaces teasers with the linked article, fetching each page once', async () => {
    const harness = makeHarness();
    const added = await harness.actions.add({ url: server.url('/teasers'), topics: [], addedBy: harness.addedBy });
    expect(added.poll?.stored).toBe(3);
    const articles = await harness.store.listArticles({ limit: 10 });
    for (const article of articles) expect(article.text.split(/\s+/).length).toBeGreaterThan(60);
    const pageHits = (): number => server.requests.filter((request) => request.path.startsWith('/articles/6')).length;
    const before = pageHits();
    await pollSources(harness.polling, { all: true });
    expect(pageHits()).toBe(before);
    expect(await harness.articleCount()).toBe(3);
  });

  it('backs off on 500s, records why, and recovers with the new item marked new', async () => {
    const harness = makeHarness();
    const { source } = await harness.actions.add({ url: server.url('/flaky'), topics: [], addedBy: harness.addedBy });
    for (const failures of [1, 2, 3]) {
      const [summary] = await pollSources(harness.polling, { all: true });
      expect(summary).toMatchObject({ ok: false, error: expect.stringMatching(/HTTP 500/) });
      const state = await harness.store.getSource(source.id);
      expect(state).toMatchObject({ consecutiveFailures: failures, lastError: expect.stringMatching(/HTTP 500/), paused: false });
      expect(Date.parse(state?.nextPollAt ?? '') - harness.now().getTime()).toBe(backoffMinutes(10, failures) * 60_000);
    }
    expect([1, 2, 3, 4].map((failures) => backoffMinutes(10, failures))).toEqual([10, 20, 40, 80]);
    const [recovered] = await pollSources(harness.polling, { all: true });
    expect(recovered).toMatchObject({ ok: true, stored: 1 });
    expect(await harness.store.getSource(source.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(harness.storedBatches.map((batch) => batch.baseline)).toEqual([true, false]);
    expect(await harness.articleCount()).toBe(3);
  });

  it('pauses a source after the failure limit and tells the channel that added it', async () => {
    const harness = makeHarness({ FEED_MAX_FAILURES: '2' });
    const { source } = await harness.actions.add({ url: server.url('/rss'), topics: [], addedBy: harness.addedBy });
    await harness.store.removeSource(source.id);
    const { source: failing } = await harness.store.addSource(
      { url: server.url('/always-500'), title: null, topics: [], addedBy: harness.addedBy, intervalMinutes: 10 },
      harness.now().toISOString(),
    );
    await pollSources(harness.polling, { ids: [failing.id] });
    expect(harness.notices).toEqual([]);
    await pollSources(harness.polling, { ids: [failing.id] });
    expect(await harness.store.getSource(failing.id)).toMatchObject({ paused: true, pausedReason: expect.stringMatching(/HTTP 500/) });
    expect(harness.notices).toHaveLength(1);
    expect(harness.notices[0]?.source.addedBy.channelId).toBe('C1');
    expect(harness.notices[0]?.message).toMatch(new RegExp(`2 polls in a row failed.*HTTP 500.*/source resume ${failing.id}`));
    harness.advance(60 * 48);
    expect(await harness.store.dueSources(harness.now().toISOString(), 10)).toEqual([]);
    const resumed = await harness.actions.resume(failing.id);
    expect(resumed).toMatchObject({ paused: false, consecutiveFailures: 0 });
    expect((await harness.store.dueSources(harness.now().toISOString(), 10)).map((due) => due.id)).toEqual([failing.id]);
    expect(await harness.articleCount()).toBe(4);
  });

  it('ends every hostile feed with a clear error on that source while the others keep working', async () => {
    const harness = makeHarness({ FETCH_TIMEOUT_MS: '1000' });
    let growing = 4;
    server.route('/growing', (request, response, hit) => serveDocument(rssFeed(makeItems(growing, server.origin, { first: 800 })))(request, response, hit));
    const good = await harness.actions.add({ url: server.url('/growing'), topics: [], addedBy: harness.addedBy });
    const hostile = new Map<string, RegExp>([
      ['/malformed', /malformed|truncated/],
      ['/huge', /too large \(over 1 MB received/],
      ['/bomb', /too large once decompressed/],
      ['/trickle', /no complete response within 1 s/],
      ['/always-500', /HTTP 500/],
    ]);
    for (const path of hostile.keys()) {
      await harness.store.addSource(
        { url: server.url(path), title: null, topics: [], addedBy: harness.addedBy, intervalMinutes: 10 },
        harness.now().toISOString(),
      );
    }
    const stored = await harness.articleCount();
    growing = 5;
    const summaries = await pollSources(harness.polling, { all: true });
    const byUrl = new Map((await harness.actions.list()).map((source) => [source.url, source]));
    for (const [path, reason] of hostile) {
      const source = byUrl.get(server.url(path));
      expect(source?.lastError, path).toMatch(reason);
      expect(source?.consecutiveFailures, path).toBe(1);
    }
    expect(summaries.find((summary) => summary.sourceId === good.source.id)).toMatchObject({ ok: true, stored: 1 });
    expect(await harness.articleCount()).toBe(stored + 1);
  });
});

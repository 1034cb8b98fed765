import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollRecord } from '../../src/domain/source.ts';
import type { Store } from '../../src/ports/store.ts';
import { createSourcePoller } from '../../src/sources/poll-sources.ts';
import { makeItems, rssFeed } from '../support/fake-feed-content.ts';
import { type FakeFeedServer, serveDocument, startFakeFeedServer, trickle } from '../support/fake-feed-server.ts';
import { makeHarness } from './source-harness.ts';

let feeds: FakeFeedServer;
let slow: FakeFeedServer;

beforeAll(async () => {
  feeds = await startFakeFeedServer({
    '/a': serveDocument(rssFeed(makeItems(2, 'https://fake.example', { first: 10 }))),
    '/b': serveDocument(rssFeed(makeItems(2, 'https://fake.example', { first: 20 }))),
  });
  // Its own server, as a different host would be: requests to one host queue behind each other on purpose.
  slow = await startFakeFeedServer({ '/trickle': trickle() });
});

afterAll(async () => {
  await feeds.close();
  await slow.close();
});

/** Resolves when the store records a poll of `id`; records arrive in `order`. */
function watchPolls(store: Store, order: string[]): (id: string) => Promise<PollRecord> {
  const waiting = new Map<string, (record: PollRecord) => void>();
  const recordPoll = store.recordPoll.bind(store);
  store.recordPoll = async (id, record) => {
    await recordPoll(id, record);
    order.push(id);
    waiting.get(id)?.(record);
  };
  return (id) => new Promise((resolve) => waiting.set(id, resolve));
}

describe('source poller', () => {
  it('polls due sources in parallel: a trickling feed times out on its own while the others finish first', async () => {
    const harness = makeHarness({ FETCH_TIMEOUT_MS: '1500' });
    const add = (url: string) =>
      harness.store.addSource({ url, title: null, topics: [], addedBy: harness.addedBy, intervalMinutes: 10 }, harness.now().toISOString());
    const { source: trickling } = await add(slow.url('/trickle'));
    const { source: first } = await add(feeds.url('/a'));
    const { source: second } = await add(feeds.url('/b'));
    const order: string[] = [];
    const polled = watchPolls(harness.store, order);
    const done = [polled(first.id), polled(second.id), polled(trickling.id)];

    const poller = createSourcePoller(harness.polling);
    expect(await poller.tick()).toBe(3);
    // A second tick while they run starts nothing twice.
    expect(await poller.tick()).toBe(0);
    await Promise.all(done.slice(0, 2));
    expect(order).not.toContain(trickling.id);
    expect(await harness.articleCount()).toBe(4);

    const [, , slowRecord] = await Promise.all(done);
    expect(slowRecord).toMatchObject({ ok: false, error: expect.stringMatching(/no complete response within 1.5 s/) });
    await poller.idle();
    expect(order.at(-1)).toBe(trickling.id);
    expect(await harness.store.getSource(trickling.id)).toMatchObject({ consecutiveFailures: 1 });
    expect(await harness.store.getSource(first.id)).toMatchObject({ consecutiveFailures: 0, itemsStored: 2 });
  });

  it('leaves sources that are not due alone', async () => {
    const harness = makeHarness();
    const { source } = await harness.store.addSource(
      { url: feeds.url('/a'), title: null, topics: [], addedBy: harness.addedBy, intervalMinutes: 10 },
      harness.now().toISOString(),
    );
    const poller = createSourcePoller(harness.polling);
    expect(await poller.tick()).toBe(1);
    await poller.idle();
    expect(await poller.tick()).toBe(0);
    harness.advance(10);
    expect(await poller.tick()).toBe(1);
    await poller.idle();
    expect(await harness.store.getSource(source.id)).toMatchObject({ consecutiveFailures: 0, itemsStored: 2 });
  });
});

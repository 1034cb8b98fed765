import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { createDeliveryServices, runDeliveryTick } from '../../src/delivery/delivery-tick.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/delivery/delivery-services.ts';
import { deliverBriefs } from '../../src/delivery/deliver-briefs.ts';
import { deliverAlerts } from '../../src/delivery/deliver-alerts.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeArticle, newSubscription } from '../support/articles.ts';
import { createRecordingPublisher } from '../support/recording-publisher.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function setup(start: string, settings = {}) {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  let now = new Date(start);
  const clock = { now: () => now };
  const publisher = createRecordingPublisher(clock);
  let compositions = 0;
  const base = createDeliveryServices({ store, reference: loadReferenceIndex(), clock, logger: silent }, new Map([['shell', publisher]]), {
    ...DEFAULT_DELIVERY_SETTINGS,
    ...settings,
  });
  const services = {
    ...base,
    compose: (...args: Parameters<typeof base.compose>) => {
      compositions += 1;
      return base.compose(...args);
    },
  };
  return {
    store,
    publisher,
    services,
    compositions: () => compositions,
    setNow(iso: string) {
      now = new Date(iso);
    },
    /** Ticks once a minute, as the scheduler does, from now until `until`. */
    async tickUntil(until: string) {
      while (now.getTime() < Date.parse(until)) {
        await runDeliveryTick(services);
        now = new Date(now.getTime() + 60_000);
      }
    },
  };
}

describe('scheduled delivery', () => {
  it('posts 08:00 briefs in Hong Kong and New York once a day for a week across the DST change', async () => {
    const world = setup('2026-03-05T00:00:00Z');
    await world.store.addSubscription(
      newSubscription({ createdAt: '2026-03-01T00:00:00.000Z', channelId: 'hk', topics: ['hong-kong'], timezone: 'Asia/Hong_Kong' }),
    );
    await world.store.addSubscription(
      newSubscription({ createdAt: '2026-03-01T00:00:00.000Z', channelId: 'ny', topics: ['us'], timezone: 'America/New_York' }),
    );
    await world.tickUntil('2026-03-12T00:00:00Z');
    const at = (channel: string) => world.publisher.posts.filter((post) => post.channelId === channel).map((post) => post.at);
    expect(at('hk')).toEqual(['05', '06', '07', '08', '09', '10', '11'].map((day) => `2026-03-${day}T00:00:00.000Z`));
    expect(at('ny')).toEqual([
      '2026-03-05T13:00:00.000Z',
      '2026-03-06T13:00:00.000Z',
      '2026-03-07T13:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
      '2026-03-10T12:00:00.000Z',
      '2026-03-11T12:00:00.000Z',
    ]);
  });

  it('skips weekends when asked', async () => {
    const world = setup('2026-11-23T00:00:00Z');
    await world.store.addSubscription(
      newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId: 'w', topics: ['china'], timezone: 'Asia/Hong_Kong', weekdaysOnly: true }),
    );
    await world.tickUntil('2026-11-30T00:00:00Z');
    expect(world.publisher.posts.map((post) => post.at.slice(0, 10))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
  });

  it('catches up a slot missed within the grace window once, and skips one missed beyond it', async () => {
    const world = setup('2026-11-24T00:20:00Z', { graceMinutes: 30 });
    await world.store.addSubscription(
      newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId: 'a', timezone: 'Asia/Hong_Kong', topics: ['china'] }),
    );
    await world.store.addSubscription(
      newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId: 'b', timezone: 'UTC', time: '23:00', topics: ['china'] }),
    );
    await world.tickUntil('2026-11-24T00:25:00Z');
    expect(world.publisher.posts.map((post) => post.channelId)).toEqual(['a']);
    const skipped = await world.store.listDeliveries({ status: 'failed' });
    expect(skipped).toMatchObject([{ target: { channelId: 'b' }, slot: '2026-11-23T23:00:00.000Z' }]);
    expect(skipped[0]?.error).toMatch(/^skipped: .*missed by 80 min/);
  });

  it('composes one brief per distinct topic set for 1,000 channels on 20 topic sets', async () => {
    const world = setup('2026-11-24T08:00:00Z');
    const topicSets = [
      'hong-kong',
      'china',
      'us',
      'india',
      'japan',
      'europe',
      'uk',
      'equities',
      'bonds',
      'fx',
      'commodities',
      'crypto',
      'ai',
      'earnings',
      'ipo',
      'monetary-policy',
      'trade',
      'tech',
      'energy',
      'banking',
    ];
    for (let channel = 0; channel < 1000; channel += 1) {
      await world.store.addSubscription(
        newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId: `c${channel}`, topics: [topicSets[channel % 20] ?? 'us'] }),
      );
    }
    const report = await deliverBriefs(world.services);
    expect(report.claimed).toBe(1000);
    expect(world.compositions()).toBe(20);
    expect(report.composed).toBe(20);
    expect(new Set(world.publisher.posts.map((post) => post.channelId)).size).toBe(1000);
  });

  it('disables a channel that refuses the bot, records why, and still delivers to the others', async () => {
    const world = setup('2026-11-24T08:00:00Z');
    for (const channel of ['ok-1', 'gone', 'ok-2'])
      await world.store.addSubscription(newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId: channel, topics: ['ai'] }));
    world.publisher.failChannel('gone', 'forbidden');
    await deliverBriefs(world.services);
    expect(world.publisher.posts.map((post) => post.channelId).sort()).toEqual(['ok-1', 'ok-2']);
    const gone = (await world.store.listSubscriptions({ channelId: 'gone' }))[0];
    expect(gone).toMatchObject({ enabled: false });
    expect(gone?.disabledReason).toMatch(/forbidden: .*missing access/);
    // A day later the disabled channel is not tried again.
    world.setNow('2026-11-25T08:00:00Z');
    await deliverBriefs(world.services);
    expect(world.publisher.posts.filter((post) => post.channelId === 'gone')).toEqual([]);
  });
});

describe('alerts', () => {
  function burst(count: number, ingestedAt: string): Article[] {
    return Array.from({ length: count }, (_, index) =>
      makeArticle({
        id: `burst-${index}`,
        contentHash: `burst-hash-${index}`,
        title: `Chip stock ${index} jumps 9% on record orders`,
        text: `Shares of chipmaker number ${index} rose 9% after record orders.`,
        topics: ['ai'],
        entities: [{ id: 'index:nasdaq-100', name: 'Nasdaq 100', type: 'index', ticker: '^NDX', tickers: ['^NDX'], count: 1 }],
        sentiment: { label: 'positive', score: 0.8 },
        publishedAt: ingestedAt,
        ingestedAt,
      }),
    );
  }

  it('folds a burst of 200 articles into at most the limit of messages per window', async () => {
    const world = setup('2026-11-24T09:00:00Z', { alertLimit: 3, alertWindowMinutes: 15, alertMinImportance: 0.3 });
    await world.store.addSubscription(newSubscription({ createdAt: '2026-11-24T08:00:00.000Z', channelId: 'alerts', topics: ['ai'], mode: 'alerts' }));
    for (const article of burst(200, '2026-11-24T08:59:00.000Z')) await world.store.insertArticle(article, { signature: new Uint32Array(1), bands: [] });
    await deliverAlerts(world.services);
    const titles = world.publisher.posts.map((post) => post.title);
    expect(titles).toHaveLength(3);
    expect(titles[2]).toMatch(/^And 198 more/);
    // Nothing is posted twice on the next ticks, and nothing new means nothing posted.
    await world.tickUntil('2026-11-24T09:40:00Z');
    expect(world.publisher.posts).toHaveLength(3);
  });

  it('does not alert on articles stored before the subscription', async () => {
    const world = setup('2026-11-24T09:00:00Z', { alertMinImportance: 0 });
    for (const article of burst(5, '2026-11-24T07:00:00.000Z')) await world.store.insertArticle(article, { signature: new Uint32Array(1), bands: [] });
    await world.store.addSubscription(newSubscription({ createdAt: '2026-11-24T08:00:00.000Z', channelId: 'alerts', topics: ['ai'], mode: 'alerts' }));
    await deliverAlerts(world.services);
    expect(world.publisher.posts).toEqual([]);
  });
});

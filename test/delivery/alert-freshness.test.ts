import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/delivery/delivery-services.ts';
import { deliverAlerts, isFreshForAlert } from '../../src/delivery/deliver-alerts.ts';
import { createDeliveryServices } from '../../src/delivery/delivery-tick.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeArticle, newSubscription, noKeys } from '../support/articles.ts';
import { createRecordingPublisher } from '../support/recording-publisher.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const index = [{ id: 'index:nasdaq-100', name: 'Nasdaq 100', type: 'index' as const, ticker: '^NDX', tickers: ['^NDX'], count: 1 }];

describe('alerts only on fresh articles', () => {
  it('does not alert on old articles ingested after the subscription, and does alert on new ones', async () => {
    const store = createSqliteStore(':memory:');
    stores.push(store);
    const now = new Date('2026-11-24T09:00:00Z');
    const clock = { now: () => now };
    const publisher = createRecordingPublisher(clock);
    const services = createDeliveryServices({ store, reference: loadReferenceIndex(), clock, logger: silent }, new Map([['shell', publisher]]), {
      ...DEFAULT_DELIVERY_SETTINGS,
      alertMinImportance: 0,
    });
    await store.addSubscription(newSubscription({ channelId: 'alerts', topics: ['ai'], mode: 'alerts' }));
    store.database.exec(`UPDATE subscriptions SET created_at = '2026-11-24T08:00:00.000Z'`);
    const base = { topics: ['ai'], entities: index, sentiment: { label: 'positive' as const, score: 0.8 }, ingestedAt: '2026-11-24T08:30:00.000Z' };
    for (const [id, publishedAt] of [
      ['from-2008', '2008-10-10T14:00:00.000Z'],
      ['from-2011', '2011-03-02T09:00:00.000Z'],
      ['fresh', '2026-11-24T08:20:00.000Z'],
    ] as const) {
      await store.insertArticle(
        makeArticle({ id, contentHash: `h-${id}`, title: `Chip index story ${id} jumps 9%`, text: `Chip shares rose 9% (${id}).`, publishedAt, ...base }),
        noKeys,
      );
    }
    await deliverAlerts(services);
    expect(publisher.posts.map((post) => post.title)).toEqual([expect.stringContaining('fresh')]);
  });

  it('accepts an article published within the alert window before a new subscription', () => {
    const subscription = { createdAt: '2026-11-24T09:00:00.000Z' };
    expect(isFreshForAlert({ publishedAt: '2026-11-24T08:50:00.000Z', ingestedAt: '2026-11-24T09:01:00.000Z' }, subscription, '2026-11-24T08:45:00.000Z')).toBe(
      true,
    );
    expect(isFreshForAlert({ publishedAt: '2026-11-24T08:30:00.000Z', ingestedAt: '2026-11-24T09:01:00.000Z' }, subscription, '2026-11-24T08:45:00.000Z')).toBe(
      false,
    );
    expect(isFreshForAlert({ publishedAt: null, ingestedAt: '2026-11-24T09:01:00.000Z' }, subscription, '2026-11-24T08:45:00.000Z')).toBe(true);
  });
});

import { expect, it } from 'vitest';
import { newSubscription } from '../../support/articles.ts';
import { describeStoreContract } from './engines.ts';

const SLOT = '2026-11-24T08:00:00.000Z';
const minute = (m: number) => new Date(Date.UTC(2026, 10, 24, 8, m)).toISOString();

describeStoreContract('store contract: subscriptions and the delivery ledger', ({ store, twin }) => {
  it('keeps one subscription per channel and scope, updating it in place', async () => {
    const s = await store();
    const base = newSubscription({ topics: ['hong-kong'], timezone: 'Asia/Hong_Kong' });
    const first = await s.addSubscription(base);
    const second = await s.addSubscription({ ...base, time: '09:30', weekdaysOnly: true });
    expect(second.id).toBe(first.id);
    expect(await s.listSubscriptions({ channelId: 'c' })).toMatchObject([{ time: '09:30', weekdaysOnly: true, topics: ['hong-kong'], enabled: true }]);
    await s.disableSubscription(first.id, 'channel is gone');
    expect((await s.listSubscriptions())[0]).toMatchObject({ enabled: false, disabledReason: 'channel is gone' });
    // Subscribing again enables it again.
    expect(await s.addSubscription(base)).toMatchObject({ id: first.id, enabled: true, disabledReason: null });
    expect(await s.removeSubscription({ platform: 'shell', workspaceId: 'w', channelId: 'c', topic: 'ai' })).toBe(0);
    expect(await s.removeSubscription({ platform: 'shell', workspaceId: 'w', channelId: 'c', topic: 'hong-kong' })).toBe(1);
    expect(await s.listSubscriptions()).toEqual([]);
  });

  it('reads back every field of a subscription, and filters the list by platform, workspace and channel', async () => {
    const s = await store();
    const full = newSubscription({
      topics: ['ai', 'china', 'ai'],
      entityIds: ['company:alibaba'],
      keywords: ['Chips'],
      filter: { include: ['tsmc'], exclude: ['rumour'], pattern: 'fab', minImportance: 0.4, sentiments: ['negative'] },
      mode: 'both',
      cron: '0 8 * * 1-5',
      holidays: 'HK',
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    const stored = await s.addSubscription(full);
    expect(stored).toMatchObject({
      topics: ['ai', 'china'],
      entityIds: ['company:alibaba'],
      keywords: ['Chips'],
      filter: full.filter,
      mode: 'both',
      cron: '0 8 * * 1-5',
      holidays: 'HK',
      createdAt: '2026-11-01T00:00:00.000Z',
      alertCursor: null,
    });
    await s.addSubscription(newSubscription({ platform: 'discord', workspaceId: 'g', channelId: 'd', topics: ['gold'] }));
    expect((await s.listSubscriptions({ platform: 'discord' })).map((subscription) => subscription.topics)).toEqual([['gold']]);
    expect(await s.listSubscriptions({ platform: 'shell', workspaceId: 'w', channelId: 'x' })).toEqual([]);
    await s.setAlertCursor(stored.id, minute(5));
    expect((await s.listSubscriptions({ platform: 'shell' }))[0]?.alertCursor).toBe(minute(5));
    // Removing by keyword ignores case; by entity id works too.
    expect(await s.removeSubscription({ platform: 'shell', workspaceId: 'w', channelId: 'c', topic: 'chips' })).toBe(1);
  });

  it('claims a slot once, records its outcome, and lists deliveries with their target', async () => {
    const s = await store();
    const subscription = await s.addSubscription(newSubscription({ topics: ['ai'] }));
    expect(await s.claimDelivery(subscription.id, SLOT, minute(0))).toBe(true);
    expect(await s.claimDelivery(subscription.id, SLOT, minute(1))).toBe(false);
    expect(await s.listDeliveries({ status: 'claimed' })).toMatchObject([
      { subscriptionId: subscription.id, slot: SLOT, target: { platform: 'shell', workspaceId: 'w', channelId: 'c' }, attempts: 1, postedAt: null },
    ]);
    await s.completeDelivery(subscription.id, SLOT, { messageIds: ['m1', 'm2'], at: minute(2) });
    expect(await s.listDeliveries({ subscriptionId: subscription.id })).toMatchObject([
      { status: 'posted', messageIds: ['m1', 'm2'], postedAt: minute(2), error: null },
    ]);
    const next = '2026-11-25T08:00:00.000Z';
    await s.claimDelivery(subscription.id, next, next);
    await s.completeDelivery(subscription.id, next, { error: 'channel not found' });
    expect(await s.listDeliveries({ status: 'failed' })).toMatchObject([{ slot: next, error: 'channel not found' }]);
    // Newest slot first; the limit holds.
    expect((await s.listDeliveries({})).map((delivery) => delivery.slot)).toEqual([next, SLOT]);
    expect(await s.listDeliveries({ limit: 1 })).toHaveLength(1);
  });

  it('gives a slot to exactly one of many claims from two connections at once', async () => {
    const one = await store();
    const two = await twin();
    const subscriptions = await Promise.all(['a', 'b', 'c'].map((topic) => one.addSubscription(newSubscription({ topics: [topic] }))));
    for (const subscription of subscriptions) {
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? one : two).claimDelivery(subscription.id, SLOT, minute(index))),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
    expect(await two.listDeliveries({})).toHaveLength(3);
  });

  it('takes over a stale claim once, counting the attempt, and leaves fresh and finished ones alone', async () => {
    const s = await store();
    const [stale, fresh, done] = await Promise.all(['a', 'b', 'c'].map((topic) => s.addSubscription(newSubscription({ topics: [topic] }))));
    if (stale === undefined || fresh === undefined || done === undefined) throw new Error('subscriptions missing');
    await s.claimDelivery(stale.id, SLOT, minute(0));
    await s.claimDelivery(fresh.id, SLOT, minute(9));
    await s.claimDelivery(done.id, SLOT, minute(0));
    await s.completeDelivery(done.id, SLOT, { messageIds: ['m'], at: minute(1) });
    const taken = await s.reclaimStaleDeliveries(minute(5), minute(10), 10);
    expect(taken).toMatchObject([{ subscriptionId: stale.id, slot: SLOT, status: 'claimed', claimedAt: minute(10), attempts: 2, target: { channelId: 'c' } }]);
    expect(await s.reclaimStaleDeliveries(minute(5), minute(11), 10)).toEqual([]);
  });

  it('hands each stale claim to exactly one of two connections reclaiming at once', async () => {
    const one = await store();
    const two = await twin();
    const subscriptions = await Promise.all(Array.from({ length: 12 }, (_, index) => one.addSubscription(newSubscription({ topics: [`t${index}`] }))));
    for (const subscription of subscriptions) await one.claimDelivery(subscription.id, SLOT, minute(0));
    const rounds = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? one : two).reclaimStaleDeliveries(minute(5), minute(10), 3)));
    const taken = rounds.flat().map((delivery) => delivery.subscriptionId);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.sort()).toEqual(subscriptions.map((subscription) => subscription.id).sort());
  });

  it('deletes a subscription’s deliveries with it', async () => {
    const s = await store();
    const subscription = await s.addSubscription(newSubscription({ topics: ['ai'] }));
    await s.claimDelivery(subscription.id, SLOT, SLOT);
    await s.removeSubscription({ platform: 'shell', workspaceId: 'w', channelId: 'c', topic: 'ai' });
    expect(await s.listDeliveries({})).toEqual([]);
  });
});

import type { Command } from '../src/dispatch/index.ts';
import { ENTITY_TYPES, type Subscription, textReply } from '../src/domain/index.ts';
import type { Store } from '../src/ports/index.ts';
import type { ReferenceIndex } from '../src/pipeline/index.ts';
import { describeFilter, formatLocal, nextSlot } from '../src/delivery/index.ts';

/** A name for each subscribed entity: the reference's, else the name stored articles give it (an organisation no list has). */
async function entityNamesOf(subscriptions: readonly Subscription[], reference: ReferenceIndex, store: Store): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unlisted = [...new Set(subscriptions.flatMap((subscription) => subscription.entityIds))].filter((id) => {
    const name = reference.get(id)?.name;
    if (name !== undefined) names.set(id, name);
    return name === undefined;
  });
  if (unlisted.length > 0) {
    for (const { entity } of await store.findStoredEntities('', unlisted, [...ENTITY_TYPES], unlisted.length)) names.set(entity.id, entity.name);
  }
  return names;
}

function describe(subscription: Subscription, now: Date, names: ReadonlyMap<string, string>): string {
  const what = [
    ...subscription.topics,
    ...subscription.entityIds.map((id) => names.get(id) ?? id),
    ...subscription.keywords.map((keyword) => `“${keyword}”`),
  ].join(', ');
  const parts: string[] = [];
  if (subscription.mode !== 'alerts') {
    const when = subscription.cron !== null ? `cron "${subscription.cron}"` : `${subscription.weekdaysOnly ? 'weekdays' : 'daily'} at ${subscription.time}`;
    parts.push(`${when} ${subscription.timezone}${subscription.holidays === null ? '' : `, ${subscription.holidays} holidays skipped`}`);
  }
  if (subscription.mode !== 'brief') parts.push('alerts');
  const filter = describeFilter(subscription.filter);
  if (filter !== '') parts.push(filter);
  let state: string;
  if (!subscription.enabled) state = `disabled: ${subscription.disabledReason ?? 'no reason recorded'}`;
  else if (subscription.mode === 'alerts') state = 'active';
  else {
    const next = nextSlot(subscription, now);
    state = next === null ? 'no upcoming run' : `next ${formatLocal(next, subscription.timezone)}`;
  }
  return `${what}: ${parts.join('; ')} (${state})`;
}

export default {
  name: 'subscriptions',
  description: "This channel's briefs and alerts: what, when, filters and the next run",
  usage: '/subscriptions',
  examples: ['/subscriptions'],
  options: [],
  adminOnly: false,
  async run(_options, context, services) {
    const subscriptions = await services.store.listSubscriptions({
      platform: context.platform,
      workspaceId: context.workspaceId,
      channelId: context.channelId,
    });
    if (subscriptions.length === 0) {
      return textReply('Subscriptions', ['This channel has no subscriptions. Try /subscribe hong-kong 08:00 Asia/Hong_Kong']);
    }
    const now = services.clock.now();
    const names = await entityNamesOf(subscriptions, services.reference, services.store);
    return textReply(
      'Subscriptions',
      subscriptions.map((subscription) => describe(subscription, now, names)),
    );
  },
} satisfies Command;

import { type Command, parseOptions } from '../src/dispatch/index.ts';
import { type Subscription, textReply, UserFacingError } from '../src/domain/index.ts';
import { describeFilter, formatLocal, nextSlot } from '../src/delivery/index.ts';
import { findTopic } from '../src/pipeline/index.ts';
import { resolveCompany, resolveEntity, resolveTopic } from './resolve.ts';
import { SUBSCRIBE_OPTIONS, subscribeSchema } from './subscription-options.ts';

const usage = '/subscribe <topic> [HH:MM] [timezone] [daily|weekdays] [mode:brief|alerts|both] [company:…] [market:…] [include:…] [exclude:…] [cron:"…"]';

/** The scope a channel follows, as the store keys it: one subscription per channel and scope. */
function sameScope(scope: { topics: readonly string[]; entityIds: readonly string[]; keywords: readonly string[] }): string {
  const part = (values: readonly string[]) => [...new Set(values)].sort().join(',');
  return `${part(scope.topics)}|${part(scope.entityIds)}|${part(scope.keywords.map((keyword) => keyword.toLowerCase()))}`;
}

function describeSchedule(subscription: Subscription): string {
  const parts: string[] = [`mode ${subscription.mode}`];
  if (subscription.mode !== 'alerts') {
    parts.push(
      subscription.cron !== null
        ? `cron "${subscription.cron}" ${subscription.timezone}`
        : `${subscription.weekdaysOnly ? 'weekdays' : 'daily'} at ${subscription.time} ${subscription.timezone}`,
    );
  }
  const filter = describeFilter(subscription.filter);
  if (filter !== '') parts.push(filter);
  return `was ${parts.join(', ')}`;
}

export default {
  name: 'subscribe',
  description: 'Post briefs or alerts on a topic, company or market to this channel (admins)',
  usage,
  examples: [
    '/subscribe hong-kong 08:00 Asia/Hong_Kong',
    '/subscribe ai 07:30 America/New_York weekdays',
    '/subscribe company:Alibaba mode:alerts',
    '/subscribe market:"hang seng" 09:00 Asia/Hong_Kong',
  ],
  options: SUBSCRIBE_OPTIONS,
  adminOnly: true,
  async run(options, context, services) {
    const input = parseOptions(subscribeSchema, options, usage);
    const topics = input.topic === undefined ? [] : [resolveTopic(input.topic).slug];
    const entityIds: string[] = [];
    // Companies of the reference, or organisations named in stored articles that no list holds.
    const company = input.company === undefined ? null : await resolveCompany(services.reference, services.store, input.company);
    if (company !== null) entityIds.push(company.id);
    if (input.market !== undefined) {
      const region = findTopic(input.market);
      if (region !== null && region.kind === 'region') topics.push(region.slug);
      else entityIds.push(resolveEntity(services.reference, input.market, ['index', 'exchange'], 'a market').id);
    }
    const keywords = input.keywords ?? [];
    if (topics.length === 0 && entityIds.length === 0 && keywords.length === 0) {
      throw new UserFacingError(`Say what to follow: a topic, company:…, market:… or keywords:…. Usage: ${usage}`);
    }
    const where = { platform: context.platform, workspaceId: context.workspaceId, channelId: context.channelId };
    const scope = sameScope({ topics, entityIds, keywords });
    const previous = (await services.store.listSubscriptions(where)).find((existing) => sameScope(existing) === scope);
    const subscription = await services.store.addSubscription({
      platform: context.platform,
      workspaceId: context.workspaceId,
      channelId: context.channelId,
      topics,
      entityIds,
      keywords,
      filter: {
        include: input.include ?? [],
        exclude: input.exclude ?? [],
        pattern: input.regex ?? null,
        minImportance: input.importance ?? 0,
        sentiments: input.sentiment ?? [],
      },
      mode: input.mode ?? 'brief',
      time: input.time ?? services.settings.defaultBriefTime,
      timezone: input.timezone ?? services.settings.defaultTimezone,
      weekdaysOnly: input.days === 'weekdays',
      cron: input.cron ?? null,
      holidays: input.holidays ?? null,
      createdBy: context.userId,
    });
    const what = [
      ...topics,
      ...entityIds.map((id) => services.reference.get(id)?.name ?? (id === company?.id ? company.name : id)),
      ...keywords.map((keyword) => `“${keyword}”`),
    ].join(', ');
    const lines: string[] = [];
    if (previous !== undefined) lines.push(`This replaces this channel's earlier subscription to ${what} (${describeSchedule(previous)}).`);
    if (subscription.mode !== 'alerts') {
      const when =
        subscription.cron !== null
          ? `on the schedule "${subscription.cron}"`
          : `${subscription.weekdaysOnly ? 'on weekdays' : 'every day'} at ${subscription.time}`;
      lines.push(
        `This channel gets a brief on ${what} ${when} ${subscription.timezone}${subscription.holidays !== null ? `, skipping ${subscription.holidays} market holidays` : ''}.`,
      );
      const next = nextSlot(subscription, services.clock.now());
      lines.push(next === null ? 'No upcoming run was found for that schedule.' : `Next brief: ${formatLocal(next, subscription.timezone)}.`);
    }
    if (subscription.mode !== 'brief') lines.push(`Alerts: important new stories on ${what} are posted as they arrive, batched to avoid floods.`);
    const filter = describeFilter(subscription.filter);
    if (filter !== '') lines.push(`Filter: ${filter}.`);
    return textReply('Subscribed', lines, 'public');
  },
} satisfies Command;

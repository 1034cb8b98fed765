import type { Delivery, Subscription, SubscriptionFilter } from '../../domain/index.ts';
import { nullableText } from './sql-values.ts';

type Row = Record<string, unknown>;

export const EMPTY_FILTER: SubscriptionFilter = { include: [], exclude: [], pattern: null, minImportance: 0, sentiments: [] };

function list(value: unknown): string[] {
  return JSON.parse(String(value ?? '[]')) as string[];
}

export function rowToSubscription(row: Row): Subscription {
  return {
    id: String(row['id']),
    platform: String(row['platform']),
    workspaceId: String(row['workspace_id']),
    channelId: String(row['channel_id']),
    topics: list(row['topics_json']),
    entityIds: list(row['entity_ids_json']),
    keywords: list(row['keywords_json']),
    filter: { ...EMPTY_FILTER, ...(JSON.parse(String(row['filter_json'] ?? '{}')) as Partial<SubscriptionFilter>) },
    mode: String(row['mode'] ?? 'brief') as Subscription['mode'],
    time: String(row['time']),
    timezone: String(row['timezone']),
    weekdaysOnly: Number(row['weekdays_only']) === 1,
    cron: nullableText(row['cron']),
    holidays: nullableText(row['holidays']),
    createdBy: String(row['created_by']),
    createdAt: String(row['created_at']),
    enabled: Number(row['enabled']) === 1,
    disabledReason: nullableText(row['disabled_reason']),
    alertCursor: nullableText(row['alert_cursor']),
  };
}

/** Deliveries are read joined with their subscription (`s.platform`, …) for the target. */
export function rowToDelivery(row: Row): Delivery {
  return {
    subscriptionId: String(row['subscription_id']),
    target: { platform: String(row['platform']), workspaceId: String(row['workspace_id']), channelId: String(row['channel_id']) },
    slot: String(row['slot']),
    status: String(row['status']) as Delivery['status'],
    messageIds: list(row['message_ids_json']),
    claimedAt: String(row['claimed_at']),
    postedAt: nullableText(row['posted_at']),
    error: nullableText(row['error']),
    attempts: Number(row['attempts'] ?? 1),
  };
}

/** What makes a subscription unique in a channel: its scope, sorted. */
export function scopeKey(scope: { topics: readonly string[]; entityIds: readonly string[]; keywords: readonly string[] }): string {
  const part = (values: readonly string[]) => [...new Set(values)].sort().join(',');
  return `t:${part(scope.topics)}|e:${part(scope.entityIds)}|k:${part(scope.keywords.map((keyword) => keyword.toLowerCase()))}`;
}

import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Delivery, Store, Subscription } from '../../core/ports.ts';

type Row = Record<string, unknown>;
type SubscriptionMethods = Pick<
  Store,
  | 'addSubscription'
  | 'removeSubscription'
  | 'listSubscriptions'
  | 'disableSubscription'
  | 'claimDelivery'
  | 'completeDelivery'
  | 'listDeliveries'
>;

function rowToSubscription(row: Row): Subscription {
  return {
    id: String(row['id']),
    platform: String(row['platform']),
    workspaceId: String(row['workspace_id']),
    channelId: String(row['channel_id']),
    topics: JSON.parse(String(row['topics_json'])) as string[],
    time: String(row['time']),
    timezone: String(row['timezone']),
    weekdaysOnly: Number(row['weekdays_only']) === 1,
    createdBy: String(row['created_by']),
    createdAt: String(row['created_at']),
    enabled: Number(row['enabled']) === 1,
    disabledReason: row['disabled_reason'] === null ? null : String(row['disabled_reason']),
  };
}

function rowToDelivery(row: Row): Delivery {
  return {
    subscriptionId: String(row['subscription_id']),
    slot: String(row['slot']),
    status: String(row['status']) as Delivery['status'],
    messageIds: JSON.parse(String(row['message_ids_json'])) as string[],
    claimedAt: String(row['claimed_at']),
    postedAt: row['posted_at'] === null ? null : String(row['posted_at']),
    error: row['error'] === null ? null : String(row['error']),
  };
}

/** The key that makes one subscription per (channel, topic set): topics sorted, comma-joined. */
export function topicKey(topics: readonly string[]): string {
  return [...new Set(topics)].sort().join(',');
}

export function createSubscriptionStore(
  database: DatabaseSync,
  transaction: <T>(work: () => T) => T,
): SubscriptionMethods {
  return {
    async addSubscription(subscription) {
      const key = topicKey(subscription.topics);
      const createdAt = new Date().toISOString();
      return transaction(() => {
        // Subscribing again to the same topics updates the time, timezone and days in place.
        database
          .prepare(
            `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, topics_json, topic_key, time, timezone,
               weekdays_only, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (platform, workspace_id, channel_id, topic_key) DO UPDATE SET
               time = excluded.time, timezone = excluded.timezone, weekdays_only = excluded.weekdays_only,
               enabled = 1, disabled_reason = NULL`,
          )
          .run(
            `sub_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
            subscription.platform,
            subscription.workspaceId,
            subscription.channelId,
            JSON.stringify(key.split(',').filter((topic) => topic !== '')),
            key,
            subscription.time,
            subscription.timezone,
            subscription.weekdaysOnly ? 1 : 0,
            subscription.createdBy,
            createdAt,
          );
        const row = database
          .prepare('SELECT * FROM subscriptions WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND topic_key = ?')
          .get(subscription.platform, subscription.workspaceId, subscription.channelId, key);
        if (row === undefined) throw new Error('subscription vanished after insert');
        return rowToSubscription(row);
      });
    },
    async removeSubscription({ platform, workspaceId, channelId, topic }) {
      const rows = database
        .prepare('SELECT id, topics_json FROM subscriptions WHERE platform = ? AND workspace_id = ? AND channel_id = ?')
        .all(platform, workspaceId, channelId);
      const ids = rows
        .filter((row) => (JSON.parse(String(row['topics_json'])) as string[]).includes(topic))
        .map((row) => String(row['id']));
      if (ids.length === 0) return 0;
      const placeholders = ids.map(() => '?').join(', ');
      return Number(database.prepare(`DELETE FROM subscriptions WHERE id IN (${placeholders})`).run(...ids).changes);
    },
    async listSubscriptions(where = {}) {
      const clauses: string[] = [];
      const parameters: string[] = [];
      if (where.platform !== undefined) {
        clauses.push('platform = ?');
        parameters.push(where.platform);
      }
      if (where.workspaceId !== undefined) {
        clauses.push('workspace_id = ?');
        parameters.push(where.workspaceId);
      }
      if (where.channelId !== undefined) {
        clauses.push('channel_id = ?');
        parameters.push(where.channelId);
      }
      const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      return database.prepare(`SELECT * FROM subscriptions ${filter} ORDER BY created_at, id`).all(...parameters).map(rowToSubscription);
    },
    async disableSubscription(id, reason) {
      database.prepare('UPDATE subscriptions SET enabled = 0, disabled_reason = ? WHERE id = ?').run(reason, id);
    },
    async claimDelivery(subscriptionId, slot, at) {
      const result = database
        .prepare(
          `INSERT INTO deliveries (subscription_id, slot, status, claimed_at) VALUES (?, ?, 'claimed', ?)
           ON CONFLICT (subscription_id, slot) DO NOTHING`,
        )
        .run(subscriptionId, slot, at);
      return Number(result.changes) === 1;
    },
    async completeDelivery(subscriptionId, slot, result) {
      if ('error' in result) {
        database
          .prepare(`UPDATE deliveries SET status = 'failed', error = ? WHERE subscription_id = ? AND slot = ?`)
          .run(result.error, subscriptionId, slot);
        return;
      }
      database
        .prepare(
          `UPDATE deliveries SET status = 'posted', message_ids_json = ?, posted_at = ?, error = NULL
           WHERE subscription_id = ? AND slot = ?`,
        )
        .run(JSON.stringify(result.messageIds), result.at, subscriptionId, slot);
    },
    async listDeliveries(where = {}) {
      const clauses: string[] = [];
      const parameters: Array<string | number> = [];
      if (where.subscriptionId !== undefined) {
        clauses.push('subscription_id = ?');
        parameters.push(where.subscriptionId);
      }
      if (where.status !== undefined) {
        clauses.push('status = ?');
        parameters.push(where.status);
      }
      const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      return database
        .prepare(`SELECT * FROM deliveries ${filter} ORDER BY slot DESC, subscription_id LIMIT ?`)
        .all(...parameters, where.limit ?? 100)
        .map(rowToDelivery);
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { Store } from '../../ports/index.ts';
import { rowToDelivery, rowToSubscription, scopeKey } from './subscription-rows.ts';

type SubscriptionMethods = Pick<
  Store,
  | 'addSubscription'
  | 'removeSubscription'
  | 'listSubscriptions'
  | 'disableSubscription'
  | 'claimDelivery'
  | 'completeDelivery'
  | 'listDeliveries'
  | 'reclaimStaleDeliveries'
  | 'setAlertCursor'
>;

const DELIVERY_COLUMNS = `d.*, s.platform, s.workspace_id, s.channel_id`;

export function createSubscriptionStore(database: DatabaseSync, transaction: <T>(work: () => T) => T): SubscriptionMethods {
  return {
    async addSubscription(subscription) {
      const key = scopeKey(subscription);
      return transaction(() => {
        // Subscribing again to the same scope updates the schedule, mode and filter in place.
        database
          .prepare(
            `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, topics_json, entity_ids_json, keywords_json,
               topic_key, filter_json, mode, time, timezone, weekdays_only, cron, holidays, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (platform, workspace_id, channel_id, topic_key) DO UPDATE SET
               filter_json = excluded.filter_json, mode = excluded.mode, time = excluded.time, timezone = excluded.timezone,
               weekdays_only = excluded.weekdays_only, cron = excluded.cron, holidays = excluded.holidays,
               enabled = 1, disabled_reason = NULL`,
          )
          .run(
            `sub_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
            subscription.platform,
            subscription.workspaceId,
            subscription.channelId,
            JSON.stringify([...new Set(subscription.topics)].sort()),
            JSON.stringify([...new Set(subscription.entityIds)].sort()),
            JSON.stringify([...new Set(subscription.keywords)]),
            key,
            JSON.stringify(subscription.filter),
            subscription.mode,
            subscription.time,
            subscription.timezone,
            subscription.weekdaysOnly ? 1 : 0,
            subscription.cron,
            subscription.holidays,
            subscription.createdBy,
            subscription.createdAt ?? new Date().toISOString(),
          );
        const row = database
          .prepare('SELECT * FROM subscriptions WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND topic_key = ?')
          .get(subscription.platform, subscription.workspaceId, subscription.channelId, key);
        if (row === undefined) throw new Error('subscription vanished after insert');
        return rowToSubscription(row);
      });
    },
    async removeSubscription({ platform, workspaceId, channelId, topic }) {
      const ids = database
        .prepare('SELECT * FROM subscriptions WHERE platform = ? AND workspace_id = ? AND channel_id = ?')
        .all(platform, workspaceId, channelId)
        .map(rowToSubscription)
        .filter(
          (subscription) =>
            subscription.topics.includes(topic) ||
            subscription.entityIds.includes(topic) ||
            subscription.keywords.some((keyword) => keyword.toLowerCase() === topic.toLowerCase()),
        )
        .map((subscription) => subscription.id);
      if (ids.length === 0) return 0;
      return Number(database.prepare(`DELETE FROM subscriptions WHERE id IN (${ids.map(() => '?').join(', ')})`).run(...ids).changes);
    },
    async listSubscriptions(where = {}) {
      const clauses: string[] = [];
      const parameters: string[] = [];
      for (const [column, value] of [
        ['platform', where.platform],
        ['workspace_id', where.workspaceId],
        ['channel_id', where.channelId],
      ] as const) {
        if (value === undefined) continue;
        clauses.push(`${column} = ?`);
        parameters.push(value);
      }
      const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      return database
        .prepare(`SELECT * FROM subscriptions ${filter} ORDER BY created_at, id`)
        .all(...parameters)
        .map(rowToSubscription);
    },
    async disableSubscription(id, reason) {
      database.prepare('UPDATE subscriptions SET enabled = 0, disabled_reason = ? WHERE id = ?').run(reason, id);
    },
    async setAlertCursor(id, cursor) {
      database.prepare('UPDATE subscriptions SET alert_cursor = ? WHERE id = ?').run(cursor, id);
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
        database.prepare(`UPDATE deliveries SET status = 'failed', error = ? WHERE subscription_id = ? AND slot = ?`).run(result.error, subscriptionId, slot);
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
      const parameters: SQLInputValue[] = [];
      if (where.subscriptionId !== undefined) {
        clauses.push('d.subscription_id = ?');
        parameters.push(where.subscriptionId);
      }
      if (where.status !== undefined) {
        clauses.push('d.status = ?');
        parameters.push(where.status);
      }
      const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      return database
        .prepare(
          `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id ${filter}
           ORDER BY d.slot DESC, d.claimed_at DESC, d.subscription_id LIMIT ?`,
        )
        .all(...parameters, where.limit ?? 100)
        .map(rowToDelivery);
    },
    async reclaimStaleDeliveries(claimedBefore, at, limit) {
      // UPDATE … RETURNING under the write lock: two processes never take over the same claim.
      return transaction(() => {
        const taken = database
          .prepare(
            `UPDATE deliveries SET claimed_at = ?, attempts = attempts + 1
             WHERE rowid IN (SELECT rowid FROM deliveries WHERE status = 'claimed' AND claimed_at < ? ORDER BY claimed_at LIMIT ?)
             RETURNING subscription_id, slot`,
          )
          .all(at, claimedBefore, limit);
        const read = database.prepare(
          `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
           WHERE d.subscription_id = ? AND d.slot = ?`,
        );
        return taken.flatMap((row) => {
          const delivery = read.get(String(row['subscription_id']), String(row['slot']));
          return delivery === undefined ? [] : [rowToDelivery(delivery)];
        });
      });
    },
  };
}

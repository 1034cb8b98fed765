import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Store } from '../../ports/index.ts';
import { rowToDelivery, rowToSubscription, scopeKey } from '../common/index.ts';
import { Parameters, type Row } from './sql.ts';

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

const DELIVERY_COLUMNS = 'd.*, s.platform, s.workspace_id, s.channel_id';

export function createSubscriptionStore(pool: pg.Pool, ready: () => Promise<void>): SubscriptionMethods {
  async function query(text: string, values: unknown[] = []): Promise<{ rows: Row[]; rowCount: number | null }> {
    await ready();
    return pool.query(text, values);
  }

  return {
    async addSubscription(subscription) {
      // Subscribing again to the same scope updates the schedule, mode and filter in place; one statement, so no race.
      const { rows } = await query(
        `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, topics_json, entity_ids_json, keywords_json,
           topic_key, filter_json, mode, time, timezone, weekdays_only, cron, holidays, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (platform, workspace_id, channel_id, topic_key) DO UPDATE SET
           filter_json = excluded.filter_json, mode = excluded.mode, time = excluded.time, timezone = excluded.timezone,
           weekdays_only = excluded.weekdays_only, cron = excluded.cron, holidays = excluded.holidays,
           enabled = true, disabled_reason = NULL
         RETURNING *`,
        [
          `sub_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
          subscription.platform,
          subscription.workspaceId,
          subscription.channelId,
          JSON.stringify([...new Set(subscription.topics)].sort()),
          JSON.stringify([...new Set(subscription.entityIds)].sort()),
          JSON.stringify([...new Set(subscription.keywords)]),
          scopeKey(subscription),
          JSON.stringify(subscription.filter),
          subscription.mode,
          subscription.time,
          subscription.timezone,
          subscription.weekdaysOnly,
          subscription.cron,
          subscription.holidays,
          subscription.createdBy,
          subscription.createdAt ?? new Date().toISOString(),
        ],
      );
      if (rows[0] === undefined) throw new Error('subscription vanished after insert');
      return rowToSubscription(rows[0]);
    },
    async removeSubscription({ platform, workspaceId, channelId, topic }) {
      const { rows } = await query('SELECT * FROM subscriptions WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3', [
        platform,
        workspaceId,
        channelId,
      ]);
      const ids = rows
        .map(rowToSubscription)
        .filter(
          (subscription) =>
            subscription.topics.includes(topic) ||
            subscription.entityIds.includes(topic) ||
            subscription.keywords.some((keyword) => keyword.toLowerCase() === topic.toLowerCase()),
        )
        .map((subscription) => subscription.id);
      if (ids.length === 0) return 0;
      return (await query('DELETE FROM subscriptions WHERE id = ANY($1)', [ids])).rowCount ?? 0;
    },
    async listSubscriptions(where = {}) {
      const parameters = new Parameters();
      const clauses: string[] = [];
      for (const [column, value] of [
        ['platform', where.platform],
        ['workspace_id', where.workspaceId],
        ['channel_id', where.channelId],
      ] as const) {
        if (value !== undefined) clauses.push(`${column} = ${parameters.add(value)}`);
      }
      const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      const { rows } = await query(`SELECT * FROM subscriptions ${filter} ORDER BY created_at, id`, parameters.values);
      return rows.map(rowToSubscription);
    },
    async disableSubscription(id, reason) {
      await query('UPDATE subscriptions SET enabled = false, disabled_reason = $1 WHERE id = $2', [reason, id]);
    },
    async setAlertCursor(id, cursor) {
      await query('UPDATE subscriptions SET alert_cursor = $1 WHERE id = $2', [cursor, id]);
    },
    async claimDelivery(subscriptionId, slot, at) {
      // The primary key decides: of any number of processes claiming at once, one inserts the row.
      const result = await query(
        `INSERT INTO deliveries (subscription_id, slot, status, claimed_at) VALUES ($1, $2, 'claimed', $3)
         ON CONFLICT (subscription_id, slot) DO NOTHING`,
        [subscriptionId, slot, at],
      );
      return result.rowCount === 1;
    },
    async completeDelivery(subscriptionId, slot, result) {
      if ('error' in result) {
        await query(`UPDATE deliveries SET status = 'failed', error = $1 WHERE subscription_id = $2 AND slot = $3`, [result.error, subscriptionId, slot]);
        return;
      }
      await query(
        `UPDATE deliveries SET status = 'posted', message_ids_json = $1, posted_at = $2, error = NULL
         WHERE subscription_id = $3 AND slot = $4`,
        [JSON.stringify(result.messageIds), result.at, subscriptionId, slot],
      );
    },
    async listDeliveries(where = {}) {
      const parameters = new Parameters();
      const clauses: string[] = [];
      if (where.subscriptionId !== undefined) clauses.push(`d.subscription_id = ${parameters.add(where.subscriptionId)}`);
      if (where.status !== undefined) clauses.push(`d.status = ${parameters.add(where.status)}`);
      const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      const { rows } = await query(
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id ${filter}
         ORDER BY d.slot DESC, d.claimed_at DESC, d.subscription_id LIMIT ${parameters.add(where.limit ?? 100)}`,
        parameters.values,
      );
      return rows.map(rowToDelivery);
    },
    async reclaimStaleDeliveries(claimedBefore, at, limit) {
      // The stale rows are locked as they are picked and rows another process holds are skipped,
      // so each claim taken over goes to exactly one caller; the update and its read are one statement.
      const { rows } = await query(
        `WITH taken AS (
           UPDATE deliveries SET claimed_at = $1, attempts = attempts + 1
           WHERE (subscription_id, slot) IN (
             SELECT subscription_id, slot FROM deliveries WHERE status = 'claimed' AND claimed_at < $2
             ORDER BY claimed_at LIMIT $3 FOR UPDATE SKIP LOCKED)
             AND status = 'claimed' AND claimed_at < $2
           RETURNING *)
         SELECT ${DELIVERY_COLUMNS} FROM taken d JOIN subscriptions s ON s.id = d.subscription_id ORDER BY d.claimed_at, d.slot`,
        [at, claimedBefore, limit],
      );
      return rows.map(rowToDelivery);
    },
  };
}

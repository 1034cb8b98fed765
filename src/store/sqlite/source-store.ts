import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Source } from '../../domain/index.ts';
import type { Store } from '../../ports/index.ts';
import { nullableText } from './sql-values.ts';

type Row = Record<string, unknown>;
type SourceMethods = Pick<Store, 'addSource' | 'getSource' | 'listSources' | 'removeSource' | 'dueSources' | 'recordPoll' | 'resumeSource'>;

function rowToSource(row: Row): Source {
  return {
    id: String(row['id']),
    url: String(row['url']),
    title: nullableText(row['title']),
    topics: JSON.parse(String(row['topics_json'])) as string[],
    addedBy: JSON.parse(String(row['added_by_json'])) as Source['addedBy'],
    addedAt: String(row['added_at']),
    intervalMinutes: Number(row['interval_minutes']),
    etag: nullableText(row['etag']),
    lastModified: nullableText(row['last_modified']),
    lastPolledAt: nullableText(row['last_polled_at']),
    lastSuccessAt: nullableText(row['last_success_at']),
    lastError: nullableText(row['last_error']),
    consecutiveFailures: Number(row['consecutive_failures']),
    nextPollAt: String(row['next_poll_at']),
    paused: Number(row['paused']) === 1,
    pausedReason: nullableText(row['paused_reason']),
    itemsStored: Number(row['items_stored']),
  };
}

export function createSourceStore(database: DatabaseSync): SourceMethods {
  const byId = database.prepare('SELECT * FROM sources WHERE id = ?');
  return {
    async addSource(source, at) {
      const existing = database.prepare('SELECT * FROM sources WHERE url = ?').get(source.url);
      if (existing !== undefined) return { source: rowToSource(existing), created: false };
      const id = `src_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      database
        .prepare(
          `INSERT INTO sources (id, url, title, topics_json, added_by_json, added_at, interval_minutes, next_poll_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
        )
        .run(id, source.url, source.title, JSON.stringify(source.topics), JSON.stringify(source.addedBy), at, source.intervalMinutes, at);
      const row = database.prepare('SELECT * FROM sources WHERE url = ?').get(source.url);
      if (row === undefined) throw new Error('source vanished after insert');
      return { source: rowToSource(row), created: String(row['id']) === id };
    },
    async getSource(id) {
      const row = byId.get(id);
      return row === undefined ? null : rowToSource(row);
    },
    async listSources(where = {}) {
      const rows = database.prepare('SELECT * FROM sources ORDER BY added_at, id').all().map(rowToSource);
      return where.workspaceId === undefined ? rows : rows.filter((source) => source.addedBy.workspaceId === where.workspaceId);
    },
    async removeSource(id) {
      return Number(database.prepare('DELETE FROM sources WHERE id = ?').run(id).changes) === 1;
    },
    async dueSources(now, limit) {
      return database
        .prepare('SELECT * FROM sources WHERE paused = 0 AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?')
        .all(now, limit)
        .map(rowToSource);
    },
    async recordPoll(id, record) {
      if (record.ok) {
        database
          .prepare(
            `UPDATE sources SET last_polled_at = ?, last_success_at = ?, next_poll_at = ?, etag = ?, last_modified = ?,
               title = coalesce(?, title), last_error = NULL, consecutive_failures = 0, items_stored = items_stored + ?
             WHERE id = ?`,
          )
          .run(record.at, record.at, record.nextPollAt, record.etag, record.lastModified, record.title ?? null, record.itemsStored, id);
        return;
      }
      database
        .prepare(
          `UPDATE sources SET last_polled_at = ?, next_poll_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1,
             paused = CASE WHEN ? THEN 1 ELSE paused END, paused_reason = CASE WHEN ? THEN ? ELSE paused_reason END
           WHERE id = ?`,
        )
        .run(record.at, record.nextPollAt, record.error, record.pause ? 1 : 0, record.pause ? 1 : 0, record.error, id);
    },
    async resumeSource(id, nextPollAt) {
      database
        .prepare('UPDATE sources SET paused = 0, paused_reason = NULL, consecutive_failures = 0, next_poll_at = ? WHERE id = ?')
        .run(nextPollAt, id);
    },
  };
}

import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Source } from '../../domain/index.ts';
import type { Owner, Store } from '../../ports/index.ts';
import { operatorView, ownerKey, rowToSource, withLink } from '../common/index.ts';
import { inTransaction, type Queryable, type Row } from './sql.ts';

type SourceMethods = Pick<Store, 'addSource' | 'getSource' | 'listSources' | 'sourceOwners' | 'removeSource' | 'dueSources' | 'recordPoll' | 'resumeSource'>;

const LINKS = 'SELECT * FROM source_owners WHERE source_id = ANY($1) ORDER BY added_at, owner';

export function createSourceStore(pool: pg.Pool, ready: () => Promise<void>): SourceMethods {
  async function query(text: string, values: unknown[] = [], on: Queryable = pool): Promise<{ rows: Row[]; rowCount: number | null }> {
    await ready();
    return on.query(text, values);
  }

  /** Operator views of many sources with one query for their links. */
  async function operatorViews(rows: Row[]): Promise<Source[]> {
    if (rows.length === 0) return [];
    const links = (await query(LINKS, [rows.map((row) => row['id'])])).rows;
    return rows.map((row) =>
      operatorView(
        rowToSource(row),
        links.filter((link) => link['source_id'] === row['id']),
      ),
    );
  }

  async function ownerView(row: Row, owner: Owner): Promise<Source | null> {
    const { rows } = await query('SELECT * FROM source_owners WHERE source_id = $1 AND owner = $2', [row['id'], ownerKey(owner)]);
    return rows[0] === undefined ? null : withLink(rowToSource(row), rows[0]);
  }

  return {
    async addSource(source, at, owner = null) {
      const id = `src_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await query(
        `INSERT INTO sources (id, url, title, topics_json, added_by_json, added_at, interval_minutes, next_poll_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6) ON CONFLICT (url) DO NOTHING`,
        [id, source.url, source.title, JSON.stringify(source.topics), JSON.stringify(source.addedBy), at, source.intervalMinutes],
      );
      const row = (await query('SELECT * FROM sources WHERE url = $1', [source.url])).rows[0];
      if (row === undefined) throw new Error('source vanished after insert');
      const link = await query(
        `INSERT INTO source_owners (source_id, owner, topics_json, added_by_json, added_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (source_id, owner) DO NOTHING`,
        [row['id'], ownerKey(owner), JSON.stringify(source.topics), JSON.stringify(source.addedBy), at],
      );
      return { source: (await ownerView(row, owner)) ?? rowToSource(row), created: String(row['id']) === id, linked: link.rowCount === 1 };
    },
    async getSource(id, owner) {
      const row = (await query('SELECT * FROM sources WHERE id = $1', [id])).rows[0];
      if (row === undefined) return null;
      if (owner === undefined) return (await operatorViews([row]))[0] ?? null;
      return ownerView(row, owner);
    },
    async listSources(where = {}) {
      if (where.owner === undefined) return operatorViews((await query('SELECT * FROM sources ORDER BY added_at, id')).rows);
      const { rows } = await query(
        `SELECT s.*, l.topics_json AS link_topics_json, l.added_by_json AS link_added_by_json, l.added_at AS link_added_at
         FROM source_owners l JOIN sources s ON s.id = l.source_id WHERE l.owner = $1 ORDER BY l.added_at, s.id`,
        [ownerKey(where.owner)],
      );
      return rows.map((row) =>
        withLink(rowToSource(row), { topics_json: row['link_topics_json'], added_by_json: row['link_added_by_json'], added_at: row['link_added_at'] }),
      );
    },
    async sourceOwners(id) {
      const links = (await query(LINKS, [[id]])).rows;
      // A feed with no link is the operator's.
      if (links.length === 0) return [null];
      return links.map((link) => (String(link['owner']) === '' ? null : String(link['owner'])));
    },
    async removeSource(id, owner) {
      await ready();
      return inTransaction(pool, async (client) => {
        if (owner === undefined) return (await client.query('DELETE FROM sources WHERE id = $1', [id])).rowCount === 1;
        const removed = (await client.query('DELETE FROM source_owners WHERE source_id = $1 AND owner = $2', [id, ownerKey(owner)])).rowCount === 1;
        // The fetch stops when nobody links to it any more.
        if (removed) await client.query('DELETE FROM sources WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM source_owners WHERE source_id = $1)', [id]);
        return removed;
      });
    },
    async dueSources(now, limit) {
      return operatorViews((await query('SELECT * FROM sources WHERE NOT paused AND next_poll_at <= $1 ORDER BY next_poll_at LIMIT $2', [now, limit])).rows);
    },
    async recordPoll(id, record) {
      if (record.ok) {
        await query(
          `UPDATE sources SET last_polled_at = $1, last_success_at = $1, next_poll_at = $2, etag = $3, last_modified = $4,
             title = coalesce($5, title), last_error = NULL, consecutive_failures = 0, items_stored = items_stored + $6
           WHERE id = $7`,
          [record.at, record.nextPollAt, record.etag, record.lastModified, record.title ?? null, record.itemsStored, id],
        );
        return;
      }
      await query(
        `UPDATE sources SET last_polled_at = $1, next_poll_at = $2, last_error = $3, consecutive_failures = consecutive_failures + 1,
           paused = paused OR $4, paused_reason = CASE WHEN $4 THEN $3 ELSE paused_reason END
         WHERE id = $5`,
        [record.at, record.nextPollAt, record.error, record.pause, id],
      );
    },
    async resumeSource(id, nextPollAt) {
      await query('UPDATE sources SET paused = false, paused_reason = NULL, consecutive_failures = 0, next_poll_at = $1 WHERE id = $2', [nextPollAt, id]);
    },
  };
}

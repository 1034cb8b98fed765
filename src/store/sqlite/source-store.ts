import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Source } from '../../domain/index.ts';
import type { Owner, Store } from '../../ports/index.ts';
import { nullableText } from './sql-values.ts';

type Row = Record<string, unknown>;
type SourceMethods = Pick<Store, 'addSource' | 'getSource' | 'listSources' | 'sourceOwners' | 'removeSource' | 'dueSources' | 'recordPoll' | 'resumeSource'>;

/** source_owners keys the operator (a null owner) as ''. */
function ownerKey(owner: Owner): string {
  return owner ?? '';
}

/** An owner's view of a source: its own topics and adder. */
function withLink(source: Source, link: Row): Source {
  return {
    ...source,
    topics: JSON.parse(String(link['topics_json'])) as string[],
    addedBy: JSON.parse(String(link['added_by_json'])) as Source['addedBy'],
    addedAt: String(link['added_at']),
  };
}

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
  const linkOf = database.prepare('SELECT * FROM source_owners WHERE source_id = ? AND owner = ?');
  const linksOf = database.prepare('SELECT * FROM source_owners WHERE source_id = ? ORDER BY added_at, owner');
  const insertLink = database.prepare(
    `INSERT INTO source_owners (source_id, owner, topics_json, added_by_json, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (source_id, owner) DO NOTHING`,
  );

  /**
   * The operator's view: the fetch, with every owner's topics (each item is tagged with all of
   * them) and the earliest owner still linked as its adder (who is told when it is paused).
   */
  function operatorView(row: Row): Source {
    const source = rowToSource(row);
    const [first, ...rest] = linksOf.all(source.id);
    if (first === undefined) return source;
    const topics = new Set([first, ...rest].flatMap((link) => JSON.parse(String(link['topics_json'])) as string[]));
    return { ...source, topics: [...topics], addedBy: JSON.parse(String(first['added_by_json'])) as Source['addedBy'] };
  }

  function ownerView(row: Row, owner: Owner): Source | null {
    const link = linkOf.get(String(row['id']), ownerKey(owner));
    return link === undefined ? null : withLink(rowToSource(row), link);
  }

  return {
    async addSource(source, at, owner = null) {
      const key = ownerKey(owner);
      const existing = database.prepare('SELECT * FROM sources WHERE url = ?').get(source.url);
      if (existing !== undefined) {
        const linked = Number(insertLink.run(String(existing['id']), key, JSON.stringify(source.topics), JSON.stringify(source.addedBy), at).changes) === 1;
        return { source: ownerView(existing, owner) ?? rowToSource(existing), created: false, linked };
      }
      const id = `src_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      database
        .prepare(
          `INSERT INTO sources (id, url, title, topics_json, added_by_json, added_at, interval_minutes, next_poll_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
        )
        .run(id, source.url, source.title, JSON.stringify(source.topics), JSON.stringify(source.addedBy), at, source.intervalMinutes, at);
      const row = database.prepare('SELECT * FROM sources WHERE url = ?').get(source.url);
      if (row === undefined) throw new Error('source vanished after insert');
      const linked = Number(insertLink.run(String(row['id']), key, JSON.stringify(source.topics), JSON.stringify(source.addedBy), at).changes) === 1;
      return { source: ownerView(row, owner) ?? rowToSource(row), created: String(row['id']) === id, linked };
    },
    async getSource(id, owner) {
      const row = byId.get(id);
      if (row === undefined) return null;
      return owner === undefined ? operatorView(row) : ownerView(row, owner);
    },
    async listSources(where = {}) {
      if (where.owner === undefined) return database.prepare('SELECT * FROM sources ORDER BY added_at, id').all().map(operatorView);
      return database
        .prepare(
          `SELECT s.*, l.topics_json AS link_topics_json, l.added_by_json AS link_added_by_json, l.added_at AS link_added_at
           FROM source_owners l JOIN sources s ON s.id = l.source_id WHERE l.owner = ? ORDER BY l.added_at, s.id`,
        )
        .all(ownerKey(where.owner))
        .map((row) =>
          withLink(rowToSource(row), { topics_json: row['link_topics_json'], added_by_json: row['link_added_by_json'], added_at: row['link_added_at'] }),
        );
    },
    async sourceOwners(id) {
      const links = linksOf.all(id);
      // A feed with no link (stored before links existed and never migrated) is the operator's.
      if (links.length === 0) return [null];
      return links.map((link) => (String(link['owner']) === '' ? null : String(link['owner'])));
    },
    async removeSource(id, owner) {
      database.exec('BEGIN IMMEDIATE');
      try {
        let removed: boolean;
        if (owner === undefined) {
          removed = Number(database.prepare('DELETE FROM sources WHERE id = ?').run(id).changes) === 1;
        } else {
          removed = Number(database.prepare('DELETE FROM source_owners WHERE source_id = ? AND owner = ?').run(id, ownerKey(owner)).changes) === 1;
          // The fetch stops when nobody links to it any more.
          if (removed && linksOf.all(id).length === 0) database.prepare('DELETE FROM sources WHERE id = ?').run(id);
        }
        database.exec('COMMIT');
        return removed;
      } catch (error) {
        if (database.isTransaction) database.exec('ROLLBACK');
        throw error;
      }
    },
    async dueSources(now, limit) {
      return database.prepare('SELECT * FROM sources WHERE paused = 0 AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?').all(now, limit).map(operatorView);
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
      database.prepare('UPDATE sources SET paused = 0, paused_reason = NULL, consecutive_failures = 0, next_poll_at = ? WHERE id = ?').run(nextPollAt, id);
    },
  };
}

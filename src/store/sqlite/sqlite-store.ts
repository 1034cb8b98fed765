import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { UserFacingError } from '../../domain/index.ts';
import type { EntityCount, Store, TopicCount } from '../../ports/index.ts';
import { ARTICLE_COLUMNS, rowToArticle } from './article-rows.ts';
import { originalFor, visibleTo } from './article-filter.ts';
import { createArticleQueries } from './article-queries.ts';
import { createArticleWriter } from './article-insert.ts';
import { migrate } from './migrations.ts';
import { enableWal } from './wal-mode.ts';
import { createCacheStore } from './cache-store.ts';
import { createReplayGuard } from './replay-guard.ts';
import { createSourceStore } from './source-store.ts';
import { createSubscriptionStore } from './subscription-store.ts';

const SQLITE_FULL = 13;

/** A full disk (or size limit) is the operator's to fix, so it is said plainly to whoever sent the data. */
function storageError(error: unknown): unknown {
  if ((error as { errcode?: unknown } | null)?.errcode !== SQLITE_FULL) return error;
  return new UserFacingError('database or disk is full: nothing was stored; the bot’s disk needs free space, then send it again');
}

/** Opens (creating if needed) the database, applies migrations and returns the Store. */
export function createSqliteStore(path: string): Store & { readonly database: DatabaseSync } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new DatabaseSync(path);
  // Several bot processes (and the engine's threads) may share one file: wait for the write lock
  // rather than fail. First, because switching a new file to WAL takes that lock too.
  database.exec('PRAGMA busy_timeout = 10000');
  enableWal(database);
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec('PRAGMA foreign_keys = ON');
  // At most 8 MB of pages kept per connection (SQLite's own is 2 MB), taken only as pages are read.
  // Ingesting at 100k stored, the hot pages (the recent band level, popular entities' newest
  // mentions, the full-text index's last segments) then stay cached between statements. 16 MB cost
  // no less CPU in the ingest bench's child and peaked 6–30 MB higher (docs/performance.md).
  database.exec('PRAGMA cache_size = -8000');
  // A checkpoint copies every page of the WAL into the file. SQLite's own trigger (1,000 pages)
  // ran one after each ingest transaction, so pages that every transaction changes (the recent
  // band level, the full-text index's newest segments, index pages near the end) were copied once
  // per transaction. At 20,000 pages (80 MB) they are copied every few batches or every few hundred
  // single articles: at 100k stored, 1,600 articles in batches of 256 wrote 197 → 179 KB an article
  // (the last checkpoint counted), and 400 one at a time took 15 % less time. A reset WAL file is
  // cut back to 64 MB so a large batch does not leave a large file behind.
  database.exec('PRAGMA wal_autocheckpoint = 20000');
  database.exec('PRAGMA journal_size_limit = 67108864');
  migrate(database);
  // Statement journals in memory: inserting an article (its triggers and indexes) saves more than
  // SQLite's 64 KB in-memory limit of original pages, which then went to a temporary file, written
  // page by page and deleted at the statement's end (28 writes an article at 100k stored). A
  // journal lives for one statement: the largest, a band slice's move, holds a few MB. Set after
  // the migrations, whose index builds may sort more than memory should hold.
  database.exec('PRAGMA temp_store = MEMORY');

  const statements = {
    byHash: database.prepare('SELECT id FROM articles WHERE content_hash = ?'),
    byUrl: database.prepare('SELECT id FROM articles WHERE url = ? LIMIT 1'),
    byGuid: database.prepare('SELECT id FROM articles WHERE guid = ? LIMIT 1'),
    byId: database.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`),
    count: database.prepare('SELECT count(*) AS n FROM articles'),
  };

  function transaction<T>(work: () => T): T {
    database.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      database.exec('COMMIT');
      return result;
    } catch (error) {
      // After some errors (a full disk among them) SQLite has already rolled back: a second
      // ROLLBACK would throw "no transaction is active" and hide why the write failed.
      if (database.isTransaction) database.exec('ROLLBACK');
      throw storageError(error);
    }
  }

  const writer = createArticleWriter(database);
  const queries = createArticleQueries(database);

  const subscriptions = createSubscriptionStore(database, transaction);

  return {
    database,
    async findExisting({ contentHash, url, guid }) {
      const row =
        statements.byHash.get(contentHash) ??
        (url !== null ? statements.byUrl.get(url) : undefined) ??
        (guid !== null ? statements.byGuid.get(guid) : undefined);
      return row === undefined ? null : String(row['id']);
    },
    async nearDuplicateCandidates(bands, limit) {
      return queries.nearDuplicateCandidates(bands, limit);
    },
    async insertArticle(article, keys, owners = [null]) {
      return transaction(() => writer.insert(article, keys, owners));
    },
    async insertArticles(items) {
      return items.length === 0 ? [] : transaction(() => writer.insertAll(items));
    },
    async grantArticle(id, owners) {
      transaction(() => writer.grant(id, owners));
    },
    async getArticle(id) {
      const row = statements.byId.get(id);
      return row === undefined ? null : rowToArticle(row);
    },
    async getArticles(ids) {
      return ids.flatMap((id) => {
        const row = statements.byId.get(id);
        return row === undefined ? [] : [rowToArticle(row)];
      });
    },
    async listArticles(query) {
      return queries.listArticles(query);
    },
    async search(text, query) {
      return queries.search(text, query);
    },
    async articlesIngestedAfter(after, limit, viewer) {
      const visible = visibleTo('a', viewer);
      const original = originalFor(viewer);
      return database
        .prepare(
          `SELECT ${ARTICLE_COLUMNS.split(', ')
            .map((column) => `a.${column}`)
            .join(', ')} FROM articles a
           WHERE a.ingested_at > ? AND ${visible.sql} AND ${original.sql}
           ORDER BY a.ingested_at, a.rowid LIMIT ?`,
        )
        .all(after, ...visible.parameters, ...original.parameters, limit)
        .map(rowToArticle);
    },
    async countArticles() {
      return Number(statements.count.get()?.['n'] ?? 0);
    },
    async topicCounts(since, viewer): Promise<TopicCount[]> {
      const visible = visibleTo('a', viewer);
      const rows = database
        .prepare(
          `SELECT t.topic, count(*) AS n FROM article_topics t JOIN articles a ON a.rowid = t.article_rowid
           WHERE t.sort_time >= ? AND ${visible.sql} GROUP BY t.topic ORDER BY n DESC, t.topic`,
        )
        .all(since ?? '', ...visible.parameters);
      return rows.map((row) => ({ topic: String(row['topic']), articles: Number(row['n']) }));
    },
    async entityCounts(since, limit, viewer): Promise<EntityCount[]> {
      const visible = visibleTo('a', viewer);
      const rows = database
        .prepare(
          `SELECT m.entity_id, m.name, m.type, m.ticker, count(*) AS n FROM entity_mentions m JOIN articles a ON a.rowid = m.article_rowid
           WHERE m.sort_time >= ? AND ${visible.sql}
           GROUP BY m.entity_id ORDER BY n DESC, m.entity_id LIMIT ?`,
        )
        .all(since ?? '', ...visible.parameters, limit);
      return rows.map((row) => ({
        entity: {
          id: String(row['entity_id']),
          name: String(row['name']),
          type: String(row['type']) as EntityCount['entity']['type'],
          ticker: row['ticker'] === null ? null : String(row['ticker']),
        },
        articles: Number(row['n']),
      }));
    },
    async findStoredEntities(name, ids, types, limit, viewer): Promise<EntityCount[]> {
      if (types.length === 0) return [];
      const idList = ids.length === 0 ? [''] : ids;
      const visible = visibleTo('a', viewer);
      // The name itself, or a longer name that begins with it as whole words ("zorvath" → "Zorvath Robotics").
      const trimmed = name.trim().toLowerCase();
      const rows = database
        .prepare(
          `SELECT m.entity_id, m.name, m.type, m.ticker, count(*) AS n FROM entity_mentions m JOIN articles a ON a.rowid = m.article_rowid
           WHERE m.entity_id IN (SELECT entity_id FROM entity_names WHERE name = ?
                                 UNION SELECT entity_id FROM entity_names WHERE name >= ? AND name < ?
                                 UNION VALUES ${idList.map(() => '(?)').join(', ')})
             AND m.type IN (${types.map(() => '?').join(', ')}) AND ${visible.sql}
           GROUP BY m.entity_id ORDER BY max(m.name = ? COLLATE NOCASE) DESC, n DESC, m.entity_id LIMIT ?`,
        )
        .all(trimmed, `${trimmed} `, `${trimmed}!`, ...idList, ...types, ...visible.parameters, trimmed, limit);
      return rows.map((row) => ({
        entity: {
          id: String(row['entity_id']),
          name: String(row['name']),
          type: String(row['type']) as EntityCount['entity']['type'],
          ticker: row['ticker'] === null ? null : String(row['ticker']),
        },
        articles: Number(row['n']),
      }));
    },
    ...subscriptions,
    ...createSourceStore(database),
    ...createCacheStore(database),
    ...createReplayGuard(database),
    async saveInstallation(platform, workspaceId, data) {
      database
        .prepare(
          `INSERT INTO installations (platform, workspace_id, data, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (platform, workspace_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        )
        .run(platform, workspaceId, data, new Date().toISOString());
    },
    async getInstallation(platform, workspaceId) {
      const row = database.prepare('SELECT data FROM installations WHERE platform = ? AND workspace_id = ?').get(platform, workspaceId);
      return row === undefined ? null : String(row['data']);
    },
    async deleteInstallation(platform, workspaceId) {
      database.prepare('DELETE FROM installations WHERE platform = ? AND workspace_id = ?').run(platform, workspaceId);
    },
    async ping() {
      database.prepare('SELECT 1').get();
    },
    async close() {
      if (database.isOpen) database.close();
    },
  };
}

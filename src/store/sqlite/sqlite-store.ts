import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Article, UserFacingError } from '../../domain/index.ts';
import type { ArticleQuery, DedupeKeys, EntityCount, SearchHit, Store, TopicCount } from '../../ports/index.ts';
import { ARTICLE_COLUMNS, blobToSignature, rowToArticle, signatureToBlob, sortTime } from './article-rows.ts';
import { articleFilter, freeTextToFtsQuery } from './article-filter.ts';
import { migrate } from './migrations.ts';
import { createCacheStore } from './cache-store.ts';
import { createReplayGuard } from './replay-guard.ts';
import { createSourceStore } from './source-store.ts';
import { createSubscriptionStore } from './subscription-store.ts';

const DEFAULT_LIMIT = 50;
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
  database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec('PRAGMA foreign_keys = ON');
  // Several bot processes may share one file: wait for the write lock rather than fail.
  database.exec('PRAGMA busy_timeout = 10000');
  migrate(database);

  const statements = {
    byHash: database.prepare('SELECT id FROM articles WHERE content_hash = ?'),
    byUrl: database.prepare('SELECT id FROM articles WHERE url = ? LIMIT 1'),
    byGuid: database.prepare('SELECT id FROM articles WHERE guid = ? LIMIT 1'),
    byId: database.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`),
    insertArticle: database.prepare(`INSERT OR IGNORE INTO articles (${ARTICLE_COLUMNS}, sort_time, signature)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertTopic: database.prepare('INSERT OR IGNORE INTO article_topics (article_id, topic, sort_time) VALUES (?, ?, ?)'),
    insertMention: database.prepare(`INSERT OR IGNORE INTO entity_mentions
      (article_id, entity_id, name, type, ticker, mentions, sort_time) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    insertBand: database.prepare('INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)'),
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

  function insertArticle(article: Article, keys: DedupeKeys): boolean {
    return transaction(() => {
      const filedAt = sortTime(article);
      const result = statements.insertArticle.run(
        article.id,
        article.title,
        article.text,
        article.url,
        article.source,
        article.publishedAt,
        article.guid,
        article.contentHash,
        JSON.stringify(article.entities),
        JSON.stringify(article.topics),
        article.sentiment.label,
        article.sentiment.score,
        article.duplicateOf,
        article.ingestedAt,
        article.kind ?? 'story',
        filedAt,
        signatureToBlob(keys.signature),
      );
      if (result.changes === 0) return false;
      for (const topic of article.topics) statements.insertTopic.run(article.id, topic, filedAt);
      for (const entity of article.entities) {
        statements.insertMention.run(article.id, entity.id, entity.name, entity.type, entity.ticker, entity.count, filedAt);
      }
      for (const band of keys.bands) statements.insertBand.run(band, article.id);
      return true;
    });
  }

  function listArticles(query: ArticleQuery): Article[] {
    const { where, parameters } = articleFilter(query);
    const rows = database
      .prepare(
        `SELECT ${ARTICLE_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}
         FROM articles a WHERE ${where} ORDER BY a.sort_time DESC, a.rowid DESC LIMIT ?`,
      )
      .all(...parameters, query.limit ?? DEFAULT_LIMIT);
    return rows.map(rowToArticle);
  }

  function search(text: string, query: ArticleQuery & { every?: boolean }): SearchHit[] {
    const match = freeTextToFtsQuery(text, query.every === true);
    if (match === null) return [];
    const { where, parameters } = articleFilter(query);
    // bm25 is lower-is-better; the title counts three times the body.
    const rows = database
      .prepare(
        `SELECT ${ARTICLE_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')},
                bm25(articles_fts, 3.0, 1.0) AS rank
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
         WHERE articles_fts MATCH ? AND ${where}
         ORDER BY rank LIMIT ?`,
      )
      .all(match, ...parameters, query.limit ?? DEFAULT_LIMIT);
    return rows.map((row) => ({ article: rowToArticle(row), score: -Number(row['rank']) }));
  }

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
      if (bands.length === 0) return [];
      const rows = database
        .prepare(
          `SELECT a.id, a.duplicate_of, a.signature FROM articles a
           WHERE a.id IN (SELECT DISTINCT article_id FROM article_bands WHERE band IN (${bands.map(() => '?').join(', ')}))
           ORDER BY a.sort_time, a.rowid LIMIT ?`,
        )
        .all(...bands, limit);
      return rows.map((row) => ({
        id: String(row['id']),
        duplicateOf: row['duplicate_of'] === null ? null : String(row['duplicate_of']),
        signature: blobToSignature(row['signature']),
      }));
    },
    async insertArticle(article, keys) {
      return insertArticle(article, keys);
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
      return listArticles(query);
    },
    async search(text, query) {
      return search(text, query);
    },
    async articlesIngestedAfter(after, limit) {
      return database
        .prepare(
          `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE ingested_at > ? AND duplicate_of IS NULL
           ORDER BY ingested_at, rowid LIMIT ?`,
        )
        .all(after, limit)
        .map(rowToArticle);
    },
    async countArticles() {
      return Number(statements.count.get()?.['n'] ?? 0);
    },
    async topicCounts(since): Promise<TopicCount[]> {
      const rows = database
        .prepare(
          `SELECT topic, count(*) AS n FROM article_topics WHERE sort_time >= ? GROUP BY topic ORDER BY n DESC, topic`,
        )
        .all(since ?? '');
      return rows.map((row) => ({ topic: String(row['topic']), articles: Number(row['n']) }));
    },
    async entityCounts(since, limit): Promise<EntityCount[]> {
      const rows = database
        .prepare(
          `SELECT entity_id, name, type, ticker, count(*) AS n FROM entity_mentions WHERE sort_time >= ?
           GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ?`,
        )
        .all(since ?? '', limit);
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
    async findStoredEntities(name, ids, types, limit): Promise<EntityCount[]> {
      if (types.length === 0) return [];
      const idList = ids.length === 0 ? [''] : ids;
      const rows = database
        .prepare(
          `SELECT entity_id, name, type, ticker, count(*) AS n FROM entity_mentions
           WHERE (name = ? COLLATE NOCASE OR entity_id IN (${idList.map(() => '?').join(', ')}))
             AND type IN (${types.map(() => '?').join(', ')})
           GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ?`,
        )
        .all(name.trim(), ...idList, ...types, limit);
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
    async close() {
      if (database.isOpen) database.close();
    },
  };
}

// Storing articles: one insert, or a batch in one transaction (group commit).
import type { DatabaseSync } from 'node:sqlite';
import type { Article } from '../../domain/index.ts';
import type { ArticleInsert, DedupeKeys, Owner } from '../../ports/index.ts';
import { ARTICLE_COLUMNS, signatureToBlob, sortTime } from './article-rows.ts';
import { createBandLevels } from './band-levels.ts';

export interface ArticleWriter {
  /** Lets `owners` see the stored article `id` (a null owner makes it shared). */
  grant(id: string, owners: readonly Owner[]): void;
  /** Stores one article with its link rows; false when an equal one is stored already. Call inside a transaction. */
  insert(article: Article, keys: DedupeKeys, owners: readonly Owner[]): boolean;
  /** Stores each item in order, in the caller's one transaction: later items see earlier ones. */
  insertAll(items: readonly ArticleInsert[]): boolean[];
}

export function createArticleWriter(database: DatabaseSync): ArticleWriter {
  const statements = {
    insertArticle: database.prepare(`INSERT OR IGNORE INTO articles (${ARTICLE_COLUMNS}, sort_time, signature, shared)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertOwner: database.prepare('INSERT OR IGNORE INTO article_owners (owner, article_id) VALUES (?, ?)'),
    share: database.prepare('UPDATE articles SET shared = 1 WHERE id = ?'),
    insertTopic: database.prepare('INSERT OR IGNORE INTO article_topics (topic, sort_time, article_rowid) VALUES (?, ?, ?)'),
    insertMention: database.prepare(`INSERT OR IGNORE INTO entity_mentions
      (entity_id, sort_time, article_rowid, name, type, ticker, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    // A row only when the name is new for its entity: an existing pair is a read, not a write.
    insertName: database.prepare('INSERT OR IGNORE INTO entity_names (name, entity_id) VALUES (?, ?)'),
  };
  const bands = createBandLevels(database);

  function grant(id: string, owners: readonly Owner[]): void {
    for (const owner of owners) {
      if (owner === null) statements.share.run(id);
      else statements.insertOwner.run(owner, id);
    }
  }

  function insert(article: Article, keys: DedupeKeys, owners: readonly Owner[]): boolean {
    const shared = owners.includes(null);
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
      shared ? 1 : 0,
    );
    if (result.changes === 0) return false;
    const rowid = result.lastInsertRowid;
    if (!shared) grant(article.id, owners);
    for (const topic of article.topics) statements.insertTopic.run(topic, filedAt, rowid);
    for (const entity of article.entities) {
      statements.insertMention.run(entity.id, filedAt, rowid, entity.name, entity.type, entity.ticker, entity.count);
      statements.insertName.run(entity.name, entity.id);
    }
    bands.add(keys.bands, rowid);
    return true;
  }

  return {
    grant,
    insert(article, keys, owners) {
      const stored = insert(article, keys, owners);
      bands.settle();
      return stored;
    },
    insertAll(items) {
      const stored = items.map((item) => insert(item.article, item.keys, item.owners ?? [null]));
      bands.settle();
      return stored;
    },
  };
}

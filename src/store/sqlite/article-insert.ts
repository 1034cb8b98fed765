// Storing articles: one insert, or a batch in one transaction (group commit).
import type { DatabaseSync } from 'node:sqlite';
import type { Article, EntityMention } from '../../domain/index.ts';
import type { ArticleInsert, DedupeKeys, Owner } from '../../ports/index.ts';
import { ARTICLE_COLUMNS, signatureToBlob, sortTime } from './article-rows.ts';
import { bandKey } from './band-key.ts';
import { createBandLevels } from './band-levels.ts';

export interface ArticleWriter {
  /** Lets `owners` see the stored article `id` (a null owner makes it shared). */
  grant(id: string, owners: readonly Owner[]): void;
  /** Stores one article with its link rows; false when an equal one is stored already. Call inside a transaction. */
  insert(article: Article, keys: DedupeKeys, owners: readonly Owner[]): boolean;
  /** Stores each item in order, in the caller's one transaction: later items see earlier ones. */
  insertAll(items: readonly ArticleInsert[]): boolean[];
}

/** The link rows of the articles a call stored, gathered to be written in key order. */
interface LinkRows {
  topics: Array<{ topic: string; filedAt: string; rowid: number }>;
  mentions: Array<{ entity: EntityMention; filedAt: string; rowid: number }>;
  bands: Array<{ key: number; rowid: number }>;
}

function emptyLinks(): LinkRows {
  return { topics: [], mentions: [], bands: [] };
}

/** Code-unit order: SQLite's BINARY collation for these ASCII keys, and close enough elsewhere to group a leaf's rows. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

  /**
   * Stores the article row (its full-text entry by trigger) and adds its link rows to `links`, for
   * `writeLinks` once the whole batch's are known; false when an equal one is stored already.
   */
  function insertRow(article: Article, keys: DedupeKeys, owners: readonly Owner[], links: LinkRows): boolean {
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
    const rowid = Number(result.lastInsertRowid);
    if (!shared) grant(article.id, owners);
    for (const topic of article.topics) links.topics.push({ topic, filedAt, rowid });
    for (const entity of article.entities) links.mentions.push({ entity, filedAt, rowid });
    for (const band of keys.bands) links.bands.push({ key: bandKey(band), rowid });
    return true;
  }

  /**
   * A batch's link rows in key order: each B-tree's rows for the same leaf go in one after another,
   * so a leaf is read and dirtied once for the batch rather than once for each article that has a
   * row in it (the keys are random: entity ids, publication times, band hashes).
   */
  function writeLinks(links: LinkRows): void {
    links.topics.sort((a, b) => compare(a.topic, b.topic) || compare(a.filedAt, b.filedAt) || a.rowid - b.rowid);
    for (const { topic, filedAt, rowid } of links.topics) statements.insertTopic.run(topic, filedAt, rowid);
    links.mentions.sort((a, b) => compare(a.entity.id, b.entity.id) || compare(a.filedAt, b.filedAt) || a.rowid - b.rowid);
    for (const { entity, filedAt, rowid } of links.mentions) {
      statements.insertMention.run(entity.id, filedAt, rowid, entity.name, entity.type, entity.ticker, entity.count);
    }
    const names = links.mentions.map(({ entity }) => ({ key: entity.name.toLowerCase(), name: entity.name, id: entity.id }));
    names.sort((a, b) => compare(a.key, b.key) || compare(a.id, b.id));
    for (const { name, id } of names) statements.insertName.run(name, id);
    links.bands.sort((a, b) => a.key - b.key || a.rowid - b.rowid);
    bands.add(links.bands);
  }

  return {
    grant,
    insert(article, keys, owners) {
      const links = emptyLinks();
      const stored = insertRow(article, keys, owners, links);
      writeLinks(links);
      bands.settle();
      return stored;
    },
    insertAll(items) {
      const links = emptyLinks();
      const stored = items.map((item) => insertRow(item.article, item.keys, item.owners ?? [null], links));
      writeLinks(links);
      bands.settle();
      return stored;
    },
  };
}

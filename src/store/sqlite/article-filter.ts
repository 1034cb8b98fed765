import type { SQLInputValue } from 'node:sqlite';
import type { ArticleQuery, Viewer } from '../../ports/index.ts';

/**
 * A condition that the article aliased `alias` is visible to `viewer`: shared, or owned by the
 * viewer's workspace. Every article read goes through it (docs/adr/0004-tenancy.md).
 */
export function visibleTo(alias: string, viewer: Viewer | undefined): { sql: string; parameters: SQLInputValue[] } {
  if (viewer === undefined || viewer === null) return { sql: `${alias}.shared = 1`, parameters: [] };
  return {
    // A correlated look-up on the (owner, article_id) key: no list of the owner's articles is built.
    sql: `(${alias}.shared = 1 OR EXISTS (SELECT 1 FROM article_owners w WHERE w.owner = ? AND w.article_id = ${alias}.id))`,
    parameters: [viewer],
  };
}

/**
 * Originals as the viewer sees them: an article is a near-duplicate only of an article the viewer
 * can see; a copy of another workspace's article is an original to this one.
 */
export function originalFor(viewer: Viewer | undefined): { sql: string; parameters: SQLInputValue[] } {
  const first = visibleTo('o', viewer);
  return {
    sql: `(a.duplicate_of IS NULL OR NOT EXISTS (SELECT 1 FROM articles o WHERE o.id = a.duplicate_of AND ${first.sql}))`,
    parameters: first.parameters,
  };
}

/**
 * A WHERE clause over `articles a` for an ArticleQuery, with its parameters. With `keyed`, the
 * caller walks a link table whose key holds the topic or entity and the time window, so neither
 * is repeated here.
 */
export function articleFilter(query: ArticleQuery, keyed = false): { where: string; parameters: SQLInputValue[] } {
  const visible = visibleTo('a', query.viewer);
  const clauses: string[] = [visible.sql];
  const parameters: SQLInputValue[] = [...visible.parameters];
  if (!keyed && query.since !== undefined) {
    clauses.push('a.sort_time >= ?');
    parameters.push(query.since);
  }
  if (!keyed && query.until !== undefined) {
    clauses.push('a.sort_time < ?');
    parameters.push(query.until);
  }
  if (query.originalsOnly !== false) {
    const original = originalFor(query.viewer);
    clauses.push(original.sql);
    parameters.push(...original.parameters);
  }
  const topics = keyed ? [] : (query.topics ?? []);
  const entityIds = keyed ? [] : (query.entityIds ?? []);
  const alternatives: string[] = [];
  if (topics.length > 0) {
    alternatives.push(`a.rowid IN (SELECT article_rowid FROM article_topics WHERE topic IN (${topics.map(() => '?').join(', ')}))`);
    parameters.push(...topics);
  }
  if (entityIds.length > 0) {
    alternatives.push(`a.rowid IN (SELECT article_rowid FROM entity_mentions WHERE entity_id IN (${entityIds.map(() => '?').join(', ')}))`);
    parameters.push(...entityIds);
  }
  if (alternatives.length > 0) clauses.push(`(${alternatives.join(' OR ')})`);
  return { where: clauses.join(' AND '), parameters };
}

/** The time window as conditions on `column` (a link table's sort_time key, or the articles'). */
export function windowOn(column: string, query: Pick<ArticleQuery, 'since' | 'until'>): { sql: string; parameters: SQLInputValue[] } {
  const clauses: string[] = [];
  const parameters: SQLInputValue[] = [];
  if (query.since !== undefined) {
    clauses.push(`${column} >= ?`);
    parameters.push(query.since);
  }
  if (query.until !== undefined) {
    clauses.push(`${column} < ?`);
    parameters.push(query.until);
  }
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), parameters };
}

/** Free text as FTS5 terms: every word (up to 32, once each) quoted, so none can be read as query syntax. */
export function freeTextToFtsTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 32).map((word) => `"${word}"`);
}

/**
 * Turns free text into an FTS5 query that cannot be read as query syntax: every word becomes a
 * quoted term, any of which may match (bm25 ranks those matching more), or all of them with `every`.
 */
export function freeTextToFtsQuery(text: string, every = false): string | null {
  const terms = freeTextToFtsTerms(text);
  return terms.length === 0 ? null : terms.join(every ? ' AND ' : ' OR ');
}

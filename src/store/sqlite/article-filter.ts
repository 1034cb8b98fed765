import type { SQLInputValue } from 'node:sqlite';
import type { ArticleQuery } from '../../ports/index.ts';

/** A WHERE clause over `articles a` for an ArticleQuery, with its parameters. */
export function articleFilter(query: ArticleQuery): { where: string; parameters: SQLInputValue[] } {
  const clauses: string[] = [];
  const parameters: SQLInputValue[] = [];
  if (query.since !== undefined) {
    clauses.push('a.sort_time >= ?');
    parameters.push(query.since);
  }
  if (query.until !== undefined) {
    clauses.push('a.sort_time < ?');
    parameters.push(query.until);
  }
  if (query.originalsOnly !== false) clauses.push('a.duplicate_of IS NULL');
  const topics = query.topics ?? [];
  const entityIds = query.entityIds ?? [];
  const alternatives: string[] = [];
  if (topics.length > 0) {
    alternatives.push(
      `a.id IN (SELECT article_id FROM article_topics WHERE topic IN (${topics.map(() => '?').join(', ')}))`,
    );
    parameters.push(...topics);
  }
  if (entityIds.length > 0) {
    alternatives.push(
      `a.id IN (SELECT article_id FROM entity_mentions WHERE entity_id IN (${entityIds.map(() => '?').join(', ')}))`,
    );
    parameters.push(...entityIds);
  }
  if (alternatives.length > 0) clauses.push(`(${alternatives.join(' OR ')})`);
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', parameters };
}

/**
 * Turns free text into an FTS5 query that cannot be read as query syntax: every word becomes a
 * quoted term, any of which may match (bm25 ranks those matching more), or all of them with `every`.
 */
export function freeTextToFtsQuery(text: string, every = false): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words)].slice(0, 32);
  return unique.length === 0 ? null : unique.map((word) => `"${word}"`).join(every ? ' AND ' : ' OR ');
}

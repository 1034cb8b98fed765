import type { ArticleQuery, Viewer } from '../../ports/index.ts';
import type { Parameters } from './sql.ts';

/**
 * A condition that the article aliased `alias` is visible to `viewer`: shared, or owned by the
 * viewer's workspace. Every article read goes through it (docs/adr/0004-tenancy.md).
 */
export function visibleTo(alias: string, viewer: Viewer | undefined, parameters: Parameters): string {
  if (viewer === undefined || viewer === null) return `${alias}.shared`;
  return `(${alias}.shared OR ${alias}.id IN (SELECT article_id FROM article_owners WHERE owner = ${parameters.add(viewer)}))`;
}

/**
 * Originals as the viewer sees them: an article is a near-duplicate only of an article the viewer
 * can see; a copy of another workspace's article is an original to this one.
 */
export function originalFor(viewer: Viewer | undefined, parameters: Parameters): string {
  return `(a.duplicate_of IS NULL OR NOT EXISTS (SELECT 1 FROM articles o WHERE o.id = a.duplicate_of AND ${visibleTo('o', viewer, parameters)}))`;
}

/** The time window on a link table's (key, sort_time) index, so a topic or entity filter reads only the window. */
function window(query: ArticleQuery, parameters: Parameters): string {
  const bounds: string[] = [];
  if (query.since !== undefined) bounds.push(`sort_time >= ${parameters.add(query.since)}`);
  if (query.until !== undefined) bounds.push(`sort_time < ${parameters.add(query.until)}`);
  return bounds.map((bound) => ` AND ${bound}`).join('');
}

/**
 * The conditions on `articles a` that a walk of one topic's or entity's (key, sort_time) index
 * leaves to check: who sees it, and originals only.
 */
export function keyedFilter(query: ArticleQuery, parameters: Parameters): string {
  const clauses: string[] = [visibleTo('a', query.viewer, parameters)];
  if (query.originalsOnly !== false) clauses.push(originalFor(query.viewer, parameters));
  return clauses.join(' AND ');
}

/** The time window on the `k` link table's sort_time key (empty, or conditions each led by AND). */
export function keyWindow(query: ArticleQuery, parameters: Parameters): string {
  const bounds: string[] = [];
  if (query.since !== undefined) bounds.push(`k.sort_time >= ${parameters.add(query.since)}`);
  if (query.until !== undefined) bounds.push(`k.sort_time < ${parameters.add(query.until)}`);
  return bounds.map((bound) => ` AND ${bound}`).join('');
}

/** A WHERE clause over `articles a` for an ArticleQuery; its values go into `parameters`. */
export function articleFilter(query: ArticleQuery, parameters: Parameters): string {
  const clauses: string[] = [visibleTo('a', query.viewer, parameters)];
  if (query.since !== undefined) clauses.push(`a.sort_time >= ${parameters.add(query.since)}`);
  if (query.until !== undefined) clauses.push(`a.sort_time < ${parameters.add(query.until)}`);
  if (query.originalsOnly !== false) clauses.push(originalFor(query.viewer, parameters));
  const topics = query.topics ?? [];
  const entityIds = query.entityIds ?? [];
  const alternatives: string[] = [];
  if (topics.length > 0) {
    alternatives.push(`a.id IN (SELECT article_id FROM article_topics WHERE topic = ANY(${parameters.add(topics)})${window(query, parameters)})`);
  }
  if (entityIds.length > 0) {
    alternatives.push(`a.id IN (SELECT article_id FROM entity_mentions WHERE entity_id = ANY(${parameters.add(entityIds)})${window(query, parameters)})`);
  }
  if (alternatives.length > 0) clauses.push(`(${alternatives.join(' OR ')})`);
  return clauses.join(' AND ');
}

/**
 * Free text as a websearch_to_tsquery input that cannot be read as its syntax: only words of
 * letters and digits (no quotes, no `-`), the word `or` left out (an English stop word anyway),
 * joined by ` or ` for any word (ts_rank_cd ranks those matching more higher) or by spaces for all.
 */
export function freeTextToWebSearch(text: string, every = false): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word !== 'or');
  const unique = [...new Set(words)].slice(0, 32);
  return unique.length === 0 ? null : unique.join(every ? ' ' : ' or ');
}

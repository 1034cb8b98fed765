// The article reads on the hot paths (/company, /market, /ask, the brief window, near-duplicate
// candidates), written so each is an index walk: a link table's (key, sort_time, article_rowid)
// index walked newest first within the window and stopped at LIMIT, the article fetched by rowid.
// test/store/query-plans.test.ts checks their plans (no full scan, no temp B-tree sort).
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { Article } from '../../domain/index.ts';
import type { ArticleQuery, SearchHit, SearchQuery } from '../../ports/index.ts';
import { articleFilter, freeTextToFtsQuery, freeTextToFtsTerms, windowOn } from './article-filter.ts';
import { ARTICLE_COLUMNS, blobToSignature, rowToArticle } from './article-rows.ts';
import { filterCache } from './band-filter.ts';
import { bandParameters, rowidsWithBands } from './band-levels.ts';
import { bestFirst, rankNewest } from './newest-ranking.ts';
import { statementCache } from './statement-cache.ts';

const DEFAULT_LIMIT = 50;
const COLUMNS = ARTICLE_COLUMNS.split(', ')
  .map((column) => `a.${column}`)
  .join(', ');

type Row = Record<string, unknown>;

export interface ArticleQueries {
  listArticles(query: ArticleQuery): Article[];
  search(text: string, query: SearchQuery): SearchHit[];
  nearDuplicateCandidates(bands: string[], limit: number): Array<{ id: string; duplicateOf: string | null; signature: Uint32Array }>;
  /** The SQL and parameters listArticles runs for `query` (one statement per topic or entity): for plan checks. */
  listStatements(query: ArticleQuery): Array<{ sql: string; parameters: SQLInputValue[] }>;
  searchStatement(text: string, query: SearchQuery): { sql: string; parameters: SQLInputValue[] } | null;
  /** The read of one ranked article by rowid (its rowid the first parameter, then these) that a search among the newest matches runs. */
  articleByRowidStatement(query: SearchQuery): { sql: string; parameters: SQLInputValue[] };
  nearDuplicateStatement(bands: string[], limit: number): { sql: string; parameters: SQLInputValue[] };
}

/** Newest first, as the link keys and articles_sort_time order them (rowid breaks ties). */
function newestFirst(a: Row, b: Row): number {
  const byTime = String(b['sort_time']).localeCompare(String(a['sort_time']));
  return byTime !== 0 ? byTime : Number(b['rid']) - Number(a['rid']);
}

export function createArticleQueries(database: DatabaseSync): ArticleQueries {
  const prepared: (sql: string) => StatementSync = statementCache(database);

  function listStatements(query: ArticleQuery): Array<{ sql: string; parameters: SQLInputValue[] }> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const keys = [
      ...(query.topics ?? []).map((value) => ({ table: 'article_topics', column: 'topic', value })),
      ...(query.entityIds ?? []).map((value) => ({ table: 'entity_mentions', column: 'entity_id', value })),
    ];
    if (keys.length === 0) {
      const { where, parameters } = articleFilter(query);
      return [
        {
          sql: `SELECT a.rowid AS rid, a.sort_time, ${COLUMNS} FROM articles a WHERE ${where}
                ORDER BY a.sort_time DESC, a.rowid DESC LIMIT ?`,
          parameters: [...parameters, limit],
        },
      ];
    }
    // One walk per topic or entity, each stopped at LIMIT; their merge holds the LIMIT newest of the union.
    // With several walks, each returns only rowid and time: the articles kept are read after the merge.
    const filter = articleFilter(query, true);
    // Several walks always bound the time from below (the parameter after the key): listArticles
    // raises that bound for each walk to the oldest time the walks before it have already beaten.
    const window = windowOn('k.sort_time', keys.length === 1 ? query : { since: query.since ?? '', until: query.until });
    const columns = keys.length === 1 ? `a.rowid AS rid, a.sort_time, ${COLUMNS}` : 'k.article_rowid AS rid, k.sort_time';
    return keys.map((key) => ({
      sql: `SELECT ${columns} FROM ${key.table} k CROSS JOIN articles a ON a.rowid = k.article_rowid
            WHERE k.${key.column} = ? AND ${window.sql} AND ${filter.where}
            ORDER BY k.sort_time DESC, k.article_rowid DESC LIMIT ?`,
      parameters: [key.value, ...window.parameters, ...filter.parameters, limit],
    }));
  }

  function listArticles(query: ArticleQuery): Article[] {
    const statements = listStatements(query);
    if (statements.length === 1) {
      const [only] = statements;
      return only === undefined
        ? []
        : prepared(only.sql)
            .all(...only.parameters)
            .map(rowToArticle);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    let unique: Row[] = [];
    for (const { sql, parameters } of statements) {
      // Once `limit` articles are found, an article older than the last of them cannot be kept.
      const cutoff = unique.length >= limit ? String(unique[limit - 1]?.['sort_time']) : '';
      const since = String(parameters[1]);
      const walked = prepared(sql).all(...parameters.map((value, index) => (index === 1 && cutoff > since ? cutoff : value)));
      const seen = new Set<number>();
      unique = [...unique, ...walked].sort(newestFirst).filter((row) => {
        const rid = Number(row['rid']);
        if (seen.has(rid)) return false;
        seen.add(rid);
        return true;
      });
    }
    const byRowid = prepared(`SELECT ${COLUMNS} FROM articles a WHERE a.rowid = ?`);
    return unique.slice(0, limit).flatMap((row) => {
      const article = byRowid.get(Number(row['rid']));
      return article === undefined ? [] : [rowToArticle(article)];
    });
  }

  /** The bm25-ranked search (without `newest`: the whole table's matches are ranked). */
  function searchStatement(text: string, query: SearchQuery) {
    const match = freeTextToFtsQuery(text, query.every === true);
    if (match === null) return null;
    const { where, parameters } = articleFilter(query);
    // FTS5 orders by its rank (bm25 with the title weighted 3, set by migration 11; lower is better)
    // and stops at LIMIT: only the articles returned are read.
    return {
      sql: `SELECT ${COLUMNS}, articles_fts.rank AS rank
            FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE articles_fts MATCH ? AND ${where}
            ORDER BY articles_fts.rank LIMIT ?`,
      parameters: [match, ...parameters, query.limit ?? DEFAULT_LIMIT],
    };
  }

  function articleByRowidStatement(query: SearchQuery) {
    const { where, parameters } = articleFilter(query);
    return { sql: `SELECT ${COLUMNS} FROM articles a WHERE a.rowid = ? AND ${where}`, parameters };
  }

  /** A search over the newest matches: ranked by newest-ranking.ts, the articles read best first until `limit` pass the filter. */
  function searchNewest(text: string, query: SearchQuery, newest: number): SearchHit[] {
    const scores = rankNewest(prepared, freeTextToFtsTerms(text), { newest, stored: query.newestStored, every: query.every });
    const { sql, parameters } = articleByRowidStatement(query);
    const read = prepared(sql);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const hits: SearchHit[] = [];
    for (const [rowid, score] of bestFirst(scores)) {
      if (hits.length >= limit) break;
      const row = read.get(rowid, ...parameters);
      if (row !== undefined) hits.push({ article: rowToArticle(row), score });
    }
    return hits;
  }

  function inReadTransaction<T>(read: () => T): T {
    if (database.isTransaction) return read();
    database.exec('BEGIN');
    try {
      return read();
    } finally {
      if (database.isTransaction) database.exec('COMMIT');
    }
  }

  // The lookup's SQL by its number of bands (always 40 from the pipeline): made once, not per article.
  const nearDuplicateSql = new Map<number, string>();
  function nearDuplicateStatement(bands: string[], limit: number) {
    let sql = nearDuplicateSql.get(bands.length);
    if (sql === undefined) {
      sql = `SELECT a.rowid AS rid, a.id, a.duplicate_of, a.signature, a.sort_time FROM articles a
            WHERE a.rowid IN (${rowidsWithBands(bands.length)})
            ORDER BY a.rowid LIMIT ?`;
      if (nearDuplicateSql.size < 64) nearDuplicateSql.set(bands.length, sql);
    }
    return { sql, parameters: [...bandParameters(bands, filterCache(database)), limit] };
  }

  return {
    listArticles,
    listStatements,
    searchStatement,
    articleByRowidStatement,
    nearDuplicateStatement,
    search(text, query) {
      if (query.newest !== undefined) return searchNewest(text, query, query.newest);
      const statement = searchStatement(text, query);
      if (statement === null) return [];
      const rows = prepared(statement.sql).all(...statement.parameters);
      return rows.map((row) => ({ article: rowToArticle(row), score: -Number(row['rank']) }));
    },
    nearDuplicateCandidates(bands, limit) {
      if (bands.length === 0) return [];
      // The large level's filters and the lookup in one snapshot (band-levels.ts, bandParameters).
      const rows = inReadTransaction(() => {
        const { sql, parameters } = nearDuplicateStatement(bands, limit);
        // The first `limit` stored (an index walk), then oldest published first as the port promises.
        return prepared(sql).all(...parameters);
      });
      rows.sort((a, b) => String(a['sort_time']).localeCompare(String(b['sort_time'])) || Number(a['rid']) - Number(b['rid']));
      return rows.map((row) => ({
        id: String(row['id']),
        duplicateOf: row['duplicate_of'] === null ? null : String(row['duplicate_of']),
        signature: blobToSignature(row['signature']),
      }));
    },
  };
}

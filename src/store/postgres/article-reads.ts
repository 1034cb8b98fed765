import type pg from 'pg';
import type { EntityCount, Store } from '../../ports/index.ts';
import { ARTICLE_COLUMNS, blobToSignature, rowToArticle } from '../common/index.ts';
import { articleFilter, freeTextToWebSearch, keyedFilter, keyWindow, originalFor, visibleTo } from './article-filter.ts';
import { Parameters, type Row } from './sql.ts';

type ReadMethods = Pick<
  Store,
  | 'findExisting'
  | 'nearDuplicateCandidates'
  | 'getArticle'
  | 'getArticles'
  | 'listArticles'
  | 'search'
  | 'countArticles'
  | 'topicCounts'
  | 'entityCounts'
  | 'findStoredEntities'
  | 'articlesIngestedAfter'
>;

const DEFAULT_LIMIT = 50;
const COLUMNS = ARTICLE_COLUMNS.split(', ')
  .map((column) => `a.${column}`)
  .join(', ');
/** Title weight three times the body's, as bm25(…, 3.0, 1.0) on SQLite; ts_rank_cd's weights are {D, C, B, A}. */
const RANK_WEIGHTS = "'{0.1, 0.1, 0.1, 0.3}'";

function rowToEntityCount(row: Row): EntityCount {
  return {
    entity: {
      id: String(row['entity_id']),
      name: String(row['name']),
      type: String(row['type']) as EntityCount['entity']['type'],
      ticker: row['ticker'] === null ? null : String(row['ticker']),
    },
    articles: Number(row['n']),
  };
}

export function createArticleReads(pool: pg.Pool, ready: () => Promise<void>): ReadMethods {
  async function query(text: string, values: unknown[] = []): Promise<Row[]> {
    await ready();
    return (await pool.query(text, values)).rows;
  }

  return {
    async findExisting({ contentHash, url, guid }) {
      // One round trip: the first key that finds an article wins, in the order hash, URL, GUID.
      const rows = await query(
        `SELECT id FROM (
           (SELECT id, 1 AS rank FROM articles WHERE content_hash = $1)
           UNION ALL (SELECT id, 2 FROM articles WHERE $2::text IS NOT NULL AND url = $2 LIMIT 1)
           UNION ALL (SELECT id, 3 FROM articles WHERE $3::text IS NOT NULL AND guid = $3 LIMIT 1)
         ) found ORDER BY rank LIMIT 1`,
        [contentHash, url, guid],
      );
      return rows[0] === undefined ? null : String(rows[0]['id']);
    },
    async nearDuplicateCandidates(bands, limit) {
      if (bands.length === 0) return [];
      const rows = await query(
        // The band index first, materialised: as a semi-join under LIMIT the planner walks every
        // article by sort_time probing the bands for each (479 ms at 4,000 stored, growing), where
        // the few articles sharing a band are found in milliseconds.
        `WITH candidates AS MATERIALIZED (SELECT DISTINCT article_id FROM article_bands WHERE band = ANY($1))
         SELECT a.id, a.duplicate_of, a.signature FROM candidates c JOIN articles a ON a.id = c.article_id
         ORDER BY a.sort_time, a.seq LIMIT $2`,
        [bands, limit],
      );
      return rows.map((row) => ({
        id: String(row['id']),
        duplicateOf: row['duplicate_of'] === null ? null : String(row['duplicate_of']),
        signature: blobToSignature(row['signature']),
      }));
    },
    async getArticle(id) {
      const rows = await query(`SELECT ${COLUMNS} FROM articles a WHERE a.id = $1`, [id]);
      return rows[0] === undefined ? null : rowToArticle(rows[0]);
    },
    async getArticles(ids) {
      if (ids.length === 0) return [];
      const rows = await query(`SELECT ${COLUMNS} FROM articles a WHERE a.id = ANY($1)`, [ids]);
      const byId = new Map(rows.map((row) => [String(row['id']), rowToArticle(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async listArticles(articleQuery) {
      const parameters = new Parameters();
      const limit = articleQuery.limit ?? DEFAULT_LIMIT;
      const keys = [
        ...(articleQuery.topics ?? []).map((value) => ({ table: 'article_topics', column: 'topic', value })),
        ...(articleQuery.entityIds ?? []).map((value) => ({ table: 'entity_mentions', column: 'entity_id', value })),
      ];
      if (keys.length === 0) {
        const where = articleFilter(articleQuery, parameters);
        const rows = await query(
          `SELECT ${COLUMNS} FROM articles a WHERE ${where} ORDER BY a.sort_time DESC, a.seq DESC LIMIT ${parameters.add(limit)}`,
          parameters.values,
        );
        return rows.map(rowToArticle);
      }
      // One walk per topic or entity down its (key, sort_time) primary key, newest first within the
      // window and stopped at LIMIT; the union of the walks holds the LIMIT newest of all of them.
      const filter = keyedFilter(articleQuery, parameters);
      const limitParameter = parameters.add(limit);
      const walks = keys.map(
        (key) =>
          `(SELECT a.seq AS walk_seq, a.sort_time AS walk_time, ${COLUMNS} FROM ${key.table} k JOIN articles a ON a.id = k.article_id
            WHERE k.${key.column} = ${parameters.add(key.value)}${keyWindow(articleQuery, parameters)} AND ${filter}
            ORDER BY k.sort_time DESC, a.seq DESC LIMIT ${limitParameter})`,
      );
      const rows = await query(
        keys.length === 1
          ? (walks[0] ?? '')
          : `SELECT DISTINCT ON (walk_time, walk_seq) * FROM (${walks.join(' UNION ALL ')}) walked
             ORDER BY walk_time DESC, walk_seq DESC LIMIT ${limitParameter}`,
        parameters.values,
      );
      return rows.map(rowToArticle);
    },
    async search(text, articleQuery) {
      const words = freeTextToWebSearch(text, articleQuery.every === true);
      if (words === null) return [];
      const parameters = new Parameters();
      const match = `websearch_to_tsquery('english', ${parameters.add(words)})`;
      const where = articleFilter(articleQuery, parameters);
      // Only the newest matches (by seq, the order of storing) are ranked, among the newest stored when asked.
      const stored =
        articleQuery.newestStored === undefined ? '' : ` AND n.seq > (SELECT max(seq) FROM articles) - ${parameters.add(articleQuery.newestStored)}`;
      const newest =
        articleQuery.newest === undefined
          ? ''
          : `a.seq >= (SELECT min(seq) FROM (SELECT n.seq FROM articles n WHERE n.search @@ ${match}${stored} ORDER BY n.seq DESC LIMIT ${parameters.add(articleQuery.newest)}) newest) AND `;
      const limit = parameters.add(articleQuery.limit ?? DEFAULT_LIMIT);
      const rows = await query(
        `SELECT ${COLUMNS}, ts_rank_cd(${RANK_WEIGHTS}, a.search, q.query) AS rank
         FROM articles a, ${match} AS q (query)
         WHERE a.search @@ q.query AND ${newest}${where}
         ORDER BY rank DESC, a.seq LIMIT ${limit}`,
        parameters.values,
      );
      return rows.map((row) => ({ article: rowToArticle(row), score: Number(row['rank']) }));
    },
    async articlesIngestedAfter(after, limit, viewer) {
      const parameters = new Parameters();
      const since = parameters.add(after);
      const filter = `${visibleTo('a', viewer, parameters)} AND ${originalFor(viewer, parameters)}`;
      const rows = await query(
        `SELECT ${COLUMNS} FROM articles a WHERE a.ingested_at > ${since} AND ${filter}
         ORDER BY a.ingested_at, a.seq LIMIT ${parameters.add(limit)}`,
        parameters.values,
      );
      return rows.map(rowToArticle);
    },
    async countArticles() {
      const rows = await query('SELECT count(*) AS n FROM articles');
      return Number(rows[0]?.['n'] ?? 0);
    },
    async topicCounts(since, viewer) {
      const parameters = new Parameters();
      const from = parameters.add(since ?? '');
      const rows = await query(
        `SELECT t.topic, count(*) AS n FROM article_topics t JOIN articles a ON a.id = t.article_id
         WHERE t.sort_time >= ${from} AND ${visibleTo('a', viewer, parameters)} GROUP BY t.topic ORDER BY n DESC, t.topic`,
        parameters.values,
      );
      return rows.map((row) => ({ topic: String(row['topic']), articles: Number(row['n']) }));
    },
    async entityCounts(since, limit, viewer) {
      const parameters = new Parameters();
      const from = parameters.add(since ?? '');
      // Name, type and ticker of an entity are the same in every mention; min() picks one.
      const rows = await query(
        `SELECT m.entity_id, min(m.name) AS name, min(m.type) AS type, min(m.ticker) AS ticker, count(*) AS n
         FROM entity_mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.sort_time >= ${from} AND ${visibleTo('a', viewer, parameters)}
         GROUP BY m.entity_id ORDER BY n DESC, m.entity_id LIMIT ${parameters.add(limit)}`,
        parameters.values,
      );
      return rows.map(rowToEntityCount);
    },
    async findStoredEntities(name, ids, types, limit, viewer) {
      if (types.length === 0) return [];
      const parameters = new Parameters();
      // The name itself, or a longer name that begins with it as whole words ("zorvath" → "Zorvath Robotics").
      const trimmed = name.trim().toLowerCase();
      const exact = parameters.add(trimmed);
      const rows = await query(
        `SELECT m.entity_id, min(m.name) AS name, min(m.type) AS type, min(m.ticker) AS ticker, count(*) AS n
         FROM entity_mentions m JOIN articles a ON a.id = m.article_id
         WHERE (lower(m.name) = ${exact}
                OR lower(m.name) LIKE ${parameters.add(`${trimmed.replace(/[\\%_]/g, '\\$&')} %`)}
                OR m.entity_id = ANY(${parameters.add(ids)}))
           AND m.type = ANY(${parameters.add(types)}) AND ${visibleTo('a', viewer, parameters)}
         GROUP BY m.entity_id ORDER BY bool_or(lower(m.name) = ${exact}) DESC, n DESC, m.entity_id LIMIT ${parameters.add(limit)}`,
        parameters.values,
      );
      return rows.map(rowToEntityCount);
    },
  };
}

import type pg from 'pg';
import type { ArticleInsert, Owner, Store } from '../../ports/index.ts';
import { signatureToBlob, sortTime } from '../common/index.ts';
import { inTransaction, type Queryable } from './sql.ts';

type WriteMethods = Pick<Store, 'insertArticle' | 'grantArticle'> & {
  insertArticles(items: readonly ArticleInsert[]): Promise<boolean[]>;
};

/** Private owners get a link row; a null owner (the operator) makes the article shared. */
async function grant(client: Queryable, id: string, owners: readonly Owner[]): Promise<void> {
  if (owners.includes(null)) await client.query('UPDATE articles SET shared = true WHERE id = $1', [id]);
  const workspaces = owners.filter((owner): owner is string => owner !== null);
  if (workspaces.length === 0) return;
  await client.query(
    `INSERT INTO article_owners (owner, article_id) SELECT owner, $2 FROM unnest($1::text[]) AS owner
     ON CONFLICT DO NOTHING`,
    [workspaces, id],
  );
}

/**
 * Stores one article with its topics, mentions and bands on `client` (inside a transaction);
 * false when an article with its id or content hash is stored already (the unique keys decide,
 * so two processes racing with one article store it once).
 */
async function insertOne(client: Queryable, { article, keys, owners = [null] }: ArticleInsert): Promise<boolean> {
  const shared = owners.includes(null);
  const filedAt = sortTime(article);
  const inserted = await client.query(
    `INSERT INTO articles (id, title, text, url, source, published_at, guid, content_hash, entities_json, topics_json,
       sentiment_label, sentiment_score, duplicate_of, ingested_at, kind, sort_time, signature, shared)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT DO NOTHING`,
    [
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
      Buffer.from(signatureToBlob(keys.signature)),
      shared,
    ],
  );
  if (inserted.rowCount !== 1) return false;
  if (!shared) await grant(client, article.id, owners);
  if (article.topics.length > 0) {
    await client.query(
      `INSERT INTO article_topics (article_id, topic, sort_time) SELECT $1, topic, $3 FROM unnest($2::text[]) AS topic
       ON CONFLICT DO NOTHING`,
      [article.id, article.topics, filedAt],
    );
  }
  if (article.entities.length > 0) {
    const column = <K extends keyof (typeof article.entities)[number]>(key: K) => article.entities.map((entity) => entity[key]);
    await client.query(
      `INSERT INTO entity_mentions (article_id, entity_id, name, type, ticker, mentions, sort_time)
       SELECT $1, m.id, m.name, m.type, m.ticker, m.mentions, $7
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS m (id, name, type, ticker, mentions)
       ON CONFLICT DO NOTHING`,
      [article.id, column('id'), column('name'), column('type'), column('ticker'), column('count'), filedAt],
    );
  }
  if (keys.bands.length > 0) {
    await client.query(`INSERT INTO article_bands (band, article_id) SELECT band, $2 FROM unnest($1::text[]) AS band ON CONFLICT DO NOTHING`, [
      keys.bands,
      article.id,
    ]);
  }
  return true;
}

export function createArticleWrites(pool: pg.Pool, ready: () => Promise<void>): WriteMethods {
  return {
    async insertArticle(article, keys, owners = [null]) {
      await ready();
      return inTransaction(pool, (client) => insertOne(client, { article, keys, owners }));
    },
    async insertArticles(items) {
      await ready();
      if (items.length === 0) return [];
      return inTransaction(pool, async (client) => {
        const results: boolean[] = [];
        // In order: a later item equal to an earlier one in the batch is refused, as it would be one by one.
        for (const item of items) results.push(await insertOne(client, item));
        return results;
      });
    },
    async grantArticle(id, owners) {
      await ready();
      await inTransaction(pool, (client) => grant(client, id, owners));
    },
  };
}

import type { Article, EntityMention, SentimentLabel } from '../../domain/index.ts';
import { nullableText } from './sql-values.ts';

type Row = Record<string, unknown>;

export const ARTICLE_COLUMNS =
  'id, title, text, url, source, published_at, guid, content_hash, entities_json, topics_json, ' +
  'sentiment_label, sentiment_score, duplicate_of, ingested_at, kind';

function text(row: Row, column: string): string {
  return String(row[column]);
}

export function rowToArticle(row: Row): Article {
  return {
    id: text(row, 'id'),
    title: text(row, 'title'),
    text: text(row, 'text'),
    url: nullableText(row['url']),
    source: nullableText(row['source']),
    publishedAt: nullableText(row['published_at']),
    guid: nullableText(row['guid']),
    contentHash: text(row, 'content_hash'),
    entities: JSON.parse(text(row, 'entities_json')) as EntityMention[],
    topics: JSON.parse(text(row, 'topics_json')) as string[],
    sentiment: { label: text(row, 'sentiment_label') as SentimentLabel, score: Number(row['sentiment_score']) },
    duplicateOf: nullableText(row['duplicate_of']),
    ingestedAt: text(row, 'ingested_at'),
    // Stories stay without the field, so articles read back equal what was stored.
    ...(row['kind'] === 'headline' ? { kind: 'headline' as const } : {}),
  };
}

/** The time an article is filed under: when it was published, else when it was stored. */
export function sortTime(article: Pick<Article, 'publishedAt' | 'ingestedAt'>): string {
  return article.publishedAt ?? article.ingestedAt;
}

export function signatureToBlob(signature: Uint32Array): Uint8Array {
  return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function blobToSignature(blob: unknown): Uint32Array {
  if (!(blob instanceof Uint8Array)) return new Uint32Array(0);
  // Copy: the blob's buffer may be shared and unaligned for 32-bit reads.
  const copy = new Uint8Array(blob);
  return new Uint32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4));
}

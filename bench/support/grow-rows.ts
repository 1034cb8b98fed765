// The rows grow-store.ts adds: copy `index` as the bench's builder stores it (fill-store.ts insertOf).
import { canonicalUrl } from '../../src/pipeline/dedupe/canonical-url.ts';
import { contentHash, dedupeKeysOfWords } from '../../src/pipeline/dedupe/dedupe.ts';
import { signatureToBlob } from '../../src/store/sqlite/article-rows.ts';
import { bandKey } from '../../src/store/sqlite/band-key.ts';
import { type FillOptions, syntheticArticle } from './fill-store.ts';

export interface GrowRow {
  id: string;
  /** The article row in ARTICLE_COLUMNS order, then sort_time, signature and shared. */
  values: Array<string | number | null | Uint8Array>;
  /** The id of the story this copy repeats (the copy before it), stored as its duplicate_of when that story is stored. */
  copyOf: string | null;
  bands: number[];
}

export interface GrowBatch {
  from: number;
  rows: GrowRow[];
}

const idOf = (title: string, text: string) => `a_${contentHash(title, text).slice(0, 16)}`;

/**
 * Copy `index` of the builder's fill. Its near-duplicate keys are the MinHash of its id, not of
 * its text (see grow-store.ts): the text's MinHash is 0.35 ms a copy, a third of the time budget.
 */
export function copyRow(index: number, options: FillOptions): GrowRow {
  const { title, text, base, publishedAt, copyOf: original } = syntheticArticle(index, options);
  const hash = contentHash(title, text);
  const id = `a_${hash.slice(0, 16)}`;
  const url = base.clean.url === null ? null : canonicalUrl(`${base.clean.url}${base.clean.url.includes('?') ? '&' : '?'}copy=${index}`);
  const ingestedAt = new Date(Date.parse(publishedAt) + 5 * 60_000).toISOString();
  const { entities, topics, sentiment } = base.analysis;
  const keys = dedupeKeysOfWords([id]);
  let copyOf: string | null = null;
  if (original !== null) {
    const story = syntheticArticle(original, options);
    copyOf = idOf(story.title, story.text);
  }
  return {
    id,
    copyOf,
    bands: keys.bands.map(bandKey),
    values: [
      id,
      title,
      text,
      url,
      base.clean.source,
      publishedAt,
      null,
      hash,
      JSON.stringify(entities),
      JSON.stringify(topics),
      sentiment.label,
      sentiment.score,
      null,
      ingestedAt,
      base.clean.kind ?? 'story',
      publishedAt,
      signatureToBlob(keys.signature),
      1,
    ],
  };
}

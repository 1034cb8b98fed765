// Fills a store to a given size quickly: real articles are read, cleaned and analysed once, then
// stored many times as perturbed copies with their own ids, hashes and near-duplicate keys.
import type { Article, CleanArticle } from '../../src/domain/article.ts';
import type { Analysis, Analyzer } from '../../src/pipeline/understand/analyze.ts';
import { canonicalUrl } from '../../src/pipeline/dedupe/canonical-url.ts';
import { cleanArticle } from '../../src/pipeline/clean/clean.ts';
import { contentHash, dedupeKeys } from '../../src/pipeline/dedupe/dedupe.ts';
import type { ArticleInsert, Store } from '../../src/ports/store.ts';
import { readArticles } from '../../src/pipeline/read/read-articles.ts';
import { type CorpusItem, perturbWords } from './corpus.ts';
import { createRandom } from '../../test/support/seeded-random.ts';

export interface BaseArticle {
  clean: CleanArticle;
  analysis: Analysis;
}

/** Reads, cleans and analyses each article once (the costly steps a copy then reuses). */
export function analyseCorpus(items: readonly CorpusItem[], analyzer: Analyzer): BaseArticle[] {
  const bases: BaseArticle[] = [];
  const encoder = new TextEncoder();
  for (const item of items) {
    try {
      for (const raw of readArticles({ name: item.name, bytes: encoder.encode(item.content) })) {
        const clean = cleanArticle(raw);
        bases.push({ clean, analysis: analyzer.analyze(clean) });
      }
    } catch {
      // An input the bot rejects (no body text) is rejected here too.
    }
  }
  return bases;
}

export interface FillOptions {
  bases: readonly BaseArticle[];
  words: readonly string[];
  /** Copies are published over the `days` before `now`. */
  now: Date;
  days: number;
  seed: number;
  /** One copy in this many is a near-duplicate (a syndicated copy) of the one before. */
  nearDuplicateEvery?: number;
}

const DAY_MS = 86_400_000;

function copyOf(index: number, options: FillOptions): { title: string; text: string; base: BaseArticle } {
  const base = options.bases[index % options.bases.length];
  if (base === undefined) throw new Error('no base articles to fill the store with');
  const random = createRandom(Math.imul(options.seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
  return {
    base,
    title: perturbWords(base.clean.title, random, options.words),
    text: base.clean.text
      .split('\n\n')
      .map((paragraph) => perturbWords(paragraph, random, options.words))
      .join('\n\n'),
  };
}

/** The stored form of copy `index`: a perturbed article, or every Nth one a near-copy of the one before. */
export function syntheticArticle(
  index: number,
  options: FillOptions,
): { title: string; text: string; base: BaseArticle; publishedAt: string; copyOf: number | null } {
  const every = options.nearDuplicateEvery ?? 20;
  const random = createRandom(options.seed ^ Math.imul(index + 7, 0x27d4eb2d));
  const publishedAt = new Date(options.now.getTime() - random.next() * options.days * DAY_MS).toISOString();
  if (index > 0 && index % every === every - 1) {
    // A syndicated copy: the story before it with its last paragraph cut and a new headline word.
    const original = copyOf(index - 1, options);
    const paragraphs = original.text.split('\n\n');
    const text = paragraphs.length > 2 ? paragraphs.slice(0, -1).join('\n\n') : `${original.text}\n\nReporting by staff.`;
    return { base: original.base, title: `${original.title} (update)`, text, publishedAt, copyOf: index - 1 };
  }
  return { ...copyOf(index, options), publishedAt, copyOf: null };
}

function idOf(title: string, text: string): string {
  return `a_${contentHash(title, text).slice(0, 16)}`;
}

/** The stored form of copy `index`, with its content hash and MinHash/LSH keys. */
function insertOf(index: number, options: FillOptions): { item: ArticleInsert; originalId: string | null } {
  const { title, text, base, publishedAt, copyOf: original } = syntheticArticle(index, options);
  const hash = contentHash(title, text);
  const keys = dedupeKeys(title, text);
  const story = original === null ? null : syntheticArticle(original, options);
  const url = base.clean.url === null ? null : canonicalUrl(`${base.clean.url}${base.clean.url.includes('?') ? '&' : '?'}copy=${index}`);
  const article: Article = {
    ...base.clean,
    title,
    text,
    url,
    guid: null,
    publishedAt,
    id: `a_${hash.slice(0, 16)}`,
    contentHash: hash,
    ...base.analysis,
    duplicateOf: null,
    ingestedAt: new Date(Date.parse(publishedAt) + 5 * 60_000).toISOString(),
  };
  return { item: { article, keys }, originalId: story === null ? null : idOf(story.title, story.text) };
}

/** Articles stored per `insertArticles` call (one group commit each, unless the caller holds a transaction). */
export const FILL_BATCH = 500;

/**
 * Adds copies until the store holds `target` articles through the Store port's group-commit path
 * (`insertArticles`, FILL_BATCH at a time), with their real content hashes and MinHash/LSH keys.
 * A copy shares no 4-word shingle with any other, so the near-duplicate lookup is skipped: the
 * syndicated copies are linked to the story they copy, as ingest would link them. Batching does
 * not change what is stored: copy `index` is the same article in the same order either way.
 * Returns how many were added.
 */
export async function fillStore(store: Store, target: number, options: FillOptions): Promise<number> {
  const start = await store.countArticles();
  let count = start;
  // Copy indexes continue from the count, as when the fill inserted one at a time.
  let index = count;
  while (count < target) {
    const batch: ArticleInsert[] = [];
    const inBatch = new Set<string>();
    const wanted = Math.min(FILL_BATCH, target - count);
    for (; batch.length < wanted; index += 1) {
      const { item, originalId } = insertOf(index, options);
      // The story copied may not be stored when a fill resumes after other inserts; one earlier in
      // this batch is stored (an equal article already stored has the same id).
      if (originalId !== null && (inBatch.has(originalId) || (await store.getArticle(originalId)) !== null)) {
        item.article = { ...item.article, duplicateOf: originalId };
      }
      inBatch.add(item.article.id);
      batch.push(item);
    }
    const stored = await store.insertArticles(batch);
    count += stored.filter(Boolean).length;
  }
  return count - start;
}

import type { RawArticle } from '../../src/domain/article.ts';
import { readArticles } from '../../src/pipeline/read/read-articles.ts';
import { loadTextCorpus, requireCorpus } from './corpus.ts';
import { createRandom } from '../../test/support/seeded-random.ts';

/**
 * `count` distinct real articles (read as the bot reads them) re-dated to the `hours` before
 * `until`, so a brief at `until` covers them all.
 */
export function recentRawArticles(count: number, until: Date, hours: number, seed: number): RawArticle[] {
  requireCorpus();
  const random = createRandom(seed);
  const items = loadTextCorpus();
  // A seeded shuffle, then the first `count` that read as articles.
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.below(index + 1);
    [items[index], items[other]] = [items[other] as (typeof items)[number], items[index] as (typeof items)[number]];
  }
  const encoder = new TextEncoder();
  const articles: RawArticle[] = [];
  for (const item of items) {
    if (articles.length >= count) break;
    const [raw] = readArticles({ name: item.name, bytes: encoder.encode(item.content) });
    if (raw === undefined || raw.text.trim().split(/\s+/).length < 80) continue;
    articles.push({ ...raw, publishedAt: new Date(until.getTime() - (0.05 + random.next() * 0.9) * hours * 3_600_000).toISOString() });
  }
  return articles;
}

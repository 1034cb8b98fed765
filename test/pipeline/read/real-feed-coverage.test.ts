import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/pipeline/clean/clean.ts';
import { readArticles } from '../../../src/pipeline/read/read-articles.ts';

// Every entry with a title in the real feeds becomes an article with that title and a date.
const feeds = fileURLToPath(new URL('../../../../shared/data/feeds/', import.meta.url));
const hasFeeds = existsSync(`${feeds}raw-xml`) && existsSync(`${feeds}parsed-json-finnews`);
if (!hasFeeds) console.warn(`skipping the real-feed coverage tests: ${feeds} is absent`);

function coverage(folder: string, pattern: RegExp): { files: number; items: number; clean: number; dated: number; failures: string[] } {
  const result = { files: 0, items: 0, clean: 0, dated: 0, failures: [] as string[] };
  for (const name of readdirSync(folder).filter((file) => pattern.test(file))) {
    result.files += 1;
    const items = readArticles({ name, bytes: readFileSync(`${folder}/${name}`) });
    for (const item of items) {
      result.items += 1;
      try {
        const article = cleanArticle(item);
        result.clean += 1;
        if (article.publishedAt !== null) result.dated += 1;
      } catch (error) {
        result.failures.push(`${name}: ${(error as Error).message}`);
      }
    }
  }
  return result;
}

describe.skipIf(!hasFeeds)('real feeds: no entry a reader could see is lost', () => {
  it('turns every raw RSS/Atom item into a dated article', () => {
    const result = coverage(`${feeds}raw-xml`, /\.(xml|rss|atom)$/);
    expect(result.files).toBeGreaterThanOrEqual(7);
    expect(result.failures).toEqual([]);
    expect(result.items).toBe(170);
    expect(result.dated).toBe(result.items);
  });

  it('turns every parsed-json-finnews item into an article, headline-only ones as headlines', () => {
    const result = coverage(`${feeds}parsed-json-finnews`, /\.jsonc$/);
    expect(result.files).toBeGreaterThanOrEqual(90);
    expect(result.failures).toEqual([]);
    expect(result.clean).toBe(result.items);
    expect(result.dated / result.items).toBeGreaterThan(0.99);
  });
});

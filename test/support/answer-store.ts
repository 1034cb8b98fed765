import { afterEach } from 'vitest';
import { ingestArticle } from '../../src/pipeline/ingest-article.ts';
import { createAnalyzer } from '../../src/pipeline/understand/analyze.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

/** The shipped reference index, loaded once per test file. */
export const reference = loadReferenceIndex();
const stores: Array<ReturnType<typeof createSqliteStore>> = [];

/** Closes the stores a test file opened with `storeWith`; call once at the top of the file. */
export function closeStoresAfterEach(): void {
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
}

/** An in-memory store holding these articles, ingested through the real pipeline. */
export async function storeWith(articles: Array<{ title: string; text: string; publishedAt?: string }>) {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  const services = { store, clock: { now: () => new Date('2026-11-24T08:00:00Z') }, analyzer: createAnalyzer(reference) };
  for (const article of articles) await ingestArticle(article, services);
  return store;
}

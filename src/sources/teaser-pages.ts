import { isUserFacing, type RawArticle } from '../domain/index.ts';
import { canonicalUrl, cleanArticle, contentHash, readArticles, wordCount } from '../pipeline/index.ts';
import type { Logger, Store } from '../ports/index.ts';
import { PAGE_ACCEPT } from './feed-document.ts';
import type { Fetcher } from './fetch/index.ts';

/** A feed item with fewer words than this (and a link) carries a teaser, not the article. */
export const TEASER_MAX_WORDS = 80;

export interface TeaserDependencies {
  fetcher: Fetcher;
  store: Store;
  logger: Logger;
  maxBytes: number;
}

export function isTeaser(item: RawArticle): boolean {
  return item.url !== undefined && wordCount(item.text) < TEASER_MAX_WORDS;
}

/** Already stored under its GUID, URL or teaser text: no page fetch needed, ingest will say duplicate. */
async function isKnown(item: RawArticle, store: Store): Promise<boolean> {
  let hash = '';
  try {
    const clean = cleanArticle(item);
    hash = contentHash(clean.title, clean.text);
  } catch {
    // An unreadable teaser can still be known by its URL or GUID.
  }
  const url = item.url === undefined ? null : canonicalUrl(item.url);
  return (await store.findExisting({ contentHash: hash, url, guid: item.guid ?? null })) !== null;
}

/**
 * Replaces teaser text with the linked page's article (Readability), for at most `budget` items
 * not stored yet, newest first. The page is fetched with the same safe fetcher and limits; when it
 * fails or holds less than the teaser, the teaser is kept. The feed's title, GUID, link and date stay.
 */
export async function expandTeasers(
  items: RawArticle[],
  budget: number,
  dependencies: TeaserDependencies,
): Promise<{ items: RawArticle[]; fetched: number; failed: number }> {
  const chosen: number[] = [];
  for (const [index, item] of items.entries()) {
    if (chosen.length >= budget) break;
    if (isTeaser(item) && !(await isKnown(item, dependencies.store))) chosen.push(index);
  }
  const expanded = [...items];
  let fetched = 0;
  let failed = 0;
  // The fetcher queues requests per host and caps them overall, so these may all start at once.
  await Promise.all(
    chosen.map(async (index) => {
      const item = items[index];
      if (item?.url === undefined) return;
      try {
        const page = await dependencies.fetcher.fetch(item.url, { accept: PAGE_ACCEPT });
        if (page.status !== 'ok') return;
        const [article] = readArticles(
          { name: item.url, bytes: page.bytes, ...(page.contentType === null ? {} : { contentType: page.contentType }), url: page.url },
          { maxBytes: dependencies.maxBytes },
        );
        fetched += 1;
        if (article === undefined || wordCount(article.text) <= wordCount(item.text)) return;
        // A headline item whose page was read is a story now.
        expanded[index] = {
          ...item,
          kind: undefined,
          title: item.title ?? article.title,
          text: article.text,
          publishedAt: item.publishedAt ?? article.publishedAt,
          source: item.source ?? article.source,
        };
      } catch (error) {
        if (!isUserFacing(error)) throw error;
        failed += 1;
        dependencies.logger.debug({ url: item.url, error: error.message }, 'teaser page not read; keeping the feed text');
      }
    }),
  );
  return { items: expanded, fetched, failed };
}

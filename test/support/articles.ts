import type { Article } from '../../src/domain/article.ts';
import type { NewSubscription } from '../../src/domain/subscription.ts';

/** A stored-article value for store and brief tests; text is the test's own writing. */
export function makeArticle(overrides: Partial<Article> & { id: string }): Article {
  return {
    title: `Title of ${overrides.id}`,
    text: `Body of ${overrides.id}.`,
    url: null,
    source: 'test',
    publishedAt: '2026-11-20T08:00:00.000Z',
    guid: null,
    contentHash: `hash-${overrides.id}`,
    entities: [],
    topics: [],
    sentiment: { label: 'neutral', score: 0 },
    duplicateOf: null,
    ingestedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

/** Twenty articles about one company in the "china" topic over five days, four a day: an index walk's test data. */
export function alibabaArticles(count = 20): Article[] {
  const entity = { id: 'company:alibaba', name: 'Alibaba Group', type: 'company' as const, ticker: 'BABA', tickers: ['BABA'], count: 2 };
  return Array.from({ length: count }, (_unused, index) =>
    makeArticle({
      id: `a${index}`,
      contentHash: `h${index}`,
      publishedAt: `2026-12-0${1 + (index % 5)}T10:00:00.000Z`,
      entities: [entity],
      topics: ['china'],
    }),
  );
}

export const noKeys = { signature: new Uint32Array([1, 2, 3]), bands: [] as string[] };

/** A daily 08:00 UTC brief subscription for channel w/c, changed by overrides. */
export function newSubscription(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'shell',
    workspaceId: 'w',
    channelId: 'c',
    topics: [],
    entityIds: [],
    keywords: [],
    filter: { include: [], exclude: [], pattern: null, minImportance: 0, sentiments: [] },
    mode: 'brief',
    time: '08:00',
    timezone: 'UTC',
    weekdaysOnly: false,
    cron: null,
    holidays: null,
    createdBy: 'u',
    ...overrides,
  };
}

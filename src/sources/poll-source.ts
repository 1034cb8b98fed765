import { type Article, InputError, isUserFacing, type RawArticle, type Source } from '../domain/index.ts';
import { type IngestServices, ingestArticles, readArticles } from '../pipeline/index.ts';
import type { Clock, FeedPreviewItem, Logger, PollSummary, Store } from '../ports/index.ts';
import { documentText, FEED_ACCEPT, feedTitle, isHtmlPage } from './feed-document.ts';
import { type Fetcher, FetchError, type FetchResult } from './fetch/index.ts';
import { expandTeasers } from './teaser-pages.ts';

/** Told when a source is paused, to reach the channel that added it (main.ts connects the publishers). */
export type SourceNotifier = (source: Source, message: string) => Promise<void>;

/**
 * Called with the articles one poll stored. `baseline` is true for the source's first successful
 * poll (the items it had when it was added): they are stored but must not be alerted on.
 */
export type StoredHook = (articles: Article[], origin: { source: Source; baseline: boolean }) => Promise<void>;

export interface PollSettings {
  /** Consecutive failures after which a source is paused (FEED_MAX_FAILURES). */
  maxFailures: number;
  /** Teaser pages fetched per poll (FEED_PAGE_FETCHES). */
  pageFetches: number;
  /** Largest document read (FETCH_MAX_BYTES). */
  maxBytes: number;
}

export interface PollDependencies {
  store: Store;
  clock: Clock;
  logger: Logger;
  ingest: IngestServices;
  fetcher: Fetcher;
  settings: PollSettings;
  notify?: SourceNotifier | undefined;
  onStored?: StoredHook | undefined;
}

/** The newest items a poll reads; an archive feed of thousands is read 500 at a time, newest first. */
export const MAX_ITEMS_PER_POLL = 500;
export const MAX_BACKOFF_MINUTES = 24 * 60;
const PREVIEW_ITEMS = 5;

/** Minutes until the next try after `failures` consecutive failures: the interval, doubled each time, at most a day. */
export function backoffMinutes(intervalMinutes: number, failures: number, retryAfterSeconds: number | null = null): number {
  const doubled = intervalMinutes * 2 ** Math.max(0, failures - 1);
  return Math.min(Math.max(doubled, (retryAfterSeconds ?? 0) / 60), MAX_BACKOFF_MINUTES);
}

function minutesAfter(date: Date, minutes: number): string {
  return new Date(date.getTime() + minutes * 60_000).toISOString();
}

/** The first line of a user-facing reason; anything else becomes a generic one (the log has the rest). */
export function describeError(error: unknown): string {
  if (isUserFacing(error)) return error.message.split('\n')[0] ?? error.message;
  return 'internal error while storing the feed (see the log)';
}

/** Polls one source: conditional GET, read, expand teasers, store, record. Never throws. */
export async function pollSource(source: Source, dependencies: PollDependencies): Promise<PollSummary> {
  const startedAt = dependencies.clock.now();
  try {
    const fetched = await dependencies.fetcher.fetch(source.url, { etag: source.etag, lastModified: source.lastModified, accept: FEED_ACCEPT });
    if (fetched.status === 'not-modified') {
      await dependencies.store.recordPoll(source.id, {
        ok: true,
        at: startedAt.toISOString(),
        nextPollAt: minutesAfter(startedAt, source.intervalMinutes),
        etag: source.etag,
        lastModified: source.lastModified,
        itemsStored: 0,
      });
      return { sourceId: source.id, ok: true, outcome: 'not-modified', stored: 0, duplicates: 0, skipped: 0, error: null, paused: false };
    }
    const items = readFeedItems(source.url, fetched, dependencies.settings.maxBytes);
    return (await storeFeedItems(source, fetched, items, dependencies)).summary;
  } catch (error) {
    return recordFailure(source, error, startedAt, dependencies);
  }
}

const NO_FEED_ITEMS = 'is a feed with no items';

/** The items of a fetched feed document; a web page or an unreadable document is an InputError. */
export function readFeedItems(name: string, fetched: Extract<FetchResult, { status: 'ok' }>, maxBytes: number): RawArticle[] {
  if (isHtmlPage(documentText(fetched.bytes.subarray(0, 4096), fetched.contentType))) {
    throw new InputError(name, 'returns a web page, not a feed');
  }
  let items: RawArticle[];
  try {
    items = readArticles(
      { name, bytes: fetched.bytes, ...(fetched.contentType === null ? {} : { contentType: fetched.contentType }), url: fetched.url },
      { maxBytes },
    );
  } catch (error) {
    // A well-formed feed with no items yet is not a failure; readArticles reports it as "contains no article".
    if (error instanceof InputError && (error.message.endsWith(NO_FEED_ITEMS) || error.message.endsWith('contains no article'))) return [];
    throw error;
  }
  return items.slice(0, MAX_ITEMS_PER_POLL).map((item) => qualifyGuid(item, fetched.url));
}

/**
 * Stores a fetched feed's items as one successful poll of `source` and records it.
 * Items are ingested oldest first, so the first copy of a story is the earliest one.
 */
export async function storeFeedItems(
  source: Source,
  fetched: Extract<FetchResult, { status: 'ok' }>,
  items: RawArticle[],
  dependencies: PollDependencies,
): Promise<{ summary: PollSummary; preview: FeedPreviewItem[] }> {
  const startedAt = dependencies.clock.now();
  const baseline = source.lastSuccessAt === null;
  const preview = previewOf(items);
  const expanded = await expandTeasers(items, dependencies.settings.pageFetches, {
    fetcher: dependencies.fetcher,
    store: dependencies.store,
    logger: dependencies.logger,
    maxBytes: dependencies.settings.maxBytes,
  });
  // Items belong to whoever links to the feed (docs/adr/0004-tenancy.md).
  const ingest = { ...withSourceTopics(dependencies.ingest, source.topics), owners: await dependencies.store.sourceOwners(source.id) };
  const stored: Article[] = [];
  let duplicates = 0;
  const problems: string[] = [];
  // The poll's items go in by one transaction (group commit), oldest first; a store failure fails
  // the poll and stores none of them. One unreadable item is skipped.
  for (const result of await ingestArticles([...expanded.items].reverse(), ingest)) {
    if (!('outcome' in result)) {
      if (!isUserFacing(result.error)) throw result.error;
      problems.push(result.error.message);
    } else if (result.outcome.status === 'stored') stored.push(result.outcome.article);
    else duplicates += 1;
  }
  await dependencies.store.recordPoll(source.id, {
    ok: true,
    at: startedAt.toISOString(),
    nextPollAt: minutesAfter(startedAt, source.intervalMinutes),
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    title: source.title ?? feedTitle(documentText(fetched.bytes, fetched.contentType)),
    itemsStored: stored.length,
  });
  if (problems.length > 0) dependencies.logger.info({ source: source.id, skipped: problems.length, first: problems[0] }, 'feed items skipped');
  if (stored.length > 0 && dependencies.onStored !== undefined) {
    await dependencies
      .onStored(stored, { source, baseline })
      .catch((error: unknown) => dependencies.logger.error({ err: error, source: source.id }, 'stored-articles hook failed'));
  }
  const summary: PollSummary = {
    sourceId: source.id,
    ok: true,
    outcome: 'stored',
    stored: stored.length,
    duplicates,
    skipped: problems.length,
    error: null,
    paused: false,
  };
  return { summary, preview };
}

/** Records a failed poll: back off exponentially, pause after the limit (410 Gone pauses at once) and say so. */
export async function recordFailure(source: Source, error: unknown, startedAt: Date, dependencies: PollDependencies): Promise<PollSummary> {
  const message = describeError(error);
  if (!isUserFacing(error)) dependencies.logger.error({ err: error, source: source.id }, 'feed poll failed');
  else dependencies.logger.warn({ source: source.id, error: message }, 'feed poll failed');
  const failures = source.consecutiveFailures + 1;
  const gone = error instanceof FetchError && error.status === 410;
  const pause = gone || failures >= dependencies.settings.maxFailures;
  const retryAfter = error instanceof FetchError ? error.retryAfterSeconds : null;
  try {
    await dependencies.store.recordPoll(source.id, {
      ok: false,
      at: startedAt.toISOString(),
      nextPollAt: minutesAfter(startedAt, backoffMinutes(source.intervalMinutes, failures, retryAfter)),
      error: message,
      pause,
    });
  } catch (recordError) {
    dependencies.logger.error({ err: recordError, source: source.id }, 'could not record a failed poll');
  }
  // A source already paused (polled by hand with `feeds poll <id>`) is not announced twice.
  if (pause && !source.paused && dependencies.notify !== undefined) {
    const why = gone ? 'the server says it is gone (HTTP 410)' : `${failures} polls in a row failed`;
    const notice = `Paused the feed ${source.title ?? source.url} (${source.id}): ${why}. Last error: ${message}. An admin can fix the cause and run /source resume ${source.id}.`;
    await dependencies
      .notify(source, notice)
      .catch((notifyError: unknown) => dependencies.logger.error({ err: notifyError, source: source.id }, 'pause notice not delivered'));
  }
  return { sourceId: source.id, ok: false, outcome: 'failed', stored: 0, duplicates: 0, skipped: 0, error: message, paused: pause };
}

/** The feed's newest items with a title, newest first (undated ones keep feed order, after dated ones). */
export function previewOf(items: RawArticle[]): FeedPreviewItem[] {
  const titled = items.filter((item) => item.title !== undefined && item.title !== '');
  const order = titled.map((item, position) => {
    const time = item.publishedAt === undefined ? Number.NaN : Date.parse(item.publishedAt);
    return { item, position, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time };
  });
  order.sort((left, right) => right.time - left.time || left.position - right.position);
  return order.slice(0, PREVIEW_ITEMS).map(({ item }) => ({ title: item.title ?? '', url: item.url ?? null, publishedAt: item.publishedAt ?? null }));
}

/** A GUID without a scheme ("12345") is unique only within its feed: qualify it with the feed's host. */
function qualifyGuid(item: RawArticle, feedUrl: string): RawArticle {
  if (item.guid === undefined || /^[a-z][a-z0-9+.-]*:/i.test(item.guid)) return item;
  return { ...item, guid: `${new URL(feedUrl).host}#${item.guid}` };
}

/** Every item of a source carries the source's topics besides its own. */
function withSourceTopics(ingest: IngestServices, topics: string[]): IngestServices {
  if (topics.length === 0) return ingest;
  return { ...ingest, topics: [...(ingest.topics ?? []), ...topics] };
}

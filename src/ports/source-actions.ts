import type { Article, Source } from '../domain/index.ts';
import type { Owner } from './store.ts';

/** One of a feed's latest items, shown when the feed is added. */
export interface FeedPreviewItem {
  title: string;
  url: string | null;
  publishedAt: string | null;
}

/** What one poll of a feed did. */
export interface PollSummary {
  sourceId: string;
  ok: boolean;
  /** 'not-modified' when the server answered 304. */
  outcome: 'stored' | 'not-modified' | 'failed';
  stored: number;
  duplicates: number;
  /** Items the feed had that could not be read (each is skipped, the rest still go in). */
  skipped: number;
  error: string | null;
  /** True when this failure paused the source. */
  paused: boolean;
}

export interface AddedSource {
  source: Source;
  /** False when the feed was already fetched (for this workspace or another, or the operator). */
  created: boolean;
  /** True when the caller had no link to the feed before: it is now one of the caller's feeds. */
  linked: boolean;
  /** The feed's latest items, newest first, read at once. */
  preview: FeedPreviewItem[];
  /** The first poll; its items are the baseline: stored, never alerted on. Null when already added. */
  poll: PollSummary | null;
}

/** A feed-poll job that failed every attempt. */
export interface FailedPoll {
  sourceId: string;
  error: string;
  attempts: number;
  failedAt: string;
}

/**
 * Feed and page actions the /source and /summarize commands use; src/ingest implements them with
 * the safe fetcher. Every failure a user can act on is a UserFacingError with a readable reason.
 */
export interface SourceActions {
  /**
   * Reads the feed now (refusing what is not a feed), adds it for `owner` (default null: the
   * operator, shared) and stores its current items as the owner's. A feed already fetched for
   * someone else is not fetched twice: the owner gets its own link (topics, adder) to it.
   */
  add(input: { url: string; topics: string[]; addedBy: Source['addedBy']; owner?: Owner | undefined }): Promise<AddedSource>;
  /** The sources `owner` added (every source when omitted: the operator's view), oldest first. */
  list(where?: { owner?: Owner }): Promise<Source[]>;
  /** A source by id or by URL, among `owner`'s when given. */
  find(idOrUrl: string, where?: { owner?: Owner }): Promise<Source | null>;
  /** Removes `owner`'s link to the source (for everyone when omitted: the operator). */
  remove(id: string, owner?: Owner): Promise<boolean>;
  /** Unpauses a source and polls it at the next tick. */
  resume(id: string): Promise<Source | null>;
  /** Polls one source now, whatever its schedule. */
  poll(id: string): Promise<PollSummary>;
  /**
   * Feed-poll jobs that failed every attempt (a crash outside the poll's own error handling; a
   * fetch that fails is recorded on the source instead), newest first. Absent in the CLI.
   */
  failedPolls?: ((limit: number) => Promise<FailedPoll[]>) | undefined;
  /** Fetches one page, extracts its article and stores it as `owner`'s (or finds the stored copy and grants it). */
  readPage(url: string, owner?: Owner): Promise<{ article: Article; status: 'stored' | 'duplicate' }>;
}

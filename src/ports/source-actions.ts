import type { Article, Source } from '../domain/index.ts';

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
  /** False when the feed was already polled (added before, maybe by another channel). */
  created: boolean;
  /** The feed's latest items, newest first, read at once. */
  preview: FeedPreviewItem[];
  /** The first poll; its items are the baseline: stored, never alerted on. Null when already added. */
  poll: PollSummary | null;
}

/**
 * Feed and page actions the /source and /summarize commands use; src/ingest implements them with
 * the safe fetcher. Every failure a user can act on is a UserFacingError with a readable reason.
 */
export interface SourceActions {
  /** Reads the feed now (refusing what is not a feed), adds it and stores its current items. */
  add(input: { url: string; topics: string[]; addedBy: Source['addedBy'] }): Promise<AddedSource>;
  /** Sources added in a workspace (every source when omitted), oldest first. */
  list(where?: { workspaceId?: string }): Promise<Source[]>;
  /** A source by id or by URL, within a workspace when given. */
  find(idOrUrl: string, where?: { workspaceId?: string }): Promise<Source | null>;
  remove(id: string): Promise<boolean>;
  /** Unpauses a source and polls it at the next tick. */
  resume(id: string): Promise<Source | null>;
  /** Polls one source now, whatever its schedule. */
  poll(id: string): Promise<PollSummary>;
  /** Fetches one page, extracts its article and stores it (or finds the stored copy). */
  readPage(url: string): Promise<{ article: Article; status: 'stored' | 'duplicate' }>;
}

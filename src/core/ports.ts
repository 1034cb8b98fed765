import type { Article, EntityMention, SentimentLabel } from './article.ts';
import type { Reply } from './reply.ts';

/** Near-duplicate keys computed by `core/dedupe.ts` and kept beside the article. */
export interface DedupeKeys {
  /** MinHash signature of the article's word shingles. */
  signature: Uint32Array;
  /** LSH band keys: two articles sharing a key are near-duplicate candidates. */
  bands: string[];
}

export interface ArticleQuery {
  /** ISO 8601 lower bound on publishedAt (or ingestedAt when unknown), inclusive. */
  since?: string | undefined;
  /** ISO 8601 upper bound, exclusive. */
  until?: string | undefined;
  /** Articles tagged with any of these topics… */
  topics?: string[] | undefined;
  /** …or mentioning any of these entity ids (both empty or absent: no filter). */
  entityIds?: string[] | undefined;
  /** Leave out near-duplicates (default true). */
  originalsOnly?: boolean | undefined;
  limit?: number | undefined;
}

export interface SearchHit {
  article: Article;
  /** Higher is better. */
  score: number;
}

export interface SubscriptionFilter {
  /** Keep only articles that mention any of these words or phrases (empty: keep all). */
  include: string[];
  /** Drop articles that mention any of these. */
  exclude: string[];
  /** A regular expression the title or text must match, run with a time limit; null: none. */
  pattern: string | null;
  /** 0…1; articles below it are left out. */
  minImportance: number;
  /** Keep only these sentiments (empty: all). */
  sentiments: SentimentLabel[];
}

export const SUBSCRIPTION_MODES = ['brief', 'alerts', 'both'] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];

export interface Subscription {
  id: string;
  platform: string;
  workspaceId: string;
  channelId: string;
  /** What the channel follows: an article matching any topic, entity or keyword is in scope. */
  topics: string[];
  entityIds: string[];
  keywords: string[];
  filter: SubscriptionFilter;
  mode: SubscriptionMode;
  /** "HH:MM" local time of the daily brief. */
  time: string;
  /** IANA timezone. */
  timezone: string;
  weekdaysOnly: boolean;
  /** A five-field cron expression in the timezone; when set it replaces time and weekdaysOnly. */
  cron: string | null;
  /** Skip the exchange holidays (and weekends) of this market calendar, e.g. "us", "hk"; null: none. */
  holidays: string | null;
  createdBy: string;
  createdAt: string;
  enabled: boolean;
  disabledReason: string | null;
  /** Alerts: ingestion time of the newest article already considered. */
  alertCursor: string | null;
}

export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'enabled' | 'disabledReason' | 'alertCursor'>;

export interface Delivery {
  subscriptionId: string;
  /** Where it goes (from the subscription). */
  target: { platform: string; workspaceId: string; channelId: string };
  /** ISO 8601 instant of the scheduled slot. */
  slot: string;
  status: 'claimed' | 'posted' | 'failed';
  messageIds: string[];
  claimedAt: string;
  postedAt: string | null;
  error: string | null;
  /** How many times a post was attempted (a recovered claim counts again). */
  attempts: number;
}

export interface EntityCount {
  entity: Pick<EntityMention, 'id' | 'name' | 'type' | 'ticker'>;
  articles: number;
}

export interface TopicCount {
  topic: string;
  articles: number;
}

/** A feed the bot polls. */
export interface Source {
  id: string;
  /** The feed URL as added (canonical form). */
  url: string;
  title: string | null;
  /** Topics every item of this source is tagged with, besides its own. */
  topics: string[];
  /** Where it was added, so failures and pauses can be reported there. */
  addedBy: { platform: string; workspaceId: string; channelId: string; userId: string };
  addedAt: string;
  intervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: string;
  paused: boolean;
  pausedReason: string | null;
  itemsStored: number;
}

export type NewSource = Pick<Source, 'url' | 'title' | 'topics' | 'addedBy' | 'intervalMinutes'>;

export type PollRecord =
  | { ok: true; at: string; nextPollAt: string; etag: string | null; lastModified: string | null; title?: string | null; itemsStored: number }
  | { ok: false; at: string; nextPollAt: string; error: string; pause: boolean };

/** What one LLM call cost, for token accounting. */
export interface UsageRecord {
  at: string;
  promptId: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** Answered from the cache: no call was made. */
  cached: boolean;
}

export interface UsageTotal {
  promptId: string;
  model: string;
  calls: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
}

/**
 * The one shared state. Async so a networked database fits the same port;
 * nothing engine-specific (SQL, FTS syntax) leaks through it.
 */
export interface Store {
  /** Id of a stored article with the same content hash, canonical URL or GUID, if any. */
  findExisting(keys: { contentHash: string; url: string | null; guid: string | null }): Promise<string | null>;
  /** Stored articles sharing a band key, with their signatures, oldest first. */
  nearDuplicateCandidates(
    bands: string[],
    limit: number,
  ): Promise<Array<{ id: string; duplicateOf: string | null; signature: Uint32Array }>>;
  /** Stores the article and its keys atomically; false when an equal article won a race. */
  insertArticle(article: Article, keys: DedupeKeys): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: string[]): Promise<Article[]>;
  /** Newest first. */
  listArticles(query: ArticleQuery): Promise<Article[]>;
  /**
   * Full-text search over title and text; best first. Free text, never query syntax. `every`
   * asks for articles containing all the words (cheap on a large store); the default, any word.
   */
  search(text: string, query: ArticleQuery & { every?: boolean }): Promise<SearchHit[]>;
  countArticles(): Promise<number>;
  topicCounts(since: string | undefined): Promise<TopicCount[]>;
  entityCounts(since: string | undefined, limit: number): Promise<EntityCount[]>;

  addSubscription(subscription: NewSubscription): Promise<Subscription>;
  /** Removes the channel's subscriptions to a topic; returns how many went. */
  removeSubscription(where: { platform: string; workspaceId: string; channelId: string; topic: string }): Promise<number>;
  listSubscriptions(where?: { platform?: string; workspaceId?: string; channelId?: string }): Promise<Subscription[]>;
  disableSubscription(id: string, reason: string): Promise<void>;

  /** Claims (subscription, slot) for posting; false when it was claimed before. */
  claimDelivery(subscriptionId: string, slot: string, at: string): Promise<boolean>;
  completeDelivery(subscriptionId: string, slot: string, result: { messageIds: string[]; at: string } | { error: string }): Promise<void>;
  listDeliveries(where?: { subscriptionId?: string; status?: Delivery['status']; limit?: number }): Promise<Delivery[]>;
  /**
   * Takes over claims left 'claimed' since before `claimedBefore` (their process died), marking
   * them claimed again at `at`; each is returned to exactly one caller.
   */
  reclaimStaleDeliveries(claimedBefore: string, at: string, limit: number): Promise<Delivery[]>;
  setAlertCursor(subscriptionId: string, cursor: string): Promise<void>;
  /** Articles stored (ingestedAt) after `after`, oldest first, originals only. */
  articlesIngestedAfter(after: string, limit: number): Promise<Article[]>;

  /** Adds a feed, or returns the one already stored with that URL. */
  addSource(source: NewSource, at: string): Promise<{ source: Source; created: boolean }>;
  getSource(id: string): Promise<Source | null>;
  listSources(where?: { workspaceId?: string }): Promise<Source[]>;
  removeSource(id: string): Promise<boolean>;
  /** Sources not paused whose next poll is at or before `now`, most overdue first. */
  dueSources(now: string, limit: number): Promise<Source[]>;
  recordPoll(id: string, record: PollRecord): Promise<void>;
  resumeSource(id: string, nextPollAt: string): Promise<void>;

  /** A cached value (an LLM summary, a composed brief) by kind and key; null when absent or expired. */
  getCached(kind: string, key: string, now: string): Promise<string | null>;
  putCached(kind: string, key: string, value: string, expiresAt: string | null): Promise<void>;
  recordUsage(record: UsageRecord): Promise<void>;
  usageSince(since: string): Promise<UsageTotal[]>;

  /** A platform's install record for one workspace (e.g. a Slack OAuth installation), as opaque JSON. */
  saveInstallation(platform: string, workspaceId: string, data: string): Promise<void>;
  getInstallation(platform: string, workspaceId: string): Promise<string | null>;
  deleteInstallation(platform: string, workspaceId: string): Promise<void>;

  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface PostOptions {
  /**
   * Unique to one delivery (subscription and slot). A platform that can dedupe by it does
   * (Discord's enforced nonce); one that can search for it offers `findDelivery`.
   */
  deliveryKey?: string | undefined;
}

/** Where a channel's messages go: Discord, Slack, or the local shell. */
export interface Publisher {
  readonly platform: string;
  /** Posts the reply to a channel and returns the ids of the messages it posted. Throws DeliveryError. */
  post(target: { workspaceId: string; channelId: string }, reply: Reply, options?: PostOptions): Promise<string[]>;
  /**
   * After a crash between posting and recording it: the ids of the messages posted with this key,
   * [] when none was, null when the platform cannot tell. Optional.
   */
  findDelivery?(target: { workspaceId: string; channelId: string }, deliveryKey: string): Promise<string[] | null>;
}

export type { SentimentLabel };

/** The language model port lives in its own file (it is large); re-exported here with the other ports. */
export type { Completion, CompletionRequest, LanguageModel } from './language-model.ts';

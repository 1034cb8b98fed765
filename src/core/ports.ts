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

export interface Subscription {
  id: string;
  platform: string;
  workspaceId: string;
  channelId: string;
  topics: string[];
  /** "HH:MM" local time of the daily brief. */
  time: string;
  /** IANA timezone. */
  timezone: string;
  weekdaysOnly: boolean;
  createdBy: string;
  createdAt: string;
  enabled: boolean;
  disabledReason: string | null;
}

export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'enabled' | 'disabledReason'>;

export interface Delivery {
  subscriptionId: string;
  /** ISO 8601 instant of the scheduled slot. */
  slot: string;
  status: 'claimed' | 'posted' | 'failed';
  messageIds: string[];
  claimedAt: string;
  postedAt: string | null;
  error: string | null;
}

export interface EntityCount {
  entity: Pick<EntityMention, 'id' | 'name' | 'type' | 'ticker'>;
  articles: number;
}

export interface TopicCount {
  topic: string;
  articles: number;
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
  /** Full-text search over title and text; best first. Free text, never query syntax. */
  search(text: string, query: ArticleQuery): Promise<SearchHit[]>;
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

/** Where a channel's messages go: Discord, Slack, or the local shell. */
export interface Publisher {
  readonly platform: string;
  /** Posts the reply to a channel and returns the ids of the messages it posted. */
  post(target: { workspaceId: string; channelId: string }, reply: Reply): Promise<string[]>;
}

export type { SentimentLabel };

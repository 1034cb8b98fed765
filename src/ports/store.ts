import type { Article, Delivery, EntityMention, NewSource, NewSubscription, PollRecord, Source, Subscription } from '../domain/index.ts';

/** Near-duplicate keys computed by `pipeline/dedupe` and kept beside the article. */
export interface DedupeKeys {
  /** MinHash signature of the article's word shingles. */
  signature: Uint32Array;
  /** LSH band keys: two articles sharing a key are near-duplicate candidates. */
  bands: string[];
}

/**
 * Whose data a row is: null for the operator's (shared, visible to every workspace), else the
 * workspace (or guild) that brought it in, as `platform:workspaceId` (see ownerOf).
 */
export type Owner = string | null;

/** A stored article that shares a near-duplicate band key with another. */
export interface NearDuplicateCandidate {
  id: string;
  duplicateOf: string | null;
  signature: Uint32Array;
}

/**
 * Who reads: a workspace (`platform:workspaceId`) sees the shared rows and its own; null (the
 * default when a query names no viewer) sees only the shared ones. See docs/adr/0004-tenancy.md.
 */
export type Viewer = string | null;

export interface ArticleQuery {
  /** Whose articles may be returned: the shared ones and this workspace's (default: shared only). */
  viewer?: Viewer | undefined;
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

export interface EntityCount {
  entity: Pick<EntityMention, 'id' | 'name' | 'type' | 'ticker'>;
  articles: number;
}

export interface TopicCount {
  topic: string;
  articles: number;
}

/** What one LLM call cost, for token accounting. */
export interface UsageRecord {
  at: string;
  promptId: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** Answered from the cache: no call was made. */
  cached: boolean;
  /** The workspace the call was made for; null (or absent) for the operator's own work. */
  owner?: Owner | undefined;
}

export interface UsageTotal {
  promptId: string;
  model: string;
  calls: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
}

/** A full-text search's filters (see Store.search). */
export type SearchQuery = ArticleQuery & { every?: boolean; newest?: number; newestStored?: number };

/** Articles: storing, near-duplicate keys, look-ups, search and counts. */
export interface ArticleStore {
  /** Id of a stored article with the same content hash, canonical URL or GUID, if any. */
  findExisting(keys: { contentHash: string; url: string | null; guid: string | null }): Promise<string | null>;
  /** Stored articles sharing a band key, with their signatures, oldest first. */
  nearDuplicateCandidates(bands: string[], limit: number): Promise<NearDuplicateCandidate[]>;
  /**
   * Stores the article and its keys atomically, owned by `owners` (default [null]: shared; a null
   * among them makes it shared); false when an equal article won a race.
   */
  insertArticle(article: Article, keys: DedupeKeys, owners?: readonly Owner[]): Promise<boolean>;
  /**
   * Group commit: stores the items in order in one transaction; each result is what insertArticle
   * would have returned for that item (a later item sees the earlier ones). Resolves only after the
   * transaction commits; on an error nothing of the batch is stored.
   */
  insertArticles(items: readonly ArticleInsert[]): Promise<boolean[]>;
  /** Lets `owners` see a stored article too (a null among them makes it shared): a workspace brought in a copy. */
  grantArticle(id: string, owners: readonly Owner[]): Promise<void>;
  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: string[]): Promise<Article[]>;
  /** Newest first. */
  listArticles(query: ArticleQuery): Promise<Article[]>;
  /**
   * Full-text search over title and text; best first. Free text, never query syntax. `every`
   * asks for articles containing all the words (cheap on a large store); the default, any word.
   * `newest` ranks only the `newest` most recently stored matches (a bound on the work of an
   * any-word search, which otherwise ranks every article holding one of the words); with it,
   * `newestStored` searches only the `newestStored` most recently stored articles (a bound on the
   * walk that finds an every-word search's matches, which otherwise reaches the oldest article).
   */
  search(text: string, query: SearchQuery): Promise<SearchHit[]>;
  countArticles(): Promise<number>;
  topicCounts(since: string | undefined, viewer?: Viewer): Promise<TopicCount[]>;
  entityCounts(since: string | undefined, limit: number, viewer?: Viewer): Promise<EntityCount[]>;
  /**
   * Entities stored with articles whose name is `name` (case-insensitive), begins with it as whole words
   * ("zignal" → "Zignal Labs"), or whose id is one of `ids`, of the given types: exact names first, then most
   * mentioned first. Finds names no reference list holds; the caller decides which longer name `name` is short for.
   */
  findStoredEntities(name: string, ids: string[], types: EntityMention['type'][], limit: number, viewer?: Viewer): Promise<EntityCount[]>;
  /** Articles stored (ingestedAt) after `after` that `viewer` may see, oldest first, originals only. */
  articlesIngestedAfter(after: string, limit: number, viewer?: Viewer): Promise<Article[]>;
}

/** One article to store with its keys and owners, as insertArticle takes them. */
export interface ArticleInsert {
  article: Article;
  keys: DedupeKeys;
  owners?: readonly Owner[];
}

/** Who follows what: the channels' subscriptions. */
export interface SubscriptionStore {
  addSubscription(subscription: NewSubscription): Promise<Subscription>;
  /** Removes the channel's subscriptions to a topic; returns how many went. */
  removeSubscription(where: { platform: string; workspaceId: string; channelId: string; topic: string }): Promise<number>;
  listSubscriptions(where?: { platform?: string; workspaceId?: string; channelId?: string }): Promise<Subscription[]>;
  disableSubscription(id: string, reason: string): Promise<void>;
}

/** Exactly-once posting: claims of (subscription, slot), their outcome, and alert cursors. */
export interface DeliveryLedger {
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
}

/**
 * The feeds the bot polls and their polling state. One row per feed URL is fetched once; each
 * owner (a workspace, or null for the operator) links to it with its own topics and adder.
 * Read with an `owner`, a source is that owner's view (its topics and addedBy); without, the
 * operator's view of the whole fetch (every owner's topics).
 */
export interface SourceStore {
  /**
   * Links `owner` (default null: the operator) to the feed at the URL, storing the feed if new.
   * `created`: the feed was new (never fetched); `linked`: the owner had no link to it before.
   */
  addSource(source: NewSource, at: string, owner?: Owner): Promise<{ source: Source; created: boolean; linked: boolean }>;
  /** A source; with `owner`, only if that owner links to it (and as its view). */
  getSource(id: string, owner?: Owner): Promise<Source | null>;
  /** Every source (the operator's view), or the sources `owner` links to. */
  listSources(where?: { owner?: Owner }): Promise<Source[]>;
  /** Who links to a source: its items belong to them (null: shared). */
  sourceOwners(id: string): Promise<Owner[]>;
  /**
   * Removes `owner`'s link (the feed stops being fetched when no link is left); without an
   * owner, removes the feed for everyone (the operator).
   */
  removeSource(id: string, owner?: Owner): Promise<boolean>;
  /** Sources not paused whose next poll is at or before `now`, most overdue first. */
  dueSources(now: string, limit: number): Promise<Source[]>;
  recordPoll(id: string, record: PollRecord): Promise<void>;
  resumeSource(id: string, nextPollAt: string): Promise<void>;
}

/** Cached values (LLM summaries, composed briefs) by kind and key. */
export interface CacheStore {
  /** A cached value (an LLM summary, a composed brief) by kind and key; null when absent or expired. */
  getCached(kind: string, key: string, now: string): Promise<string | null>;
  putCached(kind: string, key: string, value: string, expiresAt: string | null): Promise<void>;
}

/** LLM token accounting. */
export interface UsageLedger {
  recordUsage(record: UsageRecord): Promise<void>;
  /** Totals since `since`: of one owner's calls (null: the operator's own), or of every call when `owner` is absent. */
  usageSince(since: string, owner?: Owner): Promise<UsageTotal[]>;
}

/** Platform install records (Slack OAuth installations). */
export interface InstallationStore {
  /** A platform's install record for one workspace (e.g. a Slack OAuth installation), as opaque JSON. */
  saveInstallation(platform: string, workspaceId: string, data: string): Promise<void>;
  getInstallation(platform: string, workspaceId: string): Promise<string | null>;
  deleteInstallation(platform: string, workspaceId: string): Promise<void>;
}

/**
 * One-time keys (Slack request signatures) remembered until they expire, so a captured request
 * replayed within Slack's 5-minute window is refused by every process that shares the store.
 */
export interface ReplayGuard {
  /**
   * Remembers `key` until `expiresAt` (ISO 8601); true the first time, false when it is already
   * remembered and not expired at `now` (a replay). Keys expired at `now` are forgotten.
   */
  rememberOnce(key: string, expiresAt: string, now: string): Promise<boolean>;
}

/**
 * The one shared state: every role above on one database. Async so a networked database fits the same port;
 * nothing engine-specific (SQL, FTS syntax) leaks through it.
 */
export interface Store extends ArticleStore, SubscriptionStore, DeliveryLedger, SourceStore, CacheStore, UsageLedger, InstallationStore, ReplayGuard {
  /** Resolves when the database answers a trivial query; rejects when it cannot (`GET /readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The kinds of thing the entity recogniser resolves against reference data. */
export const ENTITY_TYPES = [
  'company',
  'index',
  'exchange',
  'central-bank',
  'regulator',
  'commodity',
  'currency',
  'crypto',
  /** An institution no list names, found by its shape ("Zambia Chamber of Mines"). */
  'organisation',
  /** Someone named with a role ("Bank of Japan Governor Kazuo Ueda"). */
  'person',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** One entity found in an article, resolved to a canonical reference entry. */
export interface EntityMention {
  /** Stable key of the reference entry, e.g. `company:alibaba`, `index:hang-seng`. */
  id: string;
  /** Canonical display name, e.g. "Alibaba Group", "Hang Seng Index". */
  name: string;
  type: EntityType;
  /** Primary ticker or symbol (BABA, ^HSI, BTC), null when the entity has none (a private firm). */
  ticker: string | null;
  /** Every known listing of the entity (BABA, 9988.HK). */
  tickers: string[];
  /** How many times the article mentions it. */
  count: number;
  /** A person's role as written ("governor", "chief executive"). */
  role?: string;
  /** The id of the organisation a person's role is at (`central-bank:boj`). */
  organisationId?: string;
  /** That organisation's name ("Bank of Japan"). */
  organisation?: string;
}

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral', 'mixed'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export interface Sentiment {
  label: SentimentLabel;
  /** -1 (very negative) … +1 (very positive). */
  score: number;
}

/** What a reader produces: text as found, before cleaning. */
export interface RawArticle {
  title?: string | undefined;
  text: string;
  url?: string | undefined;
  source?: string | undefined;
  /** ISO 8601 when known. */
  publishedAt?: string | undefined;
  /** Set when the reader had a feed item's stable id. */
  guid?: string | undefined;
  /** `headline` for a feed item with a title but no story body (wire headlines, notices). */
  kind?: ArticleKind | undefined;
}

/** A story has a body; a headline item is a title (link, date) only and is never summarised as a story. */
export type ArticleKind = 'story' | 'headline';

/** After cleaning: the story's own title and paragraphs, boilerplate removed. */
export interface CleanArticle {
  title: string;
  /** Paragraphs joined by a blank line. */
  text: string;
  url: string | null;
  source: string | null;
  publishedAt: string | null;
  guid: string | null;
  /** Absent means `story`. */
  kind?: ArticleKind;
}

/** A fully understood article, as stored. */
export interface Article extends CleanArticle {
  id: string;
  /** sha256 of the normalised title and text: equal hashes mean the same article. */
  contentHash: string;
  entities: EntityMention[];
  topics: string[];
  sentiment: Sentiment;
  /** Id of the first stored copy when this one is a near-duplicate of it. */
  duplicateOf: string | null;
  /** ISO 8601 time the bot stored it. */
  ingestedAt: string;
}

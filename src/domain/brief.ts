import type { Article, Sentiment, SentimentLabel } from './article.ts';
import type { SourceRef } from './reply.ts';

/** A story: its lead article and the same-event reports clustered with it. */
export interface StoryCluster {
  lead: Article;
  articles: Article[];
}

/** A price or level move of one instrument, as an article states it. */
export interface Mover {
  entityId: string;
  name: string;
  ticker: string | null;
  direction: 'up' | 'down';
  /** The figure exactly as written, e.g. "21%". */
  figure: string;
  /** The period the move covers when the article gives one ("since Jan 17", "year to date"); null: the session. */
  horizon?: string | null | undefined;
  /** The clause the figure comes from, as written. */
  excerpt: string;
  articleId: string;
}

/** A generated sentence the guard took out, and what stands in its place. */
export interface RemovedSentence {
  /** Where it was: "overview", "story 2 headline", "story 2", "answer", "summary of <article id>". */
  place: string;
  text: string;
  reasons: string[];
  /** The extractive sentence it came from, or null when it was dropped. */
  replacedBy: string | null;
}

/** A sentence of the brief with the numbers of the sources it comes from. */
export interface CitedSentence {
  text: string;
  sources: number[];
}

export interface Story {
  headline: string;
  summary: CitedSentence[];
  /** Every source that reports the story, lead first. */
  sources: number[];
  sentiment: Sentiment;
  entityIds: string[];
}

export interface BriefMover extends Omit<Mover, 'articleId'> {
  source: number;
}

/** A brief is a neutral domain value: composing and rendering are separate. */
export interface Brief {
  title: string;
  topics: string[];
  window: { since: string; until: string };
  generatedAt: string;
  overview: CitedSentence[];
  stories: Story[];
  movers: BriefMover[];
  sentiment: Record<SentimentLabel, number>;
  sources: SourceRef[];
  /** Articles read for the brief, near-duplicates included. */
  articleCount: number;
  /** What wrote the summaries: "extractive" offline, else the model's name. */
  summariser: string;
  /** Things the reader should know, e.g. that the window was widened. */
  notes: string[];
  /** Model sentences the grounding guard took out, and why (LLM briefs only). */
  removed?: RemovedSentence[];
  /** What the LLM calls for this brief cost (LLM briefs only; zero calls when it came from the cache). */
  usage?: BriefUsage;
}

export interface BriefUsage {
  calls: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  /** USD at the configured prices; null when no price is known for the model. */
  estimatedCostUsd: number | null;
}

export interface BriefRequest {
  title: string;
  topics: string[];
  window: { since: string; until: string };
  /** Articles in the window, near-duplicates included, newest first. */
  articles: readonly Article[];
  generatedAt: string;
  notes?: string[];
  maxStories?: number;
  /** How a reader sees the stories past `maxStories`, e.g. "narrow it with /brief <topic>". */
  moreHint?: string;
  /** Stories already clustered (the LLM path merges same-event reports first); default: clusterStories(articles). */
  clusters?: readonly StoryCluster[];
  /** Entity ids the reader asked about (`/market nikkei`, a subscription to Honda): their moves come first among the movers, before the list is cut to its length. */
  focus?: readonly string[];
}

/** A retrieved sentence and the article it is from, best first. */
export interface AnswerCandidate {
  sentence: string;
  article: Article;
}

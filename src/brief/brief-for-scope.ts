import type { Article, Brief } from '../domain/index.ts';
import type { ArticleQuery, BriefWriter, Clock, Store, Viewer } from '../ports/index.ts';
import { createExtractiveBriefWriter } from './extractive-brief-writer.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';

export interface BriefScope {
  title: string;
  /** Topic slugs; with entityIds, an article matching either is in scope. Both empty: everything. */
  topics: string[];
  entityIds?: string[];
  /** Words or phrases: an article containing any is in scope too (full-text search). */
  keywords?: string[];
}

export interface BriefOptions {
  windowHours: number;
  /** When the window is empty, brief on the latest articles in scope instead, and say so. */
  widenWhenEmpty: boolean;
  /**
   * How far back a widened window may reach, in days (default WIDEN_LIMIT_DAYS.brief): older news is
   * never shown as the latest. Commands pass their own (`/brief` 7 days, `/market` 30).
   */
  widenLimitDays?: number;
  /** Stories shown (default DEFAULT_MAX_STORIES); the rest are counted in an "and N more" note. */
  maxStories?: number;
  /** How the reader sees the stories past the cap, appended to the "and N more" note. */
  moreHint?: string;
  until?: Date;
  /** A subscription's filter: only articles it keeps are briefed. */
  filter?: (article: Article) => boolean;
  /** Whose articles: the shared ones and this workspace's (default: shared only; commands get a store scoped already). */
  viewer?: Viewer;
}

const MAX_ARTICLES = 300;
/** The furthest a widened window reaches, in days, per kind of view (documented in docs/ranking.md). */
export const WIDEN_LIMIT_DAYS = { brief: 7, market: 30 } as const;
const WIDENED_ARTICLES = 40;

/** Loads the articles in scope and composes the brief (one call per scope and window, however many channels). */
export async function briefForScope(
  scope: BriefScope,
  options: BriefOptions,
  services: { store: Store; reference: ReferenceIndex; clock: Clock; briefs?: BriefWriter | undefined },
): Promise<Brief> {
  const until = options.until ?? services.clock.now();
  const since = new Date(until.getTime() - options.windowHours * 3_600_000);
  const load = (query: ArticleQuery) => articlesInScope(scope, { ...query, viewer: options.viewer }, services.store);
  let articles = await load({ since: since.toISOString(), until: until.toISOString(), limit: MAX_ARTICLES });
  const notes: string[] = [];
  let window = { since: since.toISOString(), until: until.toISOString() };
  if (articles.length === 0 && options.widenWhenEmpty) {
    const limitDays = options.widenLimitDays ?? WIDEN_LIMIT_DAYS.brief;
    const floor = new Date(until.getTime() - limitDays * 86_400_000).toISOString();
    articles = await load({ since: floor, until: until.toISOString(), limit: WIDENED_ARTICLES });
    const oldest = articles.at(-1);
    if (oldest === undefined) {
      notes.push(`Nothing in the last ${options.windowHours} h, nor in the ${limitDays} days before (the furthest a brief looks back)`);
    } else {
      const from = oldest.publishedAt ?? oldest.ingestedAt;
      notes.push(
        `Nothing new in the last ${options.windowHours} h: widened to the latest ${articles.length} articles, published since ${from.slice(0, 10)} (at most ${limitDays} days back)`,
      );
      window = { since: from, until: until.toISOString() };
    }
  }
  if (options.filter !== undefined) articles = articles.filter(options.filter);
  const request = {
    title: scope.title,
    topics: scope.topics,
    window,
    articles,
    generatedAt: services.clock.now().toISOString(),
    notes,
    ...(options.maxStories === undefined ? {} : { maxStories: options.maxStories }),
    ...(options.moreHint === undefined ? {} : { moreHint: options.moreHint }),
    // The moves of what was asked about (`/market nikkei`, a subscription to Honda) come first,
    // chosen before the movers are cut to their number (findMovers).
    ...((scope.entityIds ?? []).length === 0 ? {} : { focus: scope.entityIds }),
  };
  return (services.briefs ?? createExtractiveBriefWriter(services.reference)).compose(request);
}

/** Articles (near-duplicates included) matching the scope's topics, entities or keywords, newest first. */
async function articlesInScope(scope: BriefScope, query: ArticleQuery, store: Store): Promise<Article[]> {
  const keywords = scope.keywords ?? [];
  const entityIds = scope.entityIds ?? [];
  const structured = scope.topics.length > 0 || entityIds.length > 0;
  const listed = structured || keywords.length === 0 ? await store.listArticles({ ...query, topics: scope.topics, entityIds, originalsOnly: false }) : [];
  if (keywords.length === 0) return listed;
  const hits = await store.search(keywords.join(' '), { ...query, originalsOnly: false });
  const lowered = keywords.map((keyword) => keyword.toLowerCase());
  const matching = hits
    .map((hit) => hit.article)
    .filter((article) => {
      const text = `${article.title}\n${article.text}`.toLowerCase();
      return lowered.some((keyword) => text.includes(keyword));
    });
  const byId = new Map([...listed, ...matching].map((article) => [article.id, article]));
  return [...byId.values()].sort((a, b) => (b.publishedAt ?? b.ingestedAt).localeCompare(a.publishedAt ?? a.ingestedAt)).slice(0, query.limit ?? MAX_ARTICLES);
}

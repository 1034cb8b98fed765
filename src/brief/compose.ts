import type { Article, Brief, BriefRequest, CitedSentence, Sentiment, SentimentLabel, SourceRef, Story } from '../domain/index.ts';
import { findMovers, MAX_MOVERS } from './movers.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';
import { clusterStories } from './stories.ts';
import { isNonNews } from './non-news.ts';
import { type RankedCluster, rankClusters } from './rank.ts';
import { summariseExtractive } from './extractive/index.ts';

function tally(articles: readonly Article[]): Record<SentimentLabel, number> {
  const counts: Record<SentimentLabel, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  for (const article of articles) counts[article.sentiment.label] += 1;
  return counts;
}

function storySentiment(articles: readonly Article[]): Sentiment {
  const score = articles.reduce((sum, article) => sum + article.sentiment.score, 0) / Math.max(1, articles.length);
  const labels = new Set(articles.map((article) => article.sentiment.label));
  const label: SentimentLabel = labels.has('positive') && labels.has('negative') ? 'mixed' : score > 0.15 ? 'positive' : score < -0.15 ? 'negative' : 'neutral';
  return { label, score: Math.round(score * 100) / 100 };
}

/** Default number of stories a brief shows; the rest are counted in an "and N more" note. */
export const DEFAULT_MAX_STORIES = 5;

/** Stories of a set of articles, most market-moving first; promotional and non-news items left out. */
export function rankedStories(articles: readonly Article[], reference?: ReferenceIndex): RankedCluster[] {
  return rankClusters(clusterStories(articles.filter((article) => !isNonNews(article))), reference);
}

/**
 * Composes a brief offline: stories from clustered articles, ranked by what moves markets
 * (rank.ts), each summarised by sentences taken verbatim from its lead article, so every figure is
 * the source's own. Stories past the cap are counted in a note that says how to see them.
 */
export function composeBrief(request: BriefRequest, reference: ReferenceIndex): Brief {
  const maxStories = request.maxStories ?? DEFAULT_MAX_STORIES;
  const all =
    request.clusters === undefined
      ? rankedStories(request.articles, reference)
      : rankClusters(
          request.clusters.filter((cluster) => !isNonNews(cluster.lead)),
          reference,
        );
  const clusters = all.slice(0, maxStories);
  const more = all.length - clusters.length;
  const moreNote = more > 0 ? [`and ${more} more ${more === 1 ? 'story' : 'stories'}${request.moreHint === undefined ? '' : `: ${request.moreHint}`}`] : [];

  const sources: SourceRef[] = [];
  const numberOf = new Map<string, number>();
  function cite(article: Article): number {
    const known = numberOf.get(article.id);
    if (known !== undefined) return known;
    const n = sources.length + 1;
    numberOf.set(article.id, n);
    sources.push({ n, articleId: article.id, title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt });
    return n;
  }

  const stories: Story[] = clusters.map((cluster) => {
    const leadNumber = cite(cluster.lead);
    const others = cluster.articles.filter((article) => article.id !== cluster.lead.id).map(cite);
    // A headline item has no body to summarise: a report of the same story with a body speaks for it.
    const body = cluster.lead.kind === 'headline' ? cluster.articles.find((article) => article.kind !== 'headline') : cluster.lead;
    const sentences =
      body === undefined
        ? []
        : summariseExtractive({ title: body.title, text: body.text, entityNames: body.entities.map((entity) => entity.name) }, { maxSentences: 2 });
    const bodyNumber = body === undefined ? leadNumber : cite(body);
    return {
      headline: cluster.lead.title,
      summary: sentences.map((text) => ({ text, sources: [bodyNumber] })),
      sources: [leadNumber, ...others],
      sentiment: storySentiment(cluster.articles),
      entityIds: cluster.lead.entities.slice(0, 5).map((entity) => entity.id),
    };
  });

  const leads = clusters.map((cluster) => cluster.lead);
  const movers = findMovers(leads, reference, MAX_MOVERS, request.focus ?? []).map(({ articleId, ...mover }) => ({
    ...mover,
    source: numberOf.get(articleId) ?? 0,
  }));
  // Offline there is no synthesis across stories; an LLM brief fills the overview.
  const overview: CitedSentence[] = [];

  return {
    title: request.title,
    topics: request.topics,
    window: request.window,
    generatedAt: request.generatedAt,
    overview,
    stories,
    movers,
    sentiment: tally(request.articles),
    sources,
    articleCount: request.articles.length,
    summariser: 'extractive',
    notes: [...moreNote, ...(request.notes ?? [])],
  };
}

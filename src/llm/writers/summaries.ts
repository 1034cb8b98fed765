import { type ArticleSummaryOutput, articleSummaryPrompt } from '../../../prompts/index.ts';
import type { Article, RemovedSentence } from '../../domain/index.ts';
import { figuresIn, type GroundingGuard, quantitiesIn, supports } from '../grounding/index.ts';
import { LanguageModelError, type Logger, type Store } from '../../ports/index.ts';
import type { PromptRunner, RunOptions } from '../runner.ts';
import { splitSentences } from '../../pipeline/index.ts';
import { failureFields } from './failure-fields.ts';

/** One article as the map step summarised it, after the grounding guard. Cached by content, prompt and model. */
export interface ArticleSummary {
  articleId: string;
  headline: string;
  /** Grounded summary sentences; a failing one is replaced by the article sentence it came from. */
  sentences: string[];
  /** Figures exactly as written, each with the article sentence it comes from (verified). */
  figures: Array<{ figure: string; sentence: string }>;
  entities: ArticleSummaryOutput['entities'];
  sentiment: ArticleSummaryOutput['sentiment'];
  /** The model's topic words: informative only, never used to route an article to a channel. */
  topics: string[];
  /** Sentences left out of the prompt for length (the summary covers the rest). */
  omittedSentences: number;
  removed: RemovedSentence[];
  model: string;
}

export interface SummaryServices {
  runner: PromptRunner;
  store: Store;
  guard: GroundingGuard;
  logger: Logger;
}

export const SUMMARY_CACHE_KIND = 'llm-summary';

/** The cache key: same text, same prompt version and same model give the same summary. */
export function summaryCacheKey(article: Pick<Article, 'contentHash'>, model: string): string {
  return `${article.contentHash}|${articleSummaryPrompt.id}@${articleSummaryPrompt.version}|${model}`;
}

/**
 * The article's leading sentences that fit the per-call token budget, whole sentences only;
 * news puts what matters first, so the tail is what goes.
 */
export function fitSentences(sentences: readonly string[], budget: number, countTokens: (text: string) => number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const cost = countTokens(sentence) + 4; // "[n] " and the line break
    if (used + cost > budget) break;
    kept.push(sentence);
    used += cost;
  }
  return kept;
}

function ground(
  article: Article,
  output: ArticleSummaryOutput,
  sentences: readonly string[],
  guard: GroundingGuard,
  omitted: number,
  model: string,
): ArticleSummary {
  const removed: RemovedSentence[] = [];
  const place = `summary of ${article.id}`;
  const verdictOf = (text: string) => guard.check(text, [article]);

  let headline = output.headline.replace(/\s+/g, ' ').trim();
  const headlineVerdict = verdictOf(headline);
  if (headline === '' || !headlineVerdict.ok) {
    if (headline !== '') removed.push({ place: `${place} headline`, text: headline, reasons: headlineVerdict.reasons, replacedBy: article.title });
    headline = article.title;
  }

  const kept: string[] = [];
  for (const item of output.summary) {
    const text = item.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const verdict = verdictOf(text);
    if (verdict.ok) {
      kept.push(text);
      continue;
    }
    const origin = item.from.map((number) => sentences[number - 1]).find((sentence) => sentence !== undefined && !kept.includes(sentence));
    removed.push({ place, text, reasons: verdict.reasons, replacedBy: origin ?? null });
    if (origin !== undefined) kept.push(origin);
  }
  if (kept.length === 0) kept.push(...sentences.slice(0, 2));

  const figures: ArticleSummary['figures'] = [];
  for (const item of output.figures) {
    const sentence = sentences[item.sentence - 1];
    const claimed = figuresIn(item.figure)[0]?.quantity;
    if (sentence === undefined || claimed === undefined) continue;
    if (quantitiesIn(sentence).some((quantity) => supports(quantity, claimed))) figures.push({ figure: item.figure.trim(), sentence });
  }

  return {
    articleId: article.id,
    headline,
    sentences: kept,
    figures,
    entities: output.entities.filter((entity) => entity.name.trim() !== '').slice(0, 12),
    sentiment: output.sentiment,
    topics: output.topics
      .map((topic) => topic.trim().toLowerCase())
      .filter((topic) => topic !== '')
      .slice(0, 5),
    omittedSentences: omitted,
    removed,
    model,
  };
}

/** Summarises one article (map step), from the cache when it was summarised before. Throws LanguageModelError. */
export async function summariseArticle(article: Article, services: SummaryServices, options: RunOptions & { now: string }): Promise<ArticleSummary> {
  const { runner, store } = services;
  const model = runner.modelName(articleSummaryPrompt.tier);
  const key = summaryCacheKey(article, model);
  const cached = await store.getCached(SUMMARY_CACHE_KIND, key, options.now);
  if (cached !== null) {
    await runner.recordCacheHit(articleSummaryPrompt, options);
    return { ...(JSON.parse(cached) as ArticleSummary), articleId: article.id };
  }
  const all = splitSentences(article.text);
  const empty = articleSummaryPrompt.render({
    title: article.title,
    outlet: article.source,
    publishedAt: article.publishedAt,
    sentences: [],
    omitted: all.length,
  });
  const overhead = runner.model.countTokens(articleSummaryPrompt.system) + runner.model.countTokens(empty) + 16;
  const sentences = fitSentences(all, runner.maxInputTokens - overhead, runner.model.countTokens);
  if (sentences.length === 0) throw new LanguageModelError('budget', `${article.id}: not one whole sentence fits the token budget`);
  const output = await runner.run(
    articleSummaryPrompt,
    { title: article.title, outlet: article.source, publishedAt: article.publishedAt, sentences, omitted: all.length - sentences.length },
    options,
  );
  const summary = ground(article, output, sentences, services.guard, all.length - sentences.length, model);
  await store.putCached(SUMMARY_CACHE_KIND, key, JSON.stringify(summary), null);
  return summary;
}

/**
 * Summarises many articles, in parallel up to the model's concurrency limit. A failure leaves that
 * article out (null) and the caller uses its extractive summary; it stays uncached, so a summary
 * job or the next brief summarises it later.
 */
export async function summariseArticles(
  articles: readonly Article[],
  services: SummaryServices,
  options: RunOptions & { now: string },
): Promise<Map<string, ArticleSummary | null>> {
  const results = await Promise.all(
    articles.map(async (article) => {
      try {
        return [article.id, await summariseArticle(article, services, options)] as const;
      } catch (error) {
        services.logger.warn({ article: article.id, ...failureFields(error) }, 'article summary fell back to extractive');
        return [article.id, null] as const;
      }
    }),
  );
  return new Map(results);
}

/**
 * Recent originals with no cached summary yet, newest first: the per-article summary jobs to queue.
 * The queue of work a failed or skipped call left behind is simply "not in the cache".
 */
export async function pendingSummaries(
  services: Pick<SummaryServices, 'runner' | 'store'> & { now: string },
  options: { since: string; limit: number },
): Promise<string[]> {
  const articles = await services.store.listArticles({ since: options.since, originalsOnly: true, limit: options.limit * 4 });
  const model = services.runner.modelName(articleSummaryPrompt.tier);
  const pending: string[] = [];
  for (const article of articles) {
    if (pending.length >= options.limit) break;
    if ((await services.store.getCached(SUMMARY_CACHE_KIND, summaryCacheKey(article, model), services.now)) === null) pending.push(article.id);
  }
  return pending;
}

/**
 * Summarises one stored article by id (one summary job). Throws when the model fails, so the job
 * is retried with back-off; an article deleted since it was queued is nothing to do (false).
 */
export async function summariseStored(articleId: string, services: SummaryServices & { now: string }): Promise<boolean> {
  const article = await services.store.getArticle(articleId);
  if (article === null) return false;
  await summariseArticle(article, services, { now: services.now });
  return true;
}

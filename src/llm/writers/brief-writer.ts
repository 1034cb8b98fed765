import { createHash } from 'node:crypto';
import { articleSummaryPrompt, type BriefOutput, briefPrompt, type BriefVars, storyMergePrompt } from '../../../prompts/index.ts';
import type { Article, Brief, BriefRequest, CitedSentence, RemovedSentence, Story, StoryCluster } from '../../domain/index.ts';
import { composeBrief, rankedStories } from '../../brief/index.ts';
import { type GroundingGuard, groundStory, type StoryGrounding } from '../grounding/index.ts';
import { type BriefWriter, type Clock, failureOf, type Logger, type Store } from '../../ports/index.ts';
import { newMeter, type PromptRunner, type UsageMeter } from '../runner.ts';
import { mergeStories } from './story-merge.ts';
import { type ArticleSummary, summariseArticles } from './summaries.ts';
import type { ReferenceIndex } from '../../pipeline/index.ts';
import { failureFields } from './failure-fields.ts';

export interface BriefWriterServices {
  runner: PromptRunner;
  store: Store;
  reference: ReferenceIndex;
  guard: GroundingGuard;
  clock: Clock;
  logger: Logger;
  /** How long one brief may take before the rest falls back to extractive. */
  deadlineMs: number;
}

export const BRIEF_CACHE_KIND = 'llm-brief';
const BRIEF_CACHE_DAYS = 7;
const DEFAULT_MAX_STORIES = 5;
/** Merge candidates per story shown: enough to fold same-event reports the headline heuristic missed. */
const CANDIDATES_PER_STORY = 3;
const SOURCES_PER_STORY = 3;

interface CachedBrief {
  brief: Brief;
  /** Notes the LLM path added, kept apart from the request's own. */
  notes: string[];
}

interface Composed extends CachedBrief {
  /** Every step answered: worth caching. A brief with a fallback in it is composed again next time. */
  complete: boolean;
}

/** Same scope, same articles, same prompts and models: the same brief, however many channels ask. */
export function briefCacheKey(request: BriefRequest, models: Readonly<Record<string, string>>): string {
  const identity = {
    title: request.title,
    topics: [...request.topics].sort(),
    maxStories: request.maxStories ?? DEFAULT_MAX_STORIES,
    // Only when given, so the keys of unfocused briefs stay what they were.
    ...(request.focus === undefined || request.focus.length === 0 ? {} : { focus: request.focus }),
    articles: request.articles.map((article) => `${article.id}:${article.contentHash}`).sort(),
    prompts: [articleSummaryPrompt, storyMergePrompt, briefPrompt].map((prompt) => `${prompt.id}@${prompt.version}`),
    models,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

/** The lead and up to two more reports per story, other outlets first: what the reduce step reads. */
function pickSources(story: Story, bySource: ReadonlyMap<number, Article>): number[] {
  const [lead, ...others] = story.sources;
  if (lead === undefined) return [];
  const picked = [lead];
  const outlets = new Set([bySource.get(lead)?.source ?? null]);
  for (const n of others) {
    if (picked.length >= SOURCES_PER_STORY) break;
    const outlet = bySource.get(n)?.source ?? null;
    if (outlets.has(outlet)) continue;
    picked.push(n);
    outlets.add(outlet);
  }
  for (const n of others) if (picked.length < SOURCES_PER_STORY && !picked.includes(n)) picked.push(n);
  return picked;
}

/** Composes briefs with the model when it can, offline (extractive) when it cannot. */
export function createBriefWriter(services: BriefWriterServices): BriefWriter {
  const { runner, store, logger } = services;
  const inFlight = new Map<string, Promise<Composed>>();

  function usageOf(meter: UsageMeter): NonNullable<Brief['usage']> {
    const cost = meter.estimatedCostUsd;
    return { ...meter, estimatedCostUsd: cost === null ? null : Math.round(cost * 1_000_000) / 1_000_000 };
  }

  function reduceVars(
    request: BriefRequest,
    base: Brief,
    bySource: ReadonlyMap<number, Article>,
    summaries: ReadonlyMap<string, ArticleSummary | null>,
  ): BriefVars {
    const stories = base.stories.map((story) => ({
      sources: pickSources(story, bySource).map((n) => {
        const article = bySource.get(n);
        const summary = article === undefined ? null : (summaries.get(article.id) ?? null);
        const fallback = n === story.sources[0] ? story.summary.map((sentence) => sentence.text) : [];
        return { n, outlet: article?.source ?? null, title: summary?.headline ?? article?.title ?? '', summary: summary?.sentences ?? fallback };
      }),
    }));
    // Keep within the per-call budget: drop the extra reports of the last stories first, then stories.
    const budget = runner.maxInputTokens - runner.model.countTokens(briefPrompt.system) - 32;
    const size = (): number => runner.model.countTokens(briefPrompt.render({ title: request.title, topics: request.topics, stories }));
    for (let position = stories.length - 1; position >= 0 && size() > budget; position -= 1) stories[position]?.sources.splice(1);
    while (stories.length > 1 && size() > budget) stories.pop();
    return { title: request.title, topics: request.topics, stories };
  }

  async function composeFresh(request: BriefRequest): Promise<Composed> {
    const now = services.clock.now().toISOString();
    const signal = AbortSignal.timeout(services.deadlineMs);
    const meter = newMeter();
    const options = { signal, meter, now };
    const failures: string[] = [];
    const fail = (step: string, error: unknown): void => {
      failures.push(failureOf(error));
      logger.warn({ step, ...failureFields(error) }, 'LLM step fell back');
    };

    const maxStories = request.maxStories ?? DEFAULT_MAX_STORIES;
    const ranked: StoryCluster[] = rankedStories(request.articles, services.reference);
    let clusters: StoryCluster[] = ranked;
    try {
      const candidates = ranked.slice(0, maxStories * CANDIDATES_PER_STORY);
      clusters = [...(await mergeStories(candidates, runner, options)), ...ranked.slice(candidates.length)];
    } catch (error) {
      fail('story-merge', error);
    }
    const base = composeBrief({ ...request, clusters }, services.reference);
    if (base.stories.length === 0) return { brief: base, notes: [], complete: false };

    const articleById = new Map(request.articles.map((article) => [article.id, article]));
    const bySource = new Map<number, Article>();
    for (const source of base.sources) {
      const article = articleById.get(source.articleId);
      if (article !== undefined) bySource.set(source.n, article);
    }
    const wanted = [...new Set(base.stories.flatMap((story) => pickSources(story, bySource)))].flatMap((n) => bySource.get(n) ?? []);
    const summaries = await summariseArticles(wanted, { runner, store, guard: services.guard, logger }, options);
    const summarised = [...summaries.values()].filter((summary): summary is ArticleSummary => summary !== null);
    if (summarised.length < wanted.length) failures.push('article summaries incomplete');
    const removed: RemovedSentence[] = summarised.flatMap((summary) => summary.removed);

    let output: BriefOutput | null = null;
    try {
      output = await runner.run(briefPrompt, reduceVars(request, base, bySource, summaries), options);
    } catch (error) {
      fail('brief', error);
    }
    if (output === null && summarised.length === 0) {
      const reason = failures.find((failure) => failure !== 'article summaries incomplete') ?? 'unavailable';
      const notes = [`Generated offline: the language model was unavailable (${reason})`];
      return { brief: { ...base, removed, usage: usageOf(meter) }, notes, complete: false };
    }

    const grounding: StoryGrounding = { guard: services.guard, bySource, summaries, removed };
    const stories = base.stories.map((story, position) => groundStory(story, position, output, grounding));
    const overview: CitedSentence[] = [];
    for (const sentence of output?.overview ?? []) {
      const cited = [...new Set(sentence.sources)].filter((n) => bySource.has(n));
      const text = sentence.text.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const verdict =
        cited.length === 0
          ? { ok: false, reasons: ['cites no stored source'] }
          : services.guard.check(
              text,
              cited.map((n) => bySource.get(n) as Article),
            );
      if (verdict.ok) overview.push({ text, sources: cited });
      else removed.push({ place: 'overview', text, reasons: verdict.reasons, replacedBy: null });
    }
    const notes = failures.length === 0 ? [] : ['Parts of this brief are extractive: the language model did not answer every step'];
    if (removed.length > 0) {
      notes.push(
        `${removed.length} model ${removed.length === 1 ? 'sentence' : 'sentences'} failed the check against the sources: replaced by the sources' own words or left out`,
      );
    }
    const brief: Brief = { ...base, overview, stories, summariser: runner.modelName('main'), removed, usage: usageOf(meter) };
    for (const item of removed) logger.info({ place: item.place, reasons: item.reasons }, 'grounding guard removed a sentence');
    return { brief, notes, complete: failures.length === 0 };
  }

  return {
    async compose(request) {
      if (request.articles.length === 0) return composeBrief(request, services.reference);
      const now = services.clock.now();
      const key = briefCacheKey(request, runner.model.models);
      const finish = (cached: CachedBrief, usage: Brief['usage']): Brief => ({
        ...cached.brief,
        title: request.title,
        topics: request.topics,
        window: request.window,
        generatedAt: request.generatedAt,
        notes: [...(request.notes ?? []), ...cached.notes],
        ...(usage === undefined ? {} : { usage }),
      });
      const hit = await store.getCached(BRIEF_CACHE_KIND, key, now.toISOString());
      if (hit !== null) {
        await runner.recordCacheHit(briefPrompt);
        return finish(JSON.parse(hit) as CachedBrief, { calls: 0, cacheHits: 1, inputTokens: 0, outputTokens: 0, estimatedCostUsd: 0 });
      }
      let pending = inFlight.get(key);
      if (pending === undefined) {
        pending = composeFresh(request).then(async (result) => {
          if (result.complete) {
            const expires = new Date(now.getTime() + BRIEF_CACHE_DAYS * 86_400_000).toISOString();
            await store.putCached(BRIEF_CACHE_KIND, key, JSON.stringify({ brief: result.brief, notes: result.notes }), expires);
          }
          return result;
        });
        inFlight.set(key, pending);
        void pending.finally(() => inFlight.delete(key)).catch(() => undefined);
      }
      try {
        const result = await pending;
        return finish(result, result.brief.usage);
      } catch (error) {
        // A bug or a store failure on the LLM path must not cost the reader the brief.
        logger.error({ err: error }, 'LLM brief failed; composing offline');
        const offline = composeBrief(request, services.reference);
        return { ...offline, notes: [...offline.notes, 'Generated offline: the LLM brief failed'] };
      }
    },
  };
}

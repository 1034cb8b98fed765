import type { BriefOutput } from '../../../prompts/index.ts';
import type { Article, CitedSentence, RemovedSentence, Story } from '../../domain/index.ts';
import { contentStems, splitSentences } from '../../pipeline/index.ts';
import { type GroundingGuard, unsafeReasons } from './grounding.ts';
import type { ArticleSummary } from '../writers/index.ts';

export interface StoryGrounding {
  guard: GroundingGuard;
  /** Source number → stored article. */
  bySource: ReadonlyMap<number, Article>;
  summaries: ReadonlyMap<string, ArticleSummary | null>;
  /** Collects what the guard took out. */
  removed: RemovedSentence[];
}

/** Least share of a failed sentence's words its replacement must share to count as where it came from. */
const MIN_ORIGIN_OVERLAP = 0.3;

/**
 * The source sentence a failed model sentence most likely restates: the one of the cited articles
 * sharing most of its content words. Verbatim, so its figures and names are the source's own.
 */
export function originSentence(text: string, articles: readonly Article[], used: ReadonlySet<string>): string | null {
  const wanted = new Set(contentStems(text));
  if (wanted.size === 0) return null;
  let best: { sentence: string; score: number } | null = null;
  for (const article of articles) {
    for (const sentence of splitSentences(article.text)) {
      if (used.has(sentence) || unsafeReasons(sentence).length > 0) continue;
      const stems = new Set(contentStems(sentence));
      let shared = 0;
      for (const stem of wanted) if (stems.has(stem)) shared += 1;
      const score = shared / wanted.size;
      if (best === null || score > best.score) best = { sentence, score };
    }
  }
  return best !== null && best.score >= MIN_ORIGIN_OVERLAP ? best.sentence : null;
}

function citedArticles(numbers: readonly number[], bySource: ReadonlyMap<number, Article>): { cited: number[]; articles: Article[] } {
  const cited = [...new Set(numbers)].filter((n) => bySource.has(n));
  return { cited, articles: cited.map((n) => bySource.get(n) as Article) };
}

/**
 * The offline summary without sentences that could act on a channel: article text may carry planted
 * mentions or commands, and an LLM brief that falls back must not be the way they get through.
 */
function safeSummary(story: Story): CitedSentence[] {
  return story.summary.filter((sentence) => unsafeReasons(sentence.text).length === 0);
}

/** Story summaries from the map step alone, for when the reduce call failed. */
function fromSummaries(story: Story, grounding: StoryGrounding): Story {
  const lead = story.sources[0];
  const article = lead === undefined ? undefined : grounding.bySource.get(lead);
  const summary = article === undefined ? null : (grounding.summaries.get(article.id) ?? null);
  if (summary === null || lead === undefined) return { ...story, summary: safeSummary(story) };
  return { ...story, headline: summary.headline, summary: summary.sentences.map((text) => ({ text, sources: [lead] })) };
}

/**
 * One story of the model's brief after the guard: a headline that fails becomes the lead's title;
 * a bullet that fails (a figure or name not in the sources it cites, no stored source, a link or a
 * mention) is replaced by the source sentence it came from, or dropped; the story never ends empty.
 */
export function groundStory(story: Story, position: number, output: BriefOutput | null, grounding: StoryGrounding): Story {
  const written = output?.stories.find((candidate) => candidate.story === position + 1);
  if (written === undefined) return fromSummaries(story, grounding);
  const place = `story ${position + 1}`;
  const storyArticles = story.sources.flatMap((n) => grounding.bySource.get(n) ?? []);

  let headline = written.headline.replace(/\s+/g, ' ').trim();
  const headlineVerdict = grounding.guard.check(headline, storyArticles);
  if (headline === '' || !headlineVerdict.ok) {
    if (headline !== '') grounding.removed.push({ place: `${place} headline`, text: headline, reasons: headlineVerdict.reasons, replacedBy: story.headline });
    headline = story.headline;
  }

  const summary: CitedSentence[] = [];
  const used = new Set<string>();
  for (const bullet of written.bullets) {
    const text = bullet.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const { cited, articles } = citedArticles(bullet.sources, grounding.bySource);
    const verdict = cited.length === 0 ? { ok: false, reasons: ['cites no stored source'] } : grounding.guard.check(text, articles);
    if (verdict.ok) {
      summary.push({ text, sources: cited });
      used.add(text);
      continue;
    }
    const fromArticles = cited.length === 0 ? storyArticles : articles;
    const origin = originSentence(text, fromArticles, used);
    const originSource =
      origin === null ? undefined : [...grounding.bySource].find(([, article]) => fromArticles.includes(article) && article.text.includes(origin));
    grounding.removed.push({ place, text, reasons: verdict.reasons, replacedBy: origin });
    if (origin !== null && originSource !== undefined) {
      used.add(origin);
      summary.push({ text: origin, sources: [originSource[0]] });
    }
  }
  return { ...story, headline, summary: summary.length > 0 ? summary : safeSummary(story) };
}

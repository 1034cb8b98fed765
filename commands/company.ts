import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { type Article, type Reply, type ReplyLine, type SourceRef, UserFacingError } from '../src/domain/index.ts';
import {
  aboutness,
  clusterStories,
  entityTone,
  findMovers,
  moveFigureLabel,
  moveTone,
  onlyDeclinesComment,
  rankSentences,
  TONE_MARK,
  mostAbout,
} from '../src/brief/index.ts';
import { type Command, parseOptions } from '../src/dispatch/index.ts';
import { entityNames, leadingHeadingLength, type ReferenceEntity, splitSentences } from '../src/pipeline/index.ts';
import { entityTitle, resolveCompany } from './resolve.ts';

const usage = '/company <name or ticker>';
const schema = z.object({ name: z.string({ message: 'name a company' }).trim().min(1, 'name a company') });
const MAX_ARTICLES = 5;
/**
 * The latest articles naming the company, among which the MAX_ARTICLES shown are those most about
 * it: its name in the headline, then mentioned more than once, then in passing (`mostAbout`).
 */
const CANDIDATES = 30;

/**
 * The article's best-ranked sentence that names the company; else the first sentence naming it
 * that summaries leave out only for its form (the opening of a quotation that runs on, closed
 * here); else its best sentence.
 */
function keySentence(article: Article, entity: ReferenceEntity): string {
  const names = entityNames(entity);
  const ranked = rankSentences(article.text, { title: article.title, entityNames: [entity.name, ...entity.aliases] });
  const naming = names === null ? undefined : ranked.find((candidate) => names.test(candidate.sentence));
  if (naming !== undefined) return naming.sentence;
  const quoted = names === null ? undefined : splitSentences(article.text).find((sentence) => names.test(sentence) && !onlyDeclinesComment(sentence));
  if (quoted !== undefined) return closeQuotation(quoted.slice(leadingHeadingLength(quoted)));
  return ranked[0]?.sentence ?? article.title;
}

/** A sentence that opens a quotation without closing it, closed at its end (the speaker's words go on after it). */
function closeQuotation(sentence: string): string {
  const straight = sentence.split('"').length - 1;
  const opened = sentence.split('“').length - sentence.split('”').length;
  return `${sentence}${straight % 2 === 1 ? '"' : ''}${opened > 0 ? '”' : ''}`;
}

/** Reports of the same event kept in another outlet's words cited with the one shown, not listed again. */
const MAX_OTHER_REPORTS = 2;

/**
 * The latest articles (newest first) grouped into stories as briefs group them (clusterStories):
 * for each, the report most about the company, the newest among equals, and up to
 * MAX_OTHER_REPORTS others; in the order of each story's newest report.
 */
function oneReportAStory(latest: readonly Article[], entity: ReferenceEntity): Array<{ shown: Article; others: Article[] }> {
  const degree = aboutness(entity);
  const position = new Map(latest.map((article, index) => [article.id, index]));
  const at = (article: Article) => position.get(article.id) ?? 0;
  return clusterStories(latest)
    .map((cluster) => {
      const members = [...cluster.articles].sort((a, b) => degree(b) - degree(a) || at(a) - at(b));
      const [shown, ...rest] = members as [Article, ...Article[]];
      return { shown, others: rest.sort((a, b) => at(a) - at(b)).slice(0, MAX_OTHER_REPORTS), first: Math.min(...members.map(at)) };
    })
    .sort((a, b) => a.first - b.first)
    .map(({ shown, others }) => ({ shown, others }));
}

/** " (2026-12-05)": the publication date (else the day it was stored), so old news reads as old. */
function dated(article: Article): string {
  return ` (${(article.publishedAt ?? article.ingestedAt).slice(0, 10)})`;
}

export default {
  name: 'company',
  description: 'What the bot has read about a company, with cited sources',
  usage,
  examples: ['/company Alibaba', '/company 9988.HK', '/company NVDA'],
  options: [{ name: 'name', description: 'A company name or ticker', type: 'string', required: true, rest: true, autocomplete: 'company' }],
  adminOnly: false,
  async run(options, _context, services) {
    const { name } = parseOptions(schema, options, usage);
    const entity = await resolveCompany(services.reference, services.store, name);
    const stories = oneReportAStory(await services.store.listArticles({ entityIds: [entity.id], limit: CANDIDATES }), entity);
    const articles = mostAbout(
      stories.map((story) => story.shown),
      entity,
      MAX_ARTICLES,
    );
    const others = new Map(stories.map((story) => [story.shown.id, story.others]));
    if (articles.length === 0) {
      throw new UserFacingError(`I have not read anything about ${entityTitle(entity)} yet.`);
    }
    // Each shown article first, numbered as its line; the other reports of its story after them.
    const cited = [...articles, ...articles.flatMap((article) => others.get(article.id) ?? [])];
    const sources: SourceRef[] = cited.map((article, index) => ({
      n: index + 1,
      articleId: article.id,
      title: article.title,
      url: article.url,
      source: article.source,
      publishedAt: article.publishedAt,
    }));
    const numberOf = new Map(cited.map((article, index) => [article.id, index + 1]));
    const tones: Array<ReturnType<typeof entityTone>['label']> = [];
    const latest: ReplyLine[] = [];
    // Each shown article's move of this company, newest first, with its date: a move read weeks ago
    // must not pass for today's. Two stories reporting the same move on the same day give one line.
    const moves: ReplyLine[] = [];
    const listed = new Set<string>();
    for (const [index, article] of articles.entries()) {
      // One article's sentences per turn of the event loop: other interactions are acknowledged between them.
      await nextTurn();
      const mover = findMovers([article], services.reference, 50).find((candidate) => candidate.entityId === entity.id);
      // The tone towards this company, from the clauses about it, not the whole article's; but the
      // article's news of its shares moving on the day is the market's verdict ("Apple shares dropped
      // 4.2 percent" outweighs "after a meteoric rise of 43 percent this year, Apple was ripe for profit taking").
      const tone = mover !== undefined && mover.horizon == null ? moveTone(mover.direction) : entityTone(article, entity.id, services.reference).label;
      tones.push(tone);
      const story = [index + 1, ...(others.get(article.id) ?? []).map((other) => numberOf.get(other.id) ?? 0)];
      latest.push({ label: `${TONE_MARK[tone]} ${article.title}${dated(article)}`, text: keySentence(article, entity), sources: story, tone });
      if (mover === undefined) continue;
      const label = `${moveFigureLabel(mover)}${dated(article)}`;
      if (listed.has(label)) continue;
      listed.add(label);
      moves.push({ label, text: mover.excerpt, sources: [index + 1], tone: moveTone(mover.direction) });
    }
    const positive = tones.filter((tone) => tone === 'positive').length;
    const negative = tones.filter((tone) => tone === 'negative').length;
    const reply: Reply = {
      title: entityTitle(entity),
      lead: {
        text: `${articles.length} latest ${articles.length === 1 ? 'article' : 'articles'}, newest published ${(articles[0]?.publishedAt ?? articles[0]?.ingestedAt ?? '').slice(0, 10)} · ${TONE_MARK.positive} ${positive} positive, ${TONE_MARK.negative} ${negative} negative`,
        sources: [],
      },
      sections: [...(moves.length > 0 ? [{ heading: 'Moves', lines: moves }] : []), { heading: 'Latest', lines: latest }],
      sources,
      visibility: 'ephemeral',
      tone: positive > negative ? 'positive' : negative > positive ? 'negative' : 'neutral',
    };
    return reply;
  },
} satisfies Command;

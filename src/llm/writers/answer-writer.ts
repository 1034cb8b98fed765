import { createHash } from 'node:crypto';
import { answerPrompt, type AnswerVars } from '../../../prompts/index.ts';
import type { AnswerCandidate, Article, RemovedSentence, Reply, ReplyLine, SourceRef } from '../../domain/index.ts';
import type { GroundingGuard } from '../grounding/index.ts';
import { type AnswerWriter, type Clock, type Logger, type Store } from '../../ports/index.ts';
import { newMeter, type PromptRunner } from '../runner.ts';
import { failureFields } from './failure-fields.ts';

export interface AnswerWriterServices {
  /** Answers offline (quotes the sentences) when the model cannot or will not. */
  fallback: AnswerWriter;
  runner: PromptRunner;
  store: Store;
  guard: GroundingGuard;
  clock: Clock;
  logger: Logger;
  deadlineMs: number;
}

export const ANSWER_CACHE_KIND = 'llm-answer';
const ANSWER_CACHE_HOURS = 6;
const MAX_SOURCES = 6;
const MAX_PASSAGES = 6;

interface CachedAnswer {
  lines: ReplyLine[];
  sources: SourceRef[];
  removed: RemovedSentence[];
}

function groupBySource(candidates: readonly AnswerCandidate[]): Array<{ article: Article; passages: string[] }> {
  const groups = new Map<string, { article: Article; passages: string[] }>();
  for (const candidate of candidates) {
    let group = groups.get(candidate.article.id);
    if (group === undefined) {
      if (groups.size >= MAX_SOURCES) continue;
      group = { article: candidate.article, passages: [] };
      groups.set(candidate.article.id, group);
    }
    if (group.passages.length < MAX_PASSAGES && !group.passages.includes(candidate.sentence)) group.passages.push(candidate.sentence);
  }
  return [...groups.values()];
}

export function createAnswerWriter(services: AnswerWriterServices): AnswerWriter {
  const { runner, store, guard, logger } = services;

  async function compose(question: string, groups: Array<{ article: Article; passages: string[] }>): Promise<CachedAnswer | null> {
    let offered: AnswerVars['sources'][number][] = groups.map((group, position) => ({
      n: position + 1,
      outlet: group.article.source,
      title: group.article.title,
      publishedAt: group.article.publishedAt,
      passages: group.passages,
    }));
    const budget = runner.maxInputTokens - runner.model.countTokens(answerPrompt.system) - 32;
    while (offered.length > 1 && runner.model.countTokens(answerPrompt.render({ question, sources: offered })) > budget) {
      const last = offered[offered.length - 1];
      if (last !== undefined && last.passages.length > 1) offered = [...offered.slice(0, -1), { ...last, passages: last.passages.slice(0, -1) }];
      else offered = offered.slice(0, -1);
    }
    const vars: AnswerVars = { question, sources: offered };
    const output = await runner.run(answerPrompt, vars, { signal: AbortSignal.timeout(services.deadlineMs), meter: newMeter() });
    if (!output.answerable) return null;
    const lines: ReplyLine[] = [];
    const removed: RemovedSentence[] = [];
    const used = new Set<number>();
    for (const sentence of output.sentences) {
      const text = sentence.text.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const cited = [...new Set(sentence.sources)].filter((n) => n >= 1 && n <= vars.sources.length);
      const articles = cited.map((n) => groups[n - 1]?.article).filter((article): article is Article => article !== undefined);
      const verdict = cited.length === 0 ? { ok: false, reasons: ['cites no stored source'] } : guard.check(text, articles);
      if (!verdict.ok) {
        removed.push({ place: 'answer', text, reasons: verdict.reasons, replacedBy: null });
        continue;
      }
      for (const n of cited) used.add(n);
      lines.push({ text, sources: cited });
    }
    if (lines.length === 0) return null;
    // Renumber so the reply lists only the sources the answer cites, in order of first citation.
    const order = [...used].sort((a, b) => a - b);
    const renumber = new Map(order.map((n, position) => [n, position + 1]));
    const sources: SourceRef[] = order.map((n) => {
      const article = groups[n - 1]?.article as Article;
      return {
        n: renumber.get(n) ?? 0,
        articleId: article.id,
        title: article.title,
        url: article.url,
        source: article.source,
        publishedAt: article.publishedAt,
      };
    });
    for (const line of lines) line.sources = line.sources.map((n) => renumber.get(n) ?? 0);
    return { lines, sources, removed };
  }

  return {
    async answer(question, candidates) {
      const groups = groupBySource(candidates);
      if (groups.length === 0) return services.fallback.answer(question, candidates);
      const now = services.clock.now();
      const identity = JSON.stringify({
        question: question.trim().toLowerCase().replace(/\s+/g, ' '),
        sources: groups.map((group) => [group.article.contentHash, group.passages]),
        prompt: `${answerPrompt.id}@${answerPrompt.version}`,
        model: runner.modelName(answerPrompt.tier),
      });
      const key = createHash('sha256').update(identity).digest('hex');
      let answer: CachedAnswer | null;
      const hit = await store.getCached(ANSWER_CACHE_KIND, key, now.toISOString());
      if (hit !== null) {
        await runner.recordCacheHit(answerPrompt);
        answer = JSON.parse(hit) as CachedAnswer;
      } else {
        try {
          answer = await compose(question, groups);
        } catch (error) {
          logger.warn(failureFields(error), 'answer fell back to extractive');
          return services.fallback.answer(question, candidates);
        }
        if (answer === null) return services.fallback.answer(question, candidates);
        await store.putCached(ANSWER_CACHE_KIND, key, JSON.stringify(answer), new Date(now.getTime() + ANSWER_CACHE_HOURS * 3_600_000).toISOString());
      }
      for (const item of answer.removed) logger.info({ place: item.place, reasons: item.reasons }, 'grounding guard removed a sentence');
      const checked =
        answer.removed.length === 0 ? '' : ` · ${answer.removed.length} unsupported ${answer.removed.length === 1 ? 'sentence' : 'sentences'} removed`;
      return {
        title: question.length > 200 ? `${question.slice(0, 197)}…` : question,
        sections: [{ heading: 'From what I have read', lines: answer.lines }],
        sources: answer.sources,
        visibility: 'ephemeral',
        footer: `Answered by ${runner.modelName(answerPrompt.tier)} from the sources, every sentence, figure and name checked against them${checked}`,
      };
    },
  };
}

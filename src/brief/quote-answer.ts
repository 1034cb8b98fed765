import type { AnswerCandidate, Reply, SourceRef } from '../domain/index.ts';
import type { AnswerWriter } from '../ports/index.ts';

const MAX_SENTENCES = 3;

/**
 * The offline answer writer: quotes the best retrieved sentences verbatim (at most two from one
 * article), each with its source. `footer` says why the answer is quoted rather than written.
 */
export function createQuotingAnswerWriter(footer: string): AnswerWriter {
  return { answer: async (question, candidates) => quoteAnswer(question, candidates, footer) };
}

/** The writer used when no model is configured. */
export const quotingAnswerWriter = createQuotingAnswerWriter('Quoted from the sources (offline answer, no LLM configured)');

/** The fallback of the model's writer: the same quotes, saying the model did not answer. */
export const fallbackAnswerWriter = createQuotingAnswerWriter('Quoted from the sources (offline answer: the language model did not answer)');

function quoteAnswer(question: string, candidates: readonly AnswerCandidate[], footer: string): Reply {
  const chosen: AnswerCandidate[] = [];
  const perArticle = new Map<string, number>();
  for (const candidate of candidates) {
    const used = perArticle.get(candidate.article.id) ?? 0;
    if (used >= 2 || chosen.some((other) => other.sentence === candidate.sentence)) continue;
    chosen.push(candidate);
    perArticle.set(candidate.article.id, used + 1);
    if (chosen.length >= MAX_SENTENCES) break;
  }

  const title = question.length > 200 ? `${question.slice(0, 197)}…` : question;
  if (chosen.length === 0) {
    return {
      title,
      sections: [
        {
          heading: '',
          lines: [
            {
              text: "I haven't read anything that answers this yet: nothing stored matches what the question asks about. Try /company <name> or /market <name> for what I have read about a company or market, or /topics.",
              sources: [],
            },
          ],
        },
      ],
      sources: [],
      visibility: 'ephemeral',
    };
  }
  const sources: SourceRef[] = [];
  const numberOf = new Map<string, number>();
  for (const candidate of chosen) {
    if (numberOf.has(candidate.article.id)) continue;
    const n = sources.length + 1;
    numberOf.set(candidate.article.id, n);
    const article = candidate.article;
    sources.push({ n, articleId: article.id, title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt });
  }
  return {
    title,
    sections: [
      {
        heading: 'From what I have read',
        lines: chosen.map((candidate) => ({ text: candidate.sentence, sources: [numberOf.get(candidate.article.id) ?? 0] })),
      },
    ],
    sources,
    visibility: 'ephemeral',
    footer,
  };
}

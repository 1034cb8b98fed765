import type { Article } from './article.ts';
import type { LlmServices } from './llm-services.ts';
import type { Store } from './ports.ts';
import type { ReferenceIndex } from './reference.ts';
import type { Reply, SourceRef } from './reply.ts';
import { splitSentences } from './sentences.ts';

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i ' +
    'if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she ' +
    'should so some such than that the their them then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your latest news today recently happened happening ' +
    'tell say said says think going market markets stock stocks'
  ).split(' '),
);

/** Crude stem: lowercase and the first five letters, enough to match surge/surged/surges. */
function stem(word: string): string {
  return word.toLowerCase().slice(0, 5);
}

function contentWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}&.'’-]*/gu) ?? [])
    .map((word) => word.replace(/[.'’-]+$/u, ''))
    .filter((word) => word.length > 1 && !STOPWORDS.has(word.toLowerCase()));
}

interface Candidate {
  sentence: string;
  article: Article;
  score: number;
}

const MAX_ARTICLES = 8;
const MAX_SENTENCES = 3;

/**
 * Answers a question from stored articles, offline: full-text retrieval, then the sentences that
 * share the most (rare) words with the question, quoted verbatim with their sources.
 */
export async function answerQuestion(
  question: string,
  services: { store: Store; reference: ReferenceIndex; llm?: LlmServices | undefined },
): Promise<Reply> {
  const words = contentWords(question);
  // Names and tickers in the question pull in the entity's other names ("BABA" finds "Alibaba").
  const expansions = words.flatMap((word) => {
    const entity = services.reference.lookup(word);
    return entity === null ? [] : [entity.name, ...entity.aliases.slice(0, 3)];
  });
  const terms = [...words, ...expansions.flatMap(contentWords)];
  const hits = terms.length === 0 ? [] : await services.store.search(terms.join(' '), { limit: MAX_ARTICLES });
  const stems = new Set(terms.map(stem));

  const candidates: Candidate[] = [];
  hits.forEach((hit, rank) => {
    for (const sentence of splitSentences(hit.article.text)) {
      const sentenceStems = new Set(contentWords(sentence).map(stem));
      let overlap = 0;
      for (const wanted of stems) if (sentenceStems.has(wanted)) overlap += 1;
      if (overlap === 0) continue;
      candidates.push({ sentence, article: hit.article, score: overlap / Math.sqrt(stems.size) + 0.5 / (rank + 1) });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  // With a model configured it answers from the same retrieved sentences; null means answer offline.
  if (services.llm !== undefined && candidates.length > 0) {
    const written = await services.llm.answers.answer(question, candidates);
    if (written !== null) return written;
  }

  const chosen: Candidate[] = [];
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
      sections: [{ heading: '', lines: [{ text: "I haven't read anything that answers this yet. Try /topics to see what I have read.", sources: [] }] }],
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
    footer:
      services.llm === undefined
        ? 'Quoted from the sources (offline answer, no LLM configured)'
        : 'Quoted from the sources (offline answer: the language model did not answer)',
  };
}

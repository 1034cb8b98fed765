import type { Article, Sentiment, SentimentLabel } from '../domain/index.ts';
import { entityNames, type ReferenceIndex, sentenceSentiment, splitSentences } from '../pipeline/index.ts';
import { type Candidate, isRelativeClause, type Mention, mentionsIn, subjectMentions } from './clause-subject.ts';
import { clauses } from './move-grammar.ts';
import { candidatesOf } from './mention-candidates.ts';

/**
 * The tone of one passage. The only place entity tones are scored, so a trained sentence
 * classifier can replace the lexicon here.
 */
export function passageTone(passage: string): Sentiment {
  return sentenceSentiment(passage);
}

const LABEL_AT = 0.15;
const MIXED_BALANCE = 0.6;

/** The clauses of a text whose subject is the entity ("BYD, which has been gaining ground on Tesla" is BYD's). */
export function clausesAbout(text: string, entityId: string, candidates: readonly Candidate[]): string[] {
  const own = candidates.find((candidate) => candidate.id === entityId);
  if (own === undefined) return [];
  const found: string[] = [];
  for (const sentence of splitSentences(text)) {
    if (!own.names.test(sentence)) continue;
    let inherited: Mention | null = null;
    for (const clause of clauses(sentence)) {
      const mentions = mentionsIn(clause, candidates);
      const subjects = subjectMentions(clause, mentions);
      const about =
        subjects.length > 0 ? subjects.some((mention) => mention.entityId === entityId) : isRelativeClause(clause) && inherited?.entityId === entityId;
      // A clause that is only the name ("BYD" before ", which …") has no tone of its own.
      if (about && /\p{L}{3}/u.test(clause.slice(mentions.at(-1)?.end ?? 0))) found.push(clause);
      inherited = mentions.at(-1) ?? null;
    }
  }
  return found;
}

/**
 * The tone of an article towards one entity: from the clauses whose subject it is, not from the
 * whole article. Neutral when no clause is about it.
 */
export function entityTone(article: Pick<Article, 'title' | 'text' | 'entities'>, entityId: string, reference: ReferenceIndex): Sentiment {
  const candidates = candidatesOf(article, reference);
  const passages = [...clausesAbout(article.title, entityId, candidates), ...clausesAbout(article.text, entityId, candidates)];
  if (passages.length === 0) return { label: 'neutral', score: 0 };
  let positive = 0;
  let negative = 0;
  for (const passage of passages) {
    const { score } = passageTone(passage);
    if (score > 0) positive += score;
    else negative -= score;
  }
  const score = Math.round(((positive - negative) / passages.length) * 1000) / 1000;
  const weaker = Math.min(positive, negative);
  const label: SentimentLabel =
    weaker >= 0.5 && weaker >= Math.max(positive, negative) * MIXED_BALANCE
      ? 'mixed'
      : score >= LABEL_AT
        ? 'positive'
        : score <= -LABEL_AT
          ? 'negative'
          : 'neutral';
  return { label, score };
}

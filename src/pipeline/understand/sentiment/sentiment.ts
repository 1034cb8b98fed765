import type { Sentiment, SentimentLabel } from '../../../domain/index.ts';
import { splitSentences } from '../../clean/index.ts';
import { headlineTone } from './linear-model.ts';
import { rawSentenceScore } from './sentence.ts';

// Offline finance sentiment from a hand-written lexicon and a few rules of financial language
// (see docs/sentiment.md for the method, the measured accuracy and the limits).

const LABEL_THRESHOLD = 0.5;
const TITLE_WEIGHT = 3;
const ARTICLE_THRESHOLD = 0.15;
const MIXED_MINIMUM = 1;
const MIXED_BALANCE = 0.6;

/** The tone of one sentence: positive, negative or neutral, with a score in -1…1. */
export function sentenceSentiment(sentence: string): Sentiment {
  const raw = rawSentenceScore(sentence);
  return { label: labelOf(raw), score: squash(raw) };
}

/**
 * The tone of an article. The title weighs as much as three body sentences and early sentences
 * more than late ones; `mixed` when strong good news and strong bad news share the article.
 */
export function scoreSentiment(title: string, text: string): Sentiment {
  const weighted: Array<{ score: number; weight: number }> = [];
  // Headlines are short: the trained model decides where the lexicon finds no tone (docs/sentiment.md).
  if (title.trim() !== '') weighted.push({ score: headlineScore(title), weight: TITLE_WEIGHT });
  splitSentences(text).forEach((sentence, position) => {
    weighted.push({ score: squash(rawSentenceScore(sentence)), weight: Math.max(0.4, 1 - position * 0.04) });
  });
  let positive = 0;
  let negative = 0;
  let total = 0;
  for (const { score, weight } of weighted) {
    if (score > 0) positive += score * weight;
    else negative -= score * weight;
    total += weight;
  }
  if (total === 0) return { label: 'neutral', score: 0 };
  // Net tone over the polar mass, damped in long articles where few sentences carry any tone.
  const score = clamp((positive - negative) / Math.max(positive + negative, total * 0.25, 1));
  const weaker = Math.min(positive, negative);
  if (weaker >= MIXED_MINIMUM && weaker >= Math.max(positive, negative) * MIXED_BALANCE) {
    return { label: 'mixed', score: round(score) };
  }
  const label: SentimentLabel = score >= ARTICLE_THRESHOLD ? 'positive' : score <= -ARTICLE_THRESHOLD ? 'negative' : 'neutral';
  return { label, score: round(score) };
}

/** The headline's tone in -1…1: the lexicon's when it calls one, else the trained model's (weak tones damped). */
function headlineScore(title: string): number {
  const result = headlineTone(title);
  return result.by === 'lexicon' ? result.score : round(result.label === 'neutral' ? 0 : result.score);
}

function labelOf(raw: number): SentimentLabel {
  if (raw >= LABEL_THRESHOLD) return 'positive';
  if (raw <= -LABEL_THRESHOLD) return 'negative';
  return 'neutral';
}

function squash(raw: number): number {
  return round(Math.tanh(raw / 1.5));
}

function clamp(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

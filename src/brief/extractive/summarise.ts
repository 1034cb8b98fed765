import { patternWholeWords, splitSentences, usableName, type WholeWords } from '../../pipeline/index.ts';
import { tidySentence } from './hygiene.ts';
import { centrality, contentTerms, cosine, type TermVector, termVectors } from './text-rank.ts';
import { escapeRegExp } from '../../domain/index.ts';

// The offline summariser, used when no language model is configured: LexRank-style centrality
// over the article's own sentences, biased toward early sentences, sentences naming the article's
// entities or sharing the title's words, and sentences carrying figures; boilerplate, questions,
// bare quotations and very short or very long sentences never compete.

/** A sentence with its place in the text (index among splitSentences(text)) and its rank score; the sentence is tidied (see hygiene.ts). */
export interface RankedSentence {
  index: number;
  sentence: string;
  score: number;
}

const MIN_WORDS = 6;
const MAX_WORDS = 60;
// Long texts (earnings-call transcripts) are ranked on their first sentences only: the graph stays
// small and the prepared remarks, where results are stated, come first.
const MAX_GRAPH_SENTENCES = 300;
const REDUNDANT_SIMILARITY = 0.5;
// A sentence sharing few words with the rest (a late, specific fact) still competes on its prior.
const CENTRALITY_FLOOR = 0.5;
const DEFAULT_SUMMARY_SENTENCES = 3;
// A sentence whose person is only a pronoun: opening with one ("He was…", "She added that…") or
// quoted from one ('"…," he said'), with no name of its own before the attribution.
const DANGLING_PERSON =
  /^(?:He|She|His|Her|They|Their)\b|^["“][^"”]*["”],?\s+(?:he|she)\s+(?:said|says|added|adds|told|noted|wrote|explained|argued|warned)\b/u;
// The lede is the text's first sentence, or its second after a line the cleaner left (a dateline, a standfirst).
const LEDE_SENTENCES = 1;
// When a news lede says it happened: a weekday, today or yesterday, a part of today, or a dated day.
const NEWS_TIME =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|overnight|this\s+(?:morning|afternoon|evening|week))\b|\bon\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b/u;

// Lines that are about the page, the call or the legal small print rather than the story.
const BOILERPLATE = [
  /©|\b(?:all rights reserved|copyright|click here|read more|sign up|subscribe|newsletter|follow us|terms of (?:use|service)|privacy policy|cookies?\b)/i,
  /\b(?:forward[- ]looking statements?|safe harbor|undue reliance|actual results (?:may|could) differ|risk factors|non-gaap (?:financial )?measures?(?: can be found| is included| are included)?|reconciliation)\b/i,
  /\b(?:reporting by|editing by|writing by|additional reporting|compiled by|contributed to this|for more (?:news|information))\b/i,
  /\b(?:good (?:morning|afternoon|evening)|thank you|thanks,? (?:everyone|operator)|welcome (?:to|everyone)|(?:earnings|conference) call|question-and-answer|q&a session|operator instructions|joining us|replay of|webcast|press release (?:is|was) available|on slide \d+|presentation (?:is|was) available|(?:turn|hand) (?:it|the call|things) (?:over|back)|open (?:it|the call|the line) (?:up )?for questions)\b/i,
  /\b(?:news digest|top (?:\w+ )?(?:news )?stories (?:over|of|from)|(?:let['’]s|let us) (?:remind ourselves|recap|take a look)|(?:will not|won['’]t) let you miss|in this (?:article|post|guide)|here['’]s (?:what|everything) you need to know)\b/i,
  /\b(?:this (?:article|story|report) (?:was|is|has)|not (?:investment|financial) advice|disclaimer|sponsored|advertisement|trending|related:?\s|image (?:source|credit)|photo:)/i,
  /https?:\/\/|www\.|@\w+\.\w+/i,
];

/** Every candidate sentence of the text with its score, best first. */
export function rankSentences(text: string, options: { title?: string; entityNames?: readonly string[] } = {}): RankedSentence[] {
  return rankWithTerms(text, options).map(({ index, sentence, score }) => ({ index, sentence, score }));
}

/** rankSentences, each sentence with its content terms (summariseExtractive weighs them again). */
function rankWithTerms(text: string, options: { title?: string; entityNames?: readonly string[] }): Array<RankedSentence & { terms: string[] }> {
  const sentences = splitSentences(text);
  const candidates: Array<{ index: number; sentence: string }> = [];
  for (const [index, raw] of sentences.entries()) {
    if (candidates.length >= MAX_GRAPH_SENTENCES) break;
    const sentence = tidySentence(raw, index === sentences.length - 1);
    if (sentence !== null && isCandidate(sentence, options.title)) candidates.push({ index, sentence });
  }
  if (candidates.length === 0) return [];
  // The title is weighed in the same IDF space as the sentences.
  const termLists = candidates.map(({ sentence }) => contentTerms(sentence));
  const withTitle = termVectors(options.title === undefined ? termLists : [...termLists, contentTerms(options.title)]);
  const vectors = withTitle.slice(0, candidates.length);
  const titleVector = options.title === undefined ? undefined : withTitle[candidates.length];
  // A name found nowhere in the candidates is found in none of them: only the others are tried per sentence.
  const joined = candidates.map(({ sentence }) => sentence).join('\n');
  const entityNames = (options.entityNames ?? [])
    .filter(usableName)
    .map(nameMatcher)
    .filter((names) => names.test(joined));

  const prior = candidates.map(({ sentence }, order) => {
    const position = 1 + 1.5 / (1 + order / 3); // the lead of a news story states its news
    const entities = entityNames.filter((names) => names.test(sentence)).length;
    const entityWeight = 1 + 0.6 * Math.min(entities, 3);
    const vector = vectors[order];
    const titleWeight = titleVector === undefined || vector === undefined ? 1 : 1 + 2 * cosine(vector, titleVector);
    const figureWeight = /\d/.test(sentence) && /[%$€£¥]|\b(?:percent|pct|cents?|million|billion|bn|mn|eps|per share)\b/i.test(sentence) ? 1.5 : 1;
    return position * entityWeight * titleWeight * figureWeight;
  });
  const central = centrality(vectors, prior);
  return candidates
    .map(({ index, sentence }, order) => ({
      index,
      sentence,
      score: round((CENTRALITY_FLOOR + (central[order] ?? 0)) * (prior[order] ?? 1)),
      terms: termLists[order] ?? [],
    }))
    .sort((left, right) => right.score - left.score || left.index - right.index);
}

/** The best sentences of an article, at most `maxSentences` (default 3), in document order. */
export function summariseExtractive(
  input: { title: string; text: string; entityNames?: readonly string[] },
  options: { maxSentences?: number } = {},
): string[] {
  const limit = options.maxSentences ?? DEFAULT_SUMMARY_SENTENCES;
  if (limit <= 0) return [];
  const rankOptions: { title: string; entityNames?: readonly string[] } = { title: input.title };
  if (input.entityNames !== undefined) rankOptions.entityNames = input.entityNames;
  const ranked = rankWithTerms(input.text, rankOptions);
  const vectors = termVectors(ranked.map(({ terms }) => terms));
  // A news story's lede states its news ("Stocks tumbled to 5-year lows on Wednesday as …"): it is
  // always in the summary, however many names and figures a later sentence carries ("Boeing's
  // shares fell 7.5%"). A lede tells when ("on Wednesday") or echoes the headline; a feature's
  // opening line ("The end of the year is just a date on the calendar") does neither and competes.
  const lede = input.title.trim() === '' ? -1 : ledeOrder(ranked, input.title);
  const order = lede < 0 ? [...ranked.keys()] : [lede, ...[...ranked.keys()].filter((at) => at !== lede)];
  const inText = ranked.map(({ index }) => index).sort((a, b) => a - b);
  const previousCandidate = new Map(inText.map((index, at) => [index, inText[at - 1]]));
  const pick = (namedOnly: boolean) => {
    const chosen: Array<{ index: number; sentence: string; terms: TermVector }> = [];
    for (const at of order) {
      const candidate = ranked[at];
      const vector = vectors[at];
      if (chosen.length >= limit) break;
      if (candidate === undefined || vector === undefined) continue;
      // A sentence that repeats one already chosen adds nothing to a three-line summary.
      if (chosen.some((previous) => cosine(previous.terms, vector) >= REDUNDANT_SIMILARITY)) continue;
      // "He was previously managing director…": a person named only by a pronoun is named in the
      // candidate sentence before (quotations and boilerplate between never compete), which the
      // summary must then hold too.
      const before = previousCandidate.get(candidate.index);
      if (namedOnly && DANGLING_PERSON.test(candidate.sentence) && !chosen.some((previous) => previous.index === before)) continue;
      chosen.push({ index: candidate.index, sentence: candidate.sentence, terms: vector });
    }
    return chosen;
  };
  // Only when every sentence that could be shown names its person by a pronoun is one shown (the
  // headline then names them: "A16z elevates former commissioner Quintenz …").
  const picked = pick(true);
  const chosen = picked.length > 0 ? picked : pick(false);
  return chosen.sort((left, right) => left.index - right.index).map(({ sentence }) => sentence);
}

/** Where the lede is among the ranked sentences (the text's first or second sentence, when it competes and reads as news), or -1. */
function ledeOrder(ranked: ReadonlyArray<RankedSentence & { terms: readonly string[] }>, title: string): number {
  let best = -1;
  for (const [at, { index }] of ranked.entries()) {
    if (index <= LEDE_SENTENCES && (best < 0 || index < (ranked[best]?.index ?? Infinity))) best = at;
  }
  const lede = ranked[best];
  if (lede === undefined) return -1;
  const titleTerms = new Set(contentTerms(title));
  return NEWS_TIME.test(lede.sentence) || lede.terms.some((term) => titleTerms.has(term)) ? best : -1;
}

function isCandidate(sentence: string, title: string | undefined): boolean {
  const words = sentence.split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  if (sentence.endsWith('?') || BOILERPLATE.some((pattern) => pattern.test(sentence))) return false;
  if (title !== undefined && sentence.trim().toLowerCase() === title.trim().toLowerCase()) return false;
  return !isBareQuotation(sentence) && /\p{Ll}/u.test(sentence);
}

// A quotation with at most a short attribution ('"We are pleased," he said.') is colour, not news.
function isBareQuotation(sentence: string): boolean {
  const share = quotedShare(sentence);
  if (share >= 0.6) return true;
  if (share === 0 || !/^["“‘']/u.test(sentence)) return false;
  const unquoted = sentence
    .replace(/["“][^"”]*["”]?/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  return unquoted.length <= 8;
}

// The share of a sentence's letters inside quotation marks: a bare quotation is colour, not news.
function quotedShare(sentence: string): number {
  const letters = sentence.replace(/[^\p{L}]/gu, '').length;
  if (letters === 0) return 1;
  let quoted = 0;
  for (const match of sentence.matchAll(/["“]([^"”]*)["”]?/g)) quoted += (match[1] ?? '').replace(/[^\p{L}]/gu, '').length;
  return quoted / letters;
}

// Name matchers by name: the same names (an article's entities, a company and its aliases) come
// back on every brief. Whole words, any case, found without compiling Unicode classes per name.
const NAME_MATCHERS = 4_096;
const nameMatchers = new Map<string, WholeWords>();

/** Finds `name` (any case, any run of spaces between its words) as whole words. */
function nameMatcher(name: string): WholeWords {
  const known = nameMatchers.get(name);
  if (known !== undefined) return known;
  const matcher = patternWholeWords(escapeRegExp(name.trim()).replace(/\s+/g, '\\s+'), 'iu');
  if (nameMatchers.size >= NAME_MATCHERS) nameMatchers.clear();
  nameMatchers.set(name, matcher);
  return matcher;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

// "What did the Fed do?": a passage answers it when the Fed is who acts in one of its clauses
// ("… after the U.S. Federal Reserve cut interest rates"), not when it is acted on ("demanded
// answers from the Federal Reserve") or only names a role ("Fed Chairman Ben Bernanke").
import type { WholeWords } from '../pipeline/index.ts';

/** A question about what someone did, said or decided, and who: "what did the Fed do", "what has Apple announced". */
const ASKS_WHAT_DONE =
  /^\s*(?:what|how)\s+(?:did|does|do|has|have|had|is|are|was|were|will)\s+\S.*?\s(?:do|doing|done|did|say|said|saying|decide|decided|announce|announced|react|reacted|respond|responded)\b/i;

/** Where a clause starts: a mark, or a word that opens a clause of its own. */
const CLAUSE_OPENER = /(?:[,;:()—–]|\b(?:after|as|while|when|because|since|before|until|that|which|who|and|but|so|though|although|if|once)\b)/giu;
/** After a name, words that make it the subject: auxiliaries and modals, and common irregular pasts. */
const VERB_AFTER = new Set(
  (
    'will would has had have is was are were could can may might must should shall also then still now ' +
    'said gave cut kept left made held took put set sold bought rose fell sent told brought began met won lost spent paid led ' +
    'stood ran struck hit let fed bid'
  ).split(' '),
);
/** Plural nouns that follow a name as a modifier ("the Fed minutes", "Fed officials"), not verbs. */
const NOUN_AFTER = new Set('minutes funds officials members governors economists policymakers rates ratings assets shares bonds notes reserves'.split(' '));

/** Whether the word after a name reads as its verb: "the Fed cut", "the Fed raised", "the Fed says"; not "the Fed oversight". */
function isVerb(word: string): boolean {
  if (VERB_AFTER.has(word)) return true;
  if (NOUN_AFTER.has(word)) return false;
  return /^[a-z]{2,}(?:ed|s)$/.test(word) && !/(?:ss|us|is)$/.test(word);
}

const PREPOSITION = /\b(?:of|from|to|by|with|at|on|in|for|about|against|into|onto|over|under|between|among|toward|towards|than|like|via|per)\b/i;

export function asksWhatWasDone(question: string): boolean {
  return ASKS_WHAT_DONE.test(question);
}

/**
 * Whether a name is the subject of one of the sentence's clauses: at most three words between the
 * clause's start and the name ("the", "the U.S."), none a preposition, and its verb right after it.
 */
export function actsIn(sentence: string, names: WholeWords): boolean {
  // Only the 60 characters before each name are read for its clause's start, so a sentence is
  // read once whatever it holds (no list of every clause mark of a long text is made).
  for (let found = names.find(sentence); found !== null; found = names.find(sentence, found.end)) {
    const start = clauseStart(sentence, found.start);
    if (start === null) continue;
    const before = sentence.slice(start, found.start).trim();
    const words = before === '' ? [] : before.split(/\s+/);
    if (words.length > 3 || PREPOSITION.test(before)) continue;
    const next = /^\s+(\p{L}+)/u.exec(sentence.slice(found.end))?.[1];
    if (next !== undefined && isVerb(next)) return true;
  }
  return false;
}

/** Longest word CLAUSE_OPENER matches ("although"): an opener ending in the window starts at most this far before it. */
const LONGEST_OPENER = 8;
/** Three words fit in 60 characters; a longer gap is not a subject's. */
const SUBJECT_REACH = 60;

/**
 * Where the clause holding `at` starts: the end of the last clause opener that ends at or before
 * `at` (0 when none does), or null when that is more than SUBJECT_REACH characters before it.
 */
function clauseStart(sentence: string, at: number): number | null {
  const from = Math.max(0, at - SUBJECT_REACH - LONGEST_OPENER);
  // The window keeps the character before it, so \b reads as it would in the whole sentence; an
  // opener ending there ends too far back to count. The search never runs past `at`.
  const lead = Math.max(0, from - 1);
  let start: number | null = from === 0 ? 0 : null;
  for (const match of sentence.slice(lead, at).matchAll(CLAUSE_OPENER)) start = lead + match.index + match[0].length;
  return start === null || at - start > SUBJECT_REACH ? null : start;
}

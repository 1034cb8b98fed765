import { RangeCache } from './range-cache.ts';

/** Common English function words: they say nothing about what a line is about. */
export const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had ' +
    'has have having he her here hers him his how i if in into is it its itself just me more most my ' +
    'no nor not now of off on once only or other our ours out over own said same says she should so ' +
    'some such than that the their theirs them then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with would you your ' +
    'yours yet since per amid via us'
  ).split(' '),
);

// Letters and digits, ASCII or beyond (general and CJK punctuation excluded).
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code === 0xd7 || code === 0xf7) return false;
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  return (
    !(code >= 0x2000 && code <= 0x2bff) && !(code >= 0x3000 && code <= 0x303f) && !(code >= 0xfe30 && code <= 0xfe4f) && !(code >= 0xff00 && code <= 0xff0f)
  );
}

// Characters that may sit inside a word: U.S., S&P, co-founder, don't.
function isJoinerCode(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x26 || code === 0x2e || code === 0x2d;
}

// The ranges isCjkCode accepts.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

function isCjkCode(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);
}

// The word tokens of a text are read by a hand-written scanner (this runs on every paragraph of
// every article, and Unicode-property regular expressions were the cleaner's main cost), as a
// cursor rather than a function taking a callback: a scan shared by several callbacks was at times
// compiled on its own, calling each through a megamorphic site, which made the cleaner about a
// third slower in one process out of two. The words of a text are read as
//   for (let start = wordStart(text, 0); start >= 0; start = wordStart(text, end)) { end = wordEnd(text, start); … }

/** Start of the first word at or after `from`, or -1 when there is none. */
function wordStart(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) if (isWordCode(text.charCodeAt(index))) return index;
  return -1;
}

/** End of the word starting at `start`: letters and digits, and a joiner between two of them. */
function wordEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isWordCode(code) || (isJoinerCode(code) && index + 1 < text.length && isWordCode(text.charCodeAt(index + 1)))) index += 1;
    else break;
  }
  return index;
}

/** Lowercased word tokens, apostrophes unified, a trailing possessive dropped. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let start = wordStart(lower, 0), end = 0; start >= 0; start = wordStart(lower, end)) {
    end = wordEnd(lower, start);
    let word = lower.slice(start, end);
    if (word.includes('’')) word = word.replace(/’/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    found.push(word);
  }
  return found;
}

/**
 * Whether the text has at least `minimum` words and every one is in `set` (as
 * `words(text).length >= minimum && words(text).every((word) => set.has(word))`), settled at the
 * first word that is not: most lines fail on their first word, and build no list.
 */
export function everyWordIn(text: string, set: ReadonlySet<string>, minimum: number): boolean {
  const lower = text.toLowerCase();
  let count = 0;
  for (let start = wordStart(lower, 0), end = 0; start >= 0; start = wordStart(lower, end)) {
    end = wordEnd(lower, start);
    let word = lower.slice(start, end);
    if (word.includes('’')) word = word.replace(/’/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    if (!set.has(word)) return false;
    count += 1;
  }
  return count >= minimum;
}

/** How many words a line holds; CJK text has no spaces, so two of its characters count as a word. */
export function wordCount(text: string): number {
  // Text without CJK characters (nearly all of it) needs no second look at each word's characters.
  if (!CJK.test(text)) {
    let words = 0;
    for (let start = wordStart(text, 0); start >= 0; start = wordStart(text, wordEnd(text, start))) words += 1;
    return words;
  }
  let count = 0;
  let cjk = 0;
  for (let start = wordStart(text, 0), end = 0; start >= 0; start = wordStart(text, end)) {
    end = wordEnd(text, start);
    let hasCjk = false;
    for (let index = start; index < end; index += 1) {
      if (isCjkCode(text.charCodeAt(index))) {
        cjk += 1;
        hasCjk = true;
      }
    }
    if (!hasCjk) count += 1;
  }
  return count + Math.ceil(cjk / 2);
}

/** A crude stem so "surges", "surged" and "surge" meet; enough for overlap scores. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  // As word.replace(/(ies|ied)$/, 'y').replace(/(ing|ed|es|s)$/, ''), without running two patterns per word.
  const base = word.endsWith('ies') || word.endsWith('ied') ? `${word.slice(0, -3)}y` : word;
  if (base.endsWith('ing')) return base.slice(0, -3);
  if (base.endsWith('ed') || base.endsWith('es')) return base.slice(0, -2);
  return base.endsWith('s') ? base.slice(0, -1) : base;
}

/** Stemmed words that carry meaning (no stopwords, no one-letter tokens). */
export function contentStems(text: string): string[] {
  const result: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    result.push(stem(word));
  }
  return result;
}

/**
 * The distinct content stems of a text (as `new Set(contentStems(text))`), or null as soon as
 * there are more than `limit`: a caller comparing a short headline with a long paragraph stops
 * reading the paragraph once it cannot match.
 */
export function distinctContentStems(text: string, limit = Number.POSITIVE_INFINITY): Set<string> | null {
  const lower = text.toLowerCase();
  const stems = new Set<string>();
  for (let start = wordStart(lower, 0), end = 0; start >= 0; start = wordStart(lower, end)) {
    end = wordEnd(lower, start);
    let word = lower.slice(start, end);
    if (word.includes('’')) word = word.replace(/’/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    stems.add(stem(word));
    if (stems.size > limit) return null;
  }
  return stems;
}

/** Share of a line's content words found in a reference set: 0 (none) … 1 (all). */
export function support(line: string, reference: ReadonlySet<string>): number {
  const stems = [...new Set(contentStems(line))];
  if (stems.length === 0) return 0;
  let hits = 0;
  for (const item of stems) if (reference.has(item)) hits += 1;
  return hits / stems.length;
}

/** Share of stopwords among a line's words (as `words` reads them): prose has many, navigation and lists few. */
export function stopwordDensity(text: string): number {
  const lower = text.toLowerCase();
  let all = 0;
  let count = 0;
  for (let start = wordStart(lower, 0), end = 0; start >= 0; start = wordStart(lower, end)) {
    end = wordEnd(lower, start);
    all += 1;
    if (isStopwordAt(lower, start, end)) count += 1;
  }
  return all === 0 ? 0 : count / all;
}

/** Whether one of the text's words (as `words` reads them) is a stopword. */
export function hasStopword(text: string): boolean {
  const lower = text.toLowerCase();
  for (let start = wordStart(lower, 0), end = 0; start >= 0; start = wordStart(lower, end)) {
    end = wordEnd(lower, start);
    if (isStopwordAt(lower, start, end)) return true;
  }
  return false;
}

// The stopwords looked up in place: these two run on every paragraph, and a word string each
// was most of their cost.
const STOPWORD_RANGES = new RangeCache<true>(STOPWORDS.size);
for (const word of STOPWORDS) STOPWORD_RANGES.set(word, true);

/** Whether lower[start, end), less a trailing possessive as `words` drops it, is a stopword (none holds an apostrophe). */
function isStopwordAt(lower: string, start: number, end: number): boolean {
  const apostrophe = lower.charCodeAt(end - 2);
  const possessive = end - start >= 2 && lower.charCodeAt(end - 1) === 0x73 && (apostrophe === 0x27 || apostrophe === 0x2019);
  return STOPWORD_RANGES.get(lower, start, possessive ? end - 2 : end) !== undefined;
}

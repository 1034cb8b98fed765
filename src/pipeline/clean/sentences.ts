// Sentence splitting for financial prose. Intl.Segmenter (ICU's Unicode sentence rules) already
// keeps decimals, "$3.8 billion)." and closing quotes right; what it lacks is English abbreviation
// knowledge ("Mr. Smith", "Acme Inc. said", "the U.S. Treasury"), so its segments are repaired
// here. Line breaks are decided before ICU sees the text: ICU treats every newline as a hard
// break, which would cut hard-wrapped copy mid-sentence.

import { isSpace } from '../text/index.ts';

// Made at the first split: loading ICU's sentence rules is the largest part of importing this file,
// and commands that never split a text (`market-brief topics`) should not pay for it.
let segmenter: Intl.Segmenter | undefined;

// Never end a sentence: titles and words that always precede what they qualify.
const ATTACHED_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt',
  'adm', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'st', 'mt', 'ft', 'vs', 'v', 'approx', 'cf', 'e.g',
  'i.e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ave', 'blvd',
  'dept',
]);

// Attached only to a number that follows ("No. 1", "Vol. 3"): "the answer was no." ends a sentence.
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'art', 'fig', 'figs', 'op', 'ed', 'eds', 'pp']);

// Often inside a sentence, sometimes at its end ("... sold to Acme Inc. The deal ...").
const TRAILING_ABBREVIATIONS = new Set([
  'inc', 'corp', 'co', 'cos', 'ltd', 'plc', 'llc', 'llp', 'bros', 'jr', 'sr', 'intl', 'assn', 'mfg',
  'etc', 'al', 'a.m', 'p.m', 'bhd', 'pte', 'pty', 'ag', 'sa', 'nv', 'bv', 'hldgs', 'grp',
]);

// A capitalised word that, after an ambiguous abbreviation, most likely starts a new sentence.
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'there', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile', 'in', 'on', 'at', 'for', 'from', 'with',
  'by', 'as', 'after', 'before', 'while', 'when', 'if', 'since', 'although', 'though', 'also', 'still',
  'his', 'her', 'their', 'our', 'my', 'shares', 'analysts', 'investors', 'stocks', 'sales', 'revenue',
  'earnings', 'profit', 'net', 'some', 'many', 'most', 'other', 'others', 'one', 'two', 'both', 'all',
  'such', 'last', 'next', 'earlier', 'later', 'now', 'today', 'yesterday', 'officials', 'traders', 'what',
  'why', 'how', 'where', 'who', 'under', 'despite', 'during', 'according', 'overall', 'separately',
]);

const TERMINAL_END = /[.!?…]["'”’)\]]*$/u;
const BULLET_START = /^(?:[-*•·▪–—]\s|\d{1,2}[.)]\s)/u;
const MIN_WRAPPED_LINE = 35;
// The end of the sentence built so far that the continuation rules look at: end-anchored patterns
// run on this tail only, so a long run of joined pieces ("Wow! really Wow! really ...") stays linear.
const TAIL = 160;
// A "sentence" longer than this (a table, a page with no full stops) is cut at word boundaries, so
// every consumer of sentences works on bounded pieces.
export const MAX_SENTENCE = 2000;

// Dots inside symbols ("7203.T", "BMWG.DE", ".SPX", "( .N225 )") are not full stops, but ICU
// breaks after a digit's dot and before a leading dot; they are hidden from it behind a stand-in.
const TICKER_DOT = /(?<=[\p{Lu}\p{N}])\.(?=[\p{Lu}\p{N}])|(?<=^|[\s(])\.(?=[\p{Lu}\p{N}])/gu;
const DOT_STAND_IN = '\ue000'; // a private-use character: no sentence-break property

const SPACE_TO_COLLAPSE = /[^\S ]| {2}/;

/** Paragraphs of the text: blocks separated by blank lines, or single lines when they stand apart. */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/)) {
    // Cleaned text has its spacing tidied: most lines hold no run or other space to collapse.
    const lines = block
      .split('\n')
      .map((line) => (SPACE_TO_COLLAPSE.test(line) ? line.replace(/\s+/g, ' ') : line).trim())
      .filter((line) => line !== '');
    const first = lines[0];
    if (first === undefined) continue;
    const wrapped = isHardWrapped(lines);
    let current = first;
    for (let position = 1; position < lines.length; position += 1) {
      const previousLine = lines[position - 1] ?? '';
      const line = lines[position] ?? '';
      const joiner = lineJoiner(previousLine, line, wrapped);
      if (joiner === null) {
        paragraphs.push(current);
        current = line;
      } else {
        current += joiner + line;
      }
    }
    paragraphs.push(current);
  }
  return paragraphs;
}

// The texts split last, least recently used first: one answer splits the same article for its key
// sentence, its tone and its movers, and the segmenter is the costly part of each.
const RECENT_SPLITS = 32;
const recentSplits = new Map<string, readonly string[]>();

/** Sentences of the text in order, whitespace collapsed; a headline line without a full stop is one sentence. */
export function splitSentences(text: string): string[] {
  const known = recentSplits.get(text);
  if (known !== undefined) {
    recentSplits.delete(text);
    recentSplits.set(text, known);
    return [...known];
  }
  const sentences: string[] = [];
  for (const paragraph of splitParagraphs(text)) {
    for (const sentence of splitParagraph(paragraph)) sentences.push(sentence);
  }
  if (recentSplits.size >= RECENT_SPLITS) recentSplits.delete(recentSplits.keys().next().value ?? '');
  recentSplits.set(text, sentences.slice());
  return sentences;
}

/**
 * Whether a block is hard-wrapped copy: most of its lines stop mid-sentence and they are long
 * (a list of short unpunctuated lines is not wrapped prose).
 */
function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 3) return false;
  let unfinished = 0;
  for (let position = 0; position < lines.length - 1; position += 1) {
    if (!TERMINAL_END.test(lines[position] ?? '')) unfinished += 1;
  }
  const lengths = lines.map((line) => line.length).sort((left, right) => left - right);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return unfinished * 2 >= lines.length - 1 && median >= MIN_WRAPPED_LINE;
}

/** The joiner ("" or " ") when `line` continues the one before it, null when it starts a new paragraph. */
function lineJoiner(previous: string, line: string, wrapped: boolean): string | null {
  if (BULLET_START.test(line)) return null;
  // The end-anchored patterns run on the line's last characters (enough for an astral letter
  // before the hyphen, and for the character before the longest word): a regex ending in `$`
  // would otherwise be tried from every position of the line.
  const end = previous.slice(-5);
  if (/\p{L}-$/u.test(end) && /^\p{Ll}/u.test(line)) return '';
  if (/^\p{Ll}/u.test(line) || /[,;&(]$|\b(?:and|or|of|the|a|an|to|in|for|with|by|at|on)$/iu.test(end)) return ' ';
  // In wrapped copy even a full stop at a line end is left for the segmenter to judge ("U.S." may
  // end a line mid-sentence); elsewhere an unpunctuated line is a headline or a finished paragraph.
  return wrapped ? ' ' : null;
}

function splitParagraph(paragraph: string): string[] {
  const pieces: string[] = [];
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const { segment } of segmenter.segment(paragraph.replace(TICKER_DOT, DOT_STAND_IN))) {
    for (const piece of splitMissedBoundaries(segment)) {
      const trimmed = piece.trim().replaceAll(DOT_STAND_IN, '.');
      if (trimmed !== '') pieces.push(trimmed);
    }
  }
  const sentences: string[][] = [];
  let tail = '';
  for (const piece of pieces) {
    const current = sentences[sentences.length - 1];
    if (current !== undefined && continuesSentence(tail, piece)) {
      current.push(piece);
      tail = `${tail} ${piece}`.slice(-TAIL);
    } else {
      sentences.push([piece]);
      tail = piece.slice(-TAIL);
    }
  }
  return sentences.flatMap((parts) => capLength(parts.join(' ')));
}

function capLength(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE) return [sentence];
  const parts: string[] = [];
  let start = 0;
  while (sentence.length - start > MAX_SENTENCE) {
    // Searched within the window only: lastIndexOf from the window's end would run back to 0.
    const space = sentence.slice(start, start + MAX_SENTENCE).lastIndexOf(' ');
    const end = space > 0 ? start + space : start + MAX_SENTENCE;
    parts.push(sentence.slice(start, end).trim());
    start = end;
  }
  parts.push(sentence.slice(start).trim());
  return parts.filter((part) => part !== '');
}

// ICU does not break after "…" or when the space after a full stop is missing ("fell.The index").
// Each boundary needs an ellipsis or a stop directly before a capital: most segments have neither,
// and this test is cheaper than the split's lookbehinds.
const MISSED_BOUNDARY_HINT = /…|[.!?]\p{Lu}/u;
const MISSED_BOUNDARY = /(?<=…["'”’)]?)\s+(?=[\p{Lu}"“])|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/u;

function splitMissedBoundaries(segment: string): string[] {
  return MISSED_BOUNDARY_HINT.test(segment) ? segment.split(MISSED_BOUNDARY) : [segment];
}

/** `previous` is the tail (last TAIL characters) of the sentence so far. */
function continuesSentence(previous: string, next: string): boolean {
  if (/^\(?(?:\d{1,2}|[a-z])[.)]$/u.test(previous)) return true; // a list number: "3. Revenue ..."
  // '"... next step?" said the designer': a quoted question or exclamation inside a sentence.
  if (/[?!]["'”’)]*$/u.test(previous) && /^\p{Ll}+\b/u.test(next) && !/^\p{Ll}+\p{Lu}/u.test(next)) return true;
  const lastWord = wordBeforeFinalStop(previous);
  if (lastWord === undefined) return false;
  const bare = lastWord.replace(/^[("'“‘[]+/u, '');
  const lower = bare.toLowerCase();
  const nextWord = /^["'“‘(\s]*([\p{L}\p{N}$€£¥&]+)/u.exec(next)?.[1] ?? '';
  if (nextWord === '') return false;
  if (ATTACHED_ABBREVIATIONS.has(lower) || /^\p{Ll}/u.test(nextWord)) return true;
  if (NUMBER_ABBREVIATIONS.has(lower) && /^[\p{N}#]/u.test(nextWord)) return true;
  if (/^[“"‘]/u.test(next)) return false; // an opening quotation starts a sentence: 'Acme Ltd. "We ...'
  const isInitial = /^\p{Lu}$/u.test(bare); // "John D. Rockefeller"
  // Dotted acronyms (U.S., J.P.), initials and company suffixes end a sentence only before a typical opener.
  if (isInitial || TRAILING_ABBREVIATIONS.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(bare)) {
    return !SENTENCE_STARTERS.has(nextWord.toLowerCase());
  }
  return false;
}

/**
 * /(\S+)\.$/u.exec(text)?.[1] without the regex, which retries from every position of the text:
 * the run of non-space characters that ends in the text's final full stop, without the stop.
 */
function wordBeforeFinalStop(text: string): string | undefined {
  const stop = text.length - 1;
  if (stop < 1 || text.charCodeAt(stop) !== 46) return undefined;
  let start = stop;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start -= 1;
  return start < stop ? text.slice(start, stop) : undefined;
}

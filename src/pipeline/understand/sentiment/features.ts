import { rawSentenceScore } from './sentence.ts';

// Features of a text for the linear sentiment model, shared by training (scripts/train-sentiment.ts)
// and inference (linear-model.ts) so that the two cannot drift. Everything here is one pass over
// the text: a hand-written scanner (no regular expression that could backtrack), hashed n-grams,
// and optionally the lexicon scorer's score of the text as two extra features.

/** What the features of a model are; saved with the weights so inference extracts the same ones. */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Word n-grams from 1 up to this length. */
  wordNgrams: number;
  /** Character n-grams of words, from `charMin` to `charMax` characters ("<" and ">" mark the ends). */
  charMin: number;
  charMax: number;
  /** Add the lexicon scorer's tone of the text (src/pipeline/understand/sentiment/sentence.ts) as features. */
  lexicon: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = { bits: 18, wordNgrams: 2, charMin: 3, charMax: 5, lexicon: true };

/** A sparse feature vector: bucket indices (distinct) and their values. */
export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Placeholder tokens for things whose exact form carries no tone. */
export const TOKEN_URL = '<url>';
export const TOKEN_CASHTAG = '<cashtag>';
export const TOKEN_USER = '<user>';
export const TOKEN_NUMBER = '<num>';

// Long words (a run of letters with no space) are cut for char n-grams: the features stay
// linear in the text's length, and nothing useful is lost.
const MAX_WORD_FOR_CHARS = 24;
// The lexicon rules read one sentence; past this length the text is a body and the rules see
// only its start (they are linear, but a megabyte of text is not a sentence).
const MAX_LEXICON_CHARS = 2_000;
const LEXICON_SCALE = 1.5;
const KEPT_PUNCTUATION = new Set(['!', '?', '%', '+', '-']);

/**
 * The tokens of a text, lowercased: words (with internal apostrophes), placeholders for URLs,
 * cashtags ($TSLA), @users and numbers, and a few punctuation marks ("!", "?", "%", "+", "-").
 * Linear in the length of the text.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  const length = lower.length;
  let index = 0;
  while (index < length) {
    const char = lower[index] as string;
    if (isUrlStart(lower, index)) {
      index = skipNonSpace(lower, index);
      tokens.push(TOKEN_URL);
    } else if (char === '$' && isLetter(lower[index + 1])) {
      index = skipWhile(lower, index + 1, (c) => isLetter(c) || c === '.' || c === '_' || isDigit(c));
      tokens.push(TOKEN_CASHTAG);
    } else if (char === '@' && isWordChar(lower[index + 1])) {
      index = skipWhile(lower, index + 1, (c) => isWordChar(c) || c === '_');
      tokens.push(TOKEN_USER);
    } else if (isDigit(char)) {
      // 1,250.5 and 3.2: a number is one shape token, whatever its digits.
      index = skipWhile(lower, index, (c, at) => isDigit(c) || ((c === '.' || c === ',') && isDigit(lower[at + 1])));
      // "q3", "2q", "5g", "10k": letters glued to a number stay part of the token's shape.
      const suffixEnd = skipWhile(lower, index, isLetter);
      tokens.push(suffixEnd > index ? `${TOKEN_NUMBER}${lower.slice(index, Math.min(suffixEnd, index + 4))}` : TOKEN_NUMBER);
      index = suffixEnd;
    } else if (isLetter(char)) {
      const start = index;
      index = skipWhile(lower, index, (c, at) => isWordChar(c) || (isApostrophe(c) && isLetter(lower[at + 1])));
      tokens.push(lower.slice(start, index).replaceAll('’', "'"));
    } else {
      if (KEPT_PUNCTUATION.has(char)) tokens.push(char);
      index += 1;
    }
  }
  return tokens;
}

/**
 * The hashed, L2-normalised n-gram features of a text, plus the lexicon's tone when configured.
 * `lexiconRaw` is rawSentenceScore of the text's first MAX_LEXICON_CHARS characters, when the caller has it.
 */
export function extractFeatures(text: string, config: FeatureConfig, lexiconRaw?: number): FeatureVector {
  const mask = (1 << config.bits) - 1;
  // Buckets in first-seen order. Each feature is a string ("w profit", "2 net profit", "c <pro")
  // hashed with FNV-1a; the hash is folded over the parts in place rather than built as a string.
  const counts = new Set<number>();
  const tokens = tokenize(text);
  for (let position = 0; position < tokens.length; position += 1) {
    const token = tokens[position] as string;
    counts.add(fold(WORD_PREFIX, token) & mask);
    // `${n} ${previous} … ${token}`: the grams of n words ending here.
    for (let n = 2; n <= config.wordNgrams && position - n + 1 >= 0; n += 1) {
      let gram = fold(FNV_OFFSET, `${n} `);
      for (let offset = n - 1; offset >= 0; offset -= 1) {
        gram = fold(gram, tokens[position - offset] as string);
        if (offset > 0) gram = Math.imul(gram ^ 0x20, FNV_PRIME);
      }
      counts.add(gram & mask);
    }
    if (config.charMax > 0 && token[0] !== '<' && token.length > 1) {
      // `c ${slice}` for each slice of `<${token.slice(0, MAX_WORD_FOR_CHARS)}>`.
      const kept = Math.min(token.length, MAX_WORD_FOR_CHARS);
      const wordLength = kept + 2;
      for (let n = config.charMin; n <= config.charMax; n += 1) {
        for (let start = 0; start + n <= wordLength; start += 1) {
          let gram = CHAR_PREFIX;
          for (let at = start; at < start + n; at += 1) {
            const code = at === 0 ? 0x3c : at === kept + 1 ? 0x3e : token.charCodeAt(at - 1);
            gram = Math.imul(gram ^ code, FNV_PRIME);
          }
          counts.add(gram & mask);
        }
      }
    }
  }
  // Presence, not counts (a repeated word says little more), scaled to unit length.
  const norm = counts.size === 0 ? 1 : Math.sqrt(counts.size);
  const entries = new Map<number, number>();
  for (const bucket of counts) entries.set(bucket, 1 / norm);
  if (config.lexicon) {
    const tone = Math.tanh((lexiconRaw ?? lexiconScore(text)) / LEXICON_SCALE);
    // Two features so that the model can weigh good and bad news differently.
    if (tone > 0) entries.set(hash('lexicon positive') & mask, (entries.get(hash('lexicon positive') & mask) ?? 0) + tone);
    if (tone < 0) entries.set(hash('lexicon negative') & mask, (entries.get(hash('lexicon negative') & mask) ?? 0) - tone);
  }
  const indices = new Int32Array(entries.size);
  const values = new Float32Array(entries.size);
  let slot = 0;
  for (const [bucket, value] of entries) {
    indices[slot] = bucket;
    values[slot] = value;
    slot += 1;
  }
  return { indices, values };
}

/** The lexicon scorer's raw tone of a text, as the features read it (its first MAX_LEXICON_CHARS characters). */
export function lexiconScore(text: string): number {
  return rawSentenceScore(text.slice(0, MAX_LEXICON_CHARS));
}

/** FNV-1a over UTF-16 code units: stable across runs and platforms. */
export function hash(text: string): number {
  return fold(FNV_OFFSET, text) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const WORD_PREFIX = fold(FNV_OFFSET, 'w ');
const CHAR_PREFIX = fold(FNV_OFFSET, 'c ');

/** FNV-1a's state after `text`'s code units, from `state` (a 32-bit integer; unsigned once finished). */
function fold(state: number, text: string): number {
  let value = state;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), FNV_PRIME);
  return value;
}

function isUrlStart(text: string, index: number): boolean {
  if (index > 0 && isWordChar(text[index - 1])) return false;
  return text.startsWith('http://', index) || text.startsWith('https://', index) || text.startsWith('www.', index);
}

function skipNonSpace(text: string, index: number): number {
  return skipWhile(text, index, (c) => c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r');
}

function skipWhile(text: string, from: number, keep: (char: string, at: number) => boolean): number {
  let index = from;
  while (index < text.length && keep(text[index] as string, index)) index += 1;
  return index;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

const LETTER = /^\p{L}$/u;

function isLetter(char: string | undefined): boolean {
  if (char === undefined) return false;
  if (char >= 'a' && char <= 'z') return true;
  return char > '\u007f' && LETTER.test(char);
}

function isWordChar(char: string | undefined): boolean {
  return isLetter(char) || isDigit(char);
}

function isApostrophe(char: string): boolean {
  return char === "'" || char === '’';
}

import { characterWidth, wordEnd } from './token-scan.ts';

/** How a token is capitalised; the recogniser uses it to tell "Target" the company from "target". */
export type TokenShape = 'upper' | 'capitalized' | 'lower' | 'number';

/** One word of an article or alias, with the facts the matchers need. */
export interface Token {
  start: number;
  end: number;
  /** The token as written, possessive included ("Alibaba's"). */
  text: string;
  /** Normalised form used as the lookup key: lower case, no accents, dots or apostrophes, no possessive. */
  key: string;
  shape: TokenShape;
  /** Joined to the previous / next token by a hyphen ("Nasdaq-100", "SEC-registered"). */
  hyphenBefore: boolean;
  hyphenAfter: boolean;
}

// Initialisms with dots ("U.S.", "U.K.") first, then words that may carry inner & . ' ’ ("S&P", "JD.com", "9988.HK", "Alibaba's").
const TOKEN_PATTERN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[&.'’][\p{L}\p{N}]+)*/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}/gu;
const KEY_PUNCTUATION = /[.'’]/g;

/** The lookup key of one word: "Alibaba’s" → "alibaba", "U.S." → "us", "Nestlé" → "nestle". */
export function tokenKey(word: string): string {
  // Plain ASCII words (nearly all of them) are read in one scan, without regular expressions.
  let plain = true;
  let upper = false;
  let punctuation = false;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 0x80) {
      plain = false;
      break;
    }
    if (code >= 65 && code <= 90) upper = true;
    else if (code === 0x2e || code === 0x27) punctuation = true;
  }
  if (plain && !upper && !punctuation) return word;
  let text = endsPossessive(word) && word.length > 2 ? word.slice(0, -2) : word;
  if (!plain && NON_ASCII.test(text)) text = text.normalize('NFD').replace(COMBINING_MARKS, '');
  const lower = text.toLowerCase();
  // An ASCII word without dots or apostrophes (most capitalised words) has none to remove.
  return plain && !punctuation ? lower : lower.replace(KEY_PUNCTUATION, '');
}

export function tokenShape(written: string): TokenShape {
  // "GM's" is as upper-case as "GM".
  const word = endsPossessive(written) && written.length > 2 ? written.slice(0, -2) : written;
  let hasUpper = false;
  let hasLower = false;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 0x80) return unicodeShape(word);
    if (code >= 65 && code <= 90) hasUpper = true;
    else if (code >= 97 && code <= 122) hasLower = true;
  }
  return shapeOf(word, hasUpper, hasLower);
}

/**
 * The shape of a word of ASCII lower-case letters, digits and "&" (most words of a text): such a
 * word is its own key, and one scan gives both (as tokenKey and tokenShape would). Null otherwise.
 */
function plainShape(word: string): TokenShape | null {
  let hasLower = false;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 97 && code <= 122) hasLower = true;
    else if (!((code >= 48 && code <= 57) || code === 0x26)) return null;
  }
  return hasLower ? 'lower' : 'number';
}

/** /['’][sS]$/ without a regular expression: this runs on every word of every article. */
function endsPossessive(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  if (last !== 0x73 && last !== 0x53) return false;
  const apostrophe = word.charCodeAt(word.length - 2);
  return apostrophe === 0x27 || apostrophe === 0x2019;
}

function unicodeShape(word: string): TokenShape {
  let hasUpper = false;
  let hasLower = false;
  for (const character of word) {
    if (character >= '0' && character <= '9') continue;
    const lower = character.toLowerCase();
    const upper = character.toUpperCase();
    if (lower === upper) continue;
    if (character === upper) hasUpper = true;
    else hasLower = true;
  }
  return shapeOf(word, hasUpper, hasLower);
}

function shapeOf(word: string, hasUpper: boolean, hasLower: boolean): TokenShape {
  if (!hasUpper && !hasLower) return 'number';
  if (!hasLower) return 'upper';
  const first = word.charAt(0);
  // "iPhone", "eBay" and "McDonald" count as capitalised: their capitals are deliberate.
  if (hasUpper || first !== first.toLowerCase()) return 'capitalized';
  return 'lower';
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The words TOKEN_PATTERN matches, found by a scanner that builds no match objects (token-scan.ts).
  for (let start = 0; start < text.length; ) {
    const end = wordEnd(text, start);
    if (end < 0) {
      start += characterWidth(text, start);
      continue;
    }
    const word = text.slice(start, end);
    const previous = tokens[tokens.length - 1];
    const hyphenBefore = start > 0 && isHyphen(text.charCodeAt(start - 1)) && previous !== undefined && previous.end === start - 1;
    if (hyphenBefore && previous !== undefined) previous.hyphenAfter = true;
    const plain = plainShape(word);
    tokens.push({
      start,
      end,
      text: word,
      key: plain === null ? tokenKey(word) : word,
      shape: plain ?? tokenShape(word),
      hyphenBefore,
      hyphenAfter: false,
    });
    start = end;
  }
  return tokens;
}

/** The keys of a phrase, as the gazetteer stores them ("Nasdaq-100" → ["nasdaq", "100"]). */
export function phraseKeys(phrase: string): string[] {
  const words = phrase.match(TOKEN_PATTERN);
  return words === null ? [] : words.map(tokenKey);
}

/** Keys and shapes of a phrase's words, without the positions `tokenize` records. */
export function phraseWords(phrase: string): Array<{ key: string; shape: TokenShape }> {
  const words = phrase.match(TOKEN_PATTERN);
  return words === null ? [] : words.map((word) => ({ key: tokenKey(word), shape: tokenShape(word) }));
}

const phraseKeyCache = new Map<string, string>();

/** The keys of a phrase joined by spaces ("Hang-Seng Index" → "hang seng index"), memoised: names recur across reference loads. */
export function phraseKey(phrase: string): string {
  let key = phraseKeyCache.get(phrase);
  if (key === undefined) {
    key = phraseKeys(phrase).join(' ');
    // Bounded so a long-running process cannot grow it without limit.
    if (phraseKeyCache.size >= 250_000) phraseKeyCache.clear();
    phraseKeyCache.set(phrase, key);
  }
  return key;
}

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011 || code === 0x2013;
}

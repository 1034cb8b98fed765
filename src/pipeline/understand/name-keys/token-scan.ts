// The name tokenizer's scanner: where the word starting at a position ends, read by hand for
// ASCII (nearly all of the text) and by a one-character Unicode test otherwise. It matches
// exactly what /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[&.'’][\p{L}\p{N}]+)*/gu matched: initialisms
// with dots ("U.S.") first, then words that may carry inner & . ' ’ ("S&P", "JD.com", "Alibaba's").

import { isAsciiLetter, isDigit } from '../../text/index.ts';

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/uy;
const UPPER = /\p{Lu}/uy;

/** End of the word starting at `start`, or -1 when none starts there. */
export function wordEnd(text: string, start: number): number {
  let end = start;
  let pairs = 0;
  for (let width = upperAt(text, end); width > 0 && text.charCodeAt(end + width) === 0x2e; width = upperAt(text, end)) {
    end += width + 1;
    pairs += 1;
  }
  if (pairs >= 2) return end;
  end = skipLettersAndNumbers(text, start);
  if (end === start) return -1;
  while (isJoiner(text.charCodeAt(end)) && letterOrNumberAt(text, end + 1) > 0) end = skipLettersAndNumbers(text, end + 1);
  return end;
}

/** 2 at a surrogate pair, else 1: a search for the next word never starts inside a character. */
export function characterWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function skipLettersAndNumbers(text: string, from: number): number {
  let end = from;
  for (let width = letterOrNumberAt(text, end); width > 0; width = letterOrNumberAt(text, end)) end += width;
  return end;
}

function isJoiner(code: number): boolean {
  return code === 0x26 || code === 0x2e || code === 0x27 || code === 0x2019;
}

/** Width (1 or 2 code units) of the letter or number at `index`, or 0 when there is none. */
function letterOrNumberAt(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 0x80) return isDigit(code) || isAsciiLetter(code) ? 1 : 0;
  return widthOf(LETTER_OR_NUMBER, text, index);
}

/** Width of the upper-case letter at `index`, or 0 when there is none. */
function upperAt(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? 1 : 0;
  return widthOf(UPPER, text, index);
}

function widthOf(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(text) ? pattern.lastIndex - index : 0;
}

// The sentiment tokenizer's scanner: where the token starting at a position ends, by hand, so
// that a sentence is read once without a regular expression building an array of substrings.
// It matches exactly what /\d+(?:[.,]\d+)*|n't|[a-z]+(?:-[a-z]+)*|'s|[^\s\w'"“”]/gi matched
// (a number, "n't", a word with inner hyphens, "'s", or one other mark; quotation marks dropped
// so that `a "buy" rating` reads as the phrase "buy rating").
import { isAsciiLetter, isDigit, isSpace } from '../../text/index.ts';

/** End of the token starting at `start`, or -1 when none starts there (space, quotes, `_`). */
export function tokenEnd(text: string, start: number): number {
  const code = text.charCodeAt(start);
  if (isDigit(code)) {
    let end = skipDigits(text, start + 1);
    while (isDecimalMark(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))) end = skipDigits(text, end + 2);
    return end;
  }
  // "n't" in any case (the apostrophes were unified before scanning).
  if ((code === 0x6e || code === 0x4e) && text.charCodeAt(start + 1) === 0x27 && (text.charCodeAt(start + 2) | 0x20) === 0x74) return start + 3;
  if (isAsciiLetter(code)) {
    let end = skipLetters(text, start + 1);
    while (text.charCodeAt(end) === 0x2d && isAsciiLetter(text.charCodeAt(end + 1))) end = skipLetters(text, end + 2);
    return end;
  }
  if (code === 0x27) return (text.charCodeAt(start + 1) | 0x20) === 0x73 ? start + 2 : -1;
  // Any other single code unit but \s, \w and quotation marks (digits and letters are handled above).
  if (code === 0x5f || code === 0x22 || code === 0x201c || code === 0x201d || isSpace(code)) return -1;
  return start + 1;
}

function isDecimalMark(code: number): boolean {
  return code === 0x2e || code === 0x2c;
}

function skipDigits(text: string, from: number): number {
  let end = from;
  while (isDigit(text.charCodeAt(end))) end += 1;
  return end;
}

function skipLetters(text: string, from: number): number {
  let end = from;
  while (isAsciiLetter(text.charCodeAt(end))) end += 1;
  return end;
}

// How a token's text begins, tested on its first code units (ASCII without a regular expression).
import { isAsciiLetter, isDigit, isLowerAscii } from '../../text/index.ts';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

export function startsWithDigit(text: string): boolean {
  return isDigit(text.charCodeAt(0));
}

export function startsWithLowerAscii(text: string): boolean {
  return isLowerAscii(text.charCodeAt(0));
}

/** Whether the text opens with at least `count` ASCII lower-case letters (/^[a-z]{count,}/). */
export function startsWithLowerWord(text: string, count: number): boolean {
  if (text.length < count) return false;
  for (let index = 0; index < count; index += 1) if (!isLowerAscii(text.charCodeAt(index))) return false;
  return true;
}

/** /^[\p{L}\p{N},]/u without running a Unicode regex for ASCII. */
export function startsLetterDigitOrComma(text: string): boolean {
  const code = text.charCodeAt(0);
  if (Number.isNaN(code)) return false;
  if (code < 128) return isAsciiLetter(code) || isDigit(code) || code === 44;
  return LETTER_OR_DIGIT.test(text);
}

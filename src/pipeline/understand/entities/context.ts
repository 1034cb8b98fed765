import { type Token, tokenize } from '../name-keys/index.ts';

/** A title's and a text's tokens (name-keys tokenize), made once and read by several passes. */
export interface SharedTokens {
  title: readonly Token[];
  text: readonly Token[];
}

/** Tokens of one text with, for each, whether it opens a sentence and whether its sentence's capitals mean anything. */
export interface TokenContext {
  text: string;
  tokens: readonly Token[];
  /** 1 where the token is the first word of a sentence or heading. */
  sentenceStart: Uint8Array;
  /**
   * 1 where the token's sentence is ordinary prose. Headlines in Title Case and all-capital lines are not:
   * there "Target" or "NOW" says nothing about being a name.
   */
  informative: Uint8Array;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*\s/;
const BLANK_LINE = /\n[^\S\n]*\n/;
const LINE_BREAK = /[\n\r\u2028]/;
// Separators that end a heading or a list item even without a full stop.
const HARD_BREAK = /[•|▪►–—]\s|:\s*\n/;

/** `tokens`: the text's tokens when the caller has them already (tokenize(text)); they are not changed. */
export function analyseText(text: string, tokens: readonly Token[] = tokenize(text)): TokenContext {
  const count = tokens.length;
  const sentenceStart = new Uint8Array(count);
  const informative = new Uint8Array(count);
  let sentenceFirst = 0;
  for (let position = 0; position <= count; position += 1) {
    const token = tokens[position];
    const previous = tokens[position - 1];
    let boundary = position === 0 || position === count;
    // Most gaps are one space (or nothing): no boundary, and no slice or pattern to run.
    const plainGap =
      token !== undefined &&
      previous !== undefined &&
      (token.start === previous.end || (token.start === previous.end + 1 && text.charCodeAt(previous.end) === 32));
    if (!boundary && !plainGap && token !== undefined && previous !== undefined) {
      const gap = text.slice(previous.end, token.start);
      boundary =
        SENTENCE_END.test(gap) ||
        BLANK_LINE.test(gap) ||
        HARD_BREAK.test(gap) ||
        (LINE_BREAK.test(gap) && token.shape !== 'lower' && previous.shape !== 'lower');
    }
    if (boundary && position > sentenceFirst) {
      markSentence(tokens, sentenceFirst, position, informative);
      sentenceFirst = position;
    }
    if (boundary && position < count) sentenceStart[position] = 1;
  }
  return { text, tokens, sentenceStart, informative };
}

/**
 * A sentence is informative when enough of its longer words are in lower case: ordinary prose, where a
 * capital marks a name. Title Case headings ("Stock Market Surges Amid Wall Street Turmoil") and all-capital
 * lines are not.
 */
function markSentence(tokens: readonly Token[], first: number, end: number, informative: Uint8Array): void {
  let lower = 0;
  let other = 0;
  for (let position = first + 1; position < end; position += 1) {
    const token = tokens[position];
    if (token === undefined || token.text.length < 4 || token.shape === 'number') continue;
    if (token.shape === 'lower') lower += 1;
    else other += 1;
  }
  const value = lower >= 1 && lower >= 0.2 * (lower + other) ? 1 : 0;
  informative.fill(value, first, end);
}

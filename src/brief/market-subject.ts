/**
 * The stock market at large, as a question asks about it ("why did stocks fall") and as a sentence
 * names it as the subject of a move ("Stocks tumbled …", "Japan's Nikkei average slid …"); used by
 * /ask (relevance.ts, answer.ts).
 */

/** The market's own words in a question: "stocks", "equities", "the market", "shares" alone, "Wall Street". */
const QUESTION_WORDS = /\b(?:stocks?|equities|shares|markets?|bourses?|wall\s+street)\b/gi;

/** The market's words as the question has them, for the search; none when it does not ask about the market. */
export function marketWords(question: string): string[] {
  return [...question.matchAll(QUESTION_WORDS)].flatMap((match) => match[0].split(/\s+/));
}

/**
 * Whether a question asks about the market at large. A company's shares are that company's ("why
 * did Alibaba shares fall"): the caller asks this only when the question names no company.
 */
export function asksAboutMarket(question: string): boolean {
  return marketWords(question).length > 0;
}

/**
 * The market at large as a sentence names it: stocks, equities, bourses, or shares of a region
 * ("Asian shares"), when no sector or company stands before them (see namesMarketAtLarge); and a
 * main index ("the Dow", "the S&P 500", "Japan's Nikkei") or Wall Street, wherever they stand.
 */
const MARKET_WORDS =
  /\b(?:stocks|equities|stock\s+markets?|bourses?|(?:world|global|asian|european|u\.s\.|american|japanese|chinese|emerging(?:[\s-]market)?|british|german|french|indian|australian)\s+(?:shares|markets))\b/gi;
const MARKET_NAMES =
  /\b(?:wall\s+street|dow(?!\s+chemical)|nasdaq|s&p(?:\s+500)?|ftse(?:\s+100)?|dax|cac(?:\s+40)?|nikkei(?:\s+225)?|hang\s+seng|stoxx(?:\s+600)?|msci\s+[a-z]+|(?:benchmark|main|blue[\s-]chip)\s+(?:index|indices|indexes))\b/gi;

/** Words that may stand before "stocks" when it means the market: a region, or no modifier at all. */
const MARKET_MODIFIER =
  /(?:^|[\s,;:("'“-])(?:the|and|as|while|but|when|after|before|with|of|in|on|that|because|where|though|although|so|world|global|asian|european|u\.s\.|american|japanese|chinese|british|german|french|indian|australian|emerging|latin|regional|overall|broader|wider|main|major|key|leading)\s*$/i;

/**
 * Whether the market words at `at` are the market at large: at the sentence's start, after a
 * function word or a region ("U.S. stocks", "while stocks"), not after a sector or a company
 * ("Health-insurer stocks", "Boeing stocks": theirs, not the market's).
 */
function namesMarketAtLarge(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 24), at);
  return before.trim() === '' || MARKET_MODIFIER.test(before);
}

/** Where each naming of the market at large in a sentence ends, for the caller to look for its verb after. */
export function* marketSubjectEnds(sentence: string): Generator<number> {
  for (const found of sentence.matchAll(MARKET_WORDS)) {
    const at = found.index ?? 0;
    if (namesMarketAtLarge(sentence, at)) yield at + found[0].length;
  }
  for (const found of sentence.matchAll(MARKET_NAMES)) yield (found.index ?? 0) + found[0].length;
}

export { canonicalTicker, EXCHANGE_PREFIXES, MARKET_SUFFIXES, prefixedTicker, tickerCandidates } from './tickers.ts';
export { phraseKey, phraseWords, type Token, tokenize, type TokenShape } from './tokens.ts';
export { KeyFilter } from './key-filter.ts';

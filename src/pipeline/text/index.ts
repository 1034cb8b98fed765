export { type CommonWordLists, commonWords, readCommonWords } from './common-words.ts';
export { normaliseDate } from './dates.ts';
export { contentStems, distinctContentStems, everyWordIn, hasStopword, stopwordDensity, STOPWORDS, support, wordCount, words } from './words.ts';
export { isAsciiLetter, isDigit, isLowerAscii } from './ascii.ts';
export { isSpace } from './space.ts';
export { RangeCache } from './range-cache.ts';

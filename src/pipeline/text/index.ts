export { normaliseDate } from './dates.ts';
export { contentStems, stopwordDensity, STOPWORDS, support, wordCount, words } from './words.ts';

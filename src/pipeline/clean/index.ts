export { cleanArticle } from './clean.ts';
export { isHeadingOnly, leadingHeadingLength } from './headings.ts';
export { splitSentences } from './sentences.ts';

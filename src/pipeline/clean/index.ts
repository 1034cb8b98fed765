export { cleanArticle } from './clean.ts';
export { splitSentences } from './sentences.ts';

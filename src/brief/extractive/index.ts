export { rankSentences, summariseExtractive } from './summarise.ts';
export { tidySentence } from './hygiene.ts';
export { onlyDeclinesComment } from './no-comment.ts';

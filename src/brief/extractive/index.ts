export { rankSentences, summariseExtractive } from './summarise.ts';
export { onlyDeclinesComment } from './no-comment.ts';

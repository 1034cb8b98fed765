export { rankSentences, summariseExtractive } from './summarise.ts';

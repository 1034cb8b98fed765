export { scoreSentiment, sentenceSentiment } from './sentiment.ts';

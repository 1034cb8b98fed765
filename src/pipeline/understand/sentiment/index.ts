export { scoreSentiment } from './sentiment.ts';

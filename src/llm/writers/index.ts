export { createAnswerWriter } from './answer-writer.ts';
export { createBriefWriter } from './brief-writer.ts';
export { type ArticleSummary, pendingSummaries, summariseStored } from './summaries.ts';

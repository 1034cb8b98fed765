export { createAnswerWriter } from './answer-writer.ts';
export { createBriefWriter } from './brief-writer.ts';
export { type ArticleSummary, summariseBacklog } from './summaries.ts';

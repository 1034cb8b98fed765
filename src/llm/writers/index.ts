export { type AnswerWriter, createAnswerWriter } from './answer-writer.ts';
export { type BriefWriter, createBriefWriter } from './brief-writer.ts';
export { type ArticleSummary, summariseBacklog } from './summaries.ts';

export { answerQuestion } from './answer.ts';
export { briefForScope, type BriefOptions, type BriefScope } from './brief-for-scope.ts';
export { composeBrief } from './compose.ts';
export { createExtractiveBriefWriter } from './extractive-brief-writer.ts';
export { fallbackAnswerWriter, quotingAnswerWriter } from './quote-answer.ts';
export { rankSentences, summariseExtractive } from './extractive/index.ts';
export { findMovers } from './movers.ts';
export { clusterStories } from './stories.ts';
export { briefToReply, TONE_MARK } from './to-reply.ts';

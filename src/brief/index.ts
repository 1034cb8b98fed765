export { answerQuestion } from './answer.ts';
export { briefForScope, type BriefOptions, type BriefScope } from './brief-for-scope.ts';
export { type Brief, type BriefRequest, type CitedSentence, composeBrief, type Story } from './compose.ts';
export { rankSentences, summariseExtractive } from './extractive/index.ts';
export { findMovers } from './movers.ts';
export { clusterStories, type StoryCluster } from './stories.ts';
export { briefToReply, TONE_MARK } from './to-reply.ts';

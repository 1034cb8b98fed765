export type { Clock } from './clock.ts';
export { type ChatMessage, type Completion, type CompletionRequest, failureOf, type LanguageModel, LanguageModelError, type LanguageModelFailure, type ModelTier } from './language-model.ts';
export type { Logger } from './logger.ts';
export type { PostOptions, Publisher } from './publisher.ts';
export type { AddedSource, FeedPreviewItem, PollSummary, SourceActions } from './source-actions.ts';
export type { ArticleQuery, DedupeKeys, EntityCount, ReplayGuard, SearchHit, Store, TopicCount, UsageTotal } from './store.ts';
export type { AnswerWriter, BriefWriter, Writers } from './writers.ts';

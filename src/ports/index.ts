export type { Clock } from './clock.ts';
export {
  type ChatMessage,
  type Completion,
  type CompletionRequest,
  failureOf,
  type LanguageModel,
  LanguageModelError,
  type LanguageModelFailure,
  type ModelTier,
} from './language-model.ts';
export type { Logger } from './logger.ts';
export { type Metrics, noMetrics } from './metrics.ts';
export type { PostOptions, Publisher } from './publisher.ts';
export type { AddedSource, FailedPoll, FeedPreviewItem, PollSummary, SourceActions } from './source-actions.ts';
export {
  type ArticleInsert,
  type ArticleQuery,
  type DedupeKeys,
  type EntityCount,
  type NearDuplicateCandidate,
  type Owner,
  type ReplayGuard,
  type SearchHit,
  type SearchQuery,
  type Store,
  type TopicCount,
  type UsageTotal,
  type Viewer,
} from './store.ts';
export type { AnswerWriter, BriefWriter, Writers } from './writers.ts';
export { actingFor, currentOwner, ownerOf, viewAs } from './tenant.ts';

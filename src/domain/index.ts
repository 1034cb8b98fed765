export {
  type Article,
  type CleanArticle,
  ENTITY_TYPES,
  type EntityMention,
  type EntityType,
  type ArticleKind,
  type RawArticle,
  type Sentiment,
  SENTIMENT_LABELS,
  type SentimentLabel,
} from './article.ts';
export type { Delivery } from './delivery.ts';
export { DeliveryError, type DeliveryFailure, InputError, isUserFacing, UserFacingError } from './errors.ts';
export { findFigures } from './figures.ts';
export { hostName, parseHttpUrl } from './http-url.ts';
export { escapeRegExp } from './regexp.ts';
export { isValidTimezone } from './timezone.ts';
export { type Reply, type ReplyLine, type ReplySection, type SourceRef, textReply } from './reply.ts';
export type { NewSource, PollRecord, Source } from './source.ts';
export { type NewSubscription, type Subscription, SUBSCRIPTION_MODES, type SubscriptionFilter } from './subscription.ts';
export type { AnswerCandidate, Brief, BriefMover, BriefRequest, BriefUsage, CitedSentence, Mover, RemovedSentence, Story, StoryCluster } from './brief.ts';

export { type AllowEntry, parseAllowEntry } from './allow-entry.ts';

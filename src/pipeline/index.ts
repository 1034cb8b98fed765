export { cleanArticle, isHeadingOnly, leadingHeadingLength, splitSentences } from './clean/index.ts';
export { canonicalUrl, contentHash } from './dedupe/index.ts';
export { type BatchIngestor, ingestArticle, type IngestOutcome, type IngestServices } from './ingest-article.ts';
export { type BatchResult, ingestArticles } from './ingest-batch.ts';
export { decodeBytes, isHtmlRoot, loadLinkedom, readArticles, readFeedTitle, rootElement } from './read/index.ts';
export { contentStems, readCommonWords, wordCount } from './text/index.ts';
export {
  articleImportance,
  createAnalyzer,
  deferredReferenceIndex,
  entityNames,
  entityPattern,
  findTopic,
  isShortNameOf,
  openEntityIds,
  loadReferenceIndex,
  type ReferenceEntity,
  type ReferenceIndex,
  type Occurrence,
  patternWholeWords,
  usableName,
  type WholeWords,
  sentenceSentiment,
  suggestTopics,
  type Token,
  tokenize,
  type TopicDefinition,
  TOPICS,
} from './understand/index.ts';

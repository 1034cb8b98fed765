export { type Analyzer, createAnalyzer } from './analyze.ts';
export { entityNames, entityPattern, isShortNameOf, usableName, openEntityIds, type Occurrence, patternWholeWords, type WholeWords } from './entities/index.ts';
export { articleImportance } from './importance.ts';
export { type Token, tokenize } from './name-keys/index.ts';
export { deferredReferenceIndex, loadReferenceIndex, type ReferenceEntity, type ReferenceIndex } from './reference/index.ts';
export { sentenceSentiment } from './sentiment/index.ts';
export { findTopic, suggestTopics, type TopicDefinition, TOPICS } from './topics/index.ts';

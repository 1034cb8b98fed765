export { canonicalUrl } from './canonical-url.ts';
export { contentHash, contentHashOfWords, dedupeKeys, dedupeKeysOfWords, isNearDuplicate, normalisedWords } from './dedupe.ts';

export { canonicalUrl } from './canonical-url.ts';
export { contentHash, dedupeKeys, isNearDuplicate } from './dedupe.ts';

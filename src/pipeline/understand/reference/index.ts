export { deferredReferenceIndex } from './deferred.ts';
export { loadReferenceIndex } from './load.ts';
export { nameKey, type ReferenceEntity, type ReferenceIndex } from './reference-index.ts';

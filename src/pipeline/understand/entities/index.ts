export { entityNames, entityPattern, usableName } from './pattern.ts';
export type { Occurrence, WholeWords } from './whole-words.ts';
export { patternWholeWords } from './whole-words.ts';
export { createEntityRecognizer } from './recognizer.ts';
export { openEntityIds } from './open-names.ts';
export { isShortNameOf } from './short-names.ts';

export { entityPattern, globalEntityPattern } from './pattern.ts';
export { createEntityRecognizer } from './recognizer.ts';
export { openEntityIds } from './open-names.ts';

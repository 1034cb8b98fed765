export { entityPattern } from './pattern.ts';
export { createEntityRecognizer } from './recognizer.ts';



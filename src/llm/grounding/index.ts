export { groundStory, type StoryGrounding } from './brief-grounding.ts';
export { loadCommonWords } from './common-words.ts';
export { figuresIn, quantitiesIn, supports } from './figures.ts';
export { createGroundingGuard, type GroundingGuard } from './grounding.ts';

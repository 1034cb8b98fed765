export { contextBlock, SLACK_LIMITS } from './block-splitter.ts';
export { renderSlackMessages } from './render.ts';

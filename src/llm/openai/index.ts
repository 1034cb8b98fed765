export { createOpenAiModel } from './openai-model.ts';

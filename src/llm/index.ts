export { createUsageReport, type UsageReport } from './budget/index.ts';
export { createLlmServices } from './create-llm-services.ts';
export type { RemovedSentence } from './grounding/index.ts';
export type { PromptRunner } from './runner.ts';
export { llmSettings } from './settings.ts';
export type { AnswerWriter, BriefWriter } from './writers/index.ts';

export { createUsageReport, type UsageReport } from './budget/index.ts';
export { createLlmServices } from './create-llm-services.ts';
export type { PromptRunner } from './runner.ts';
export type { LlmServices } from './llm-services.ts';

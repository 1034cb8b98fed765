import type { AnswerWriter } from './llm-answer.ts';
import type { BriefWriter } from './llm-brief.ts';
import type { PromptRunner } from './llm-runner.ts';

/**
 * What the LLM adds to the bot, present only when a model is configured; without it every
 * path is the offline extractive one.
 */
export interface LlmServices {
  /** The main model's name, for footers. */
  label: string;
  runner: PromptRunner;
  briefs: BriefWriter;
  answers: AnswerWriter;
  /** Summarises recent articles no summary is cached for yet (the queue left by fallbacks). */
  summariseBacklog(options: { since: string; limit: number }): Promise<{ summarised: number; failed: number; pending: number }>;
}

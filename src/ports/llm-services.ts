import type { AnswerWriter, BriefWriter, PromptRunner } from '../llm/index.ts';

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

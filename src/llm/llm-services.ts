import type { Writers } from '../ports/index.ts';
import type { PromptRunner } from './runner.ts';

/**
 * What the LLM adds to the bot, present only when a model is configured; without it the bot
 * uses the offline writers and no runner.
 */
export interface LlmServices {
  /** The main model's name, for footers. */
  label: string;
  runner: PromptRunner;
  /** Brief and answer writers backed by the model (each falls back to the offline one). */
  writers: Writers;
  /** Summarises recent articles no summary is cached for yet (the queue left by fallbacks). */
  summariseBacklog(options: { since: string; limit: number }): Promise<{ summarised: number; failed: number; pending: number }>;
}

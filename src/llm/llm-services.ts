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
  /** Ids of recent originals with no cached summary yet, newest first (one summary job each). */
  pendingSummaries(options: { since: string; limit: number }): Promise<string[]>;
  /** Summarises one stored article (from the cache when done before); throws when the model fails. False when the article is gone. */
  summariseStored(articleId: string): Promise<boolean>;
}

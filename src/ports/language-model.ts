import type { z } from 'zod';

import type { ModelTier } from '../../prompts/index.ts';

export type { ModelTier };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One chat completion whose answer must be JSON matching `output.schema`. */
export interface CompletionRequest {
  tier: ModelTier;
  messages: ChatMessage[];
  output: {
    /** Sent as the JSON schema's name (letters, digits, `_` and `-`). */
    name: string;
    schema: z.ZodType;
  };
  maxOutputTokens: number;
  /** Aborts the call (a command's deadline). */
  signal?: AbortSignal | undefined;
}

export interface Completion {
  /** The raw answer text; the caller parses and validates it. */
  text: string;
  /** The model that answered, as the endpoint names it. */
  model: string;
  inputTokens: number;
  outputTokens: number;
}

/**
 * A chat model behind any OpenAI-compatible endpoint (DESIGN.md: core imports no SDK).
 * Implementations retry transient failures themselves and throw `LanguageModelError` otherwise.
 */
export interface LanguageModel {
  /** Model names per tier: part of every cache key and shown in footers. */
  readonly models: Readonly<Record<ModelTier, string>>;
  /** Tokens the text costs as input, as the model's tokenizer counts them (close enough for other vendors). */
  countTokens(text: string): number;
  complete(request: CompletionRequest): Promise<Completion>;
}

export const LANGUAGE_MODEL_FAILURES = [
  /** Endpoint unreachable, 5xx after retries, bad key. */
  'unavailable',
  'timeout',
  'rate-limited',
  /** The answer was not valid JSON for the schema, even after one retry. */
  'invalid-output',
  /** The daily token budget is spent. */
  'budget',
  /** The caller's deadline passed or it aborted. */
  'aborted',
] as const;
export type LanguageModelFailure = (typeof LANGUAGE_MODEL_FAILURES)[number];

/** Why a model call gave no usable answer; every caller falls back to the extractive path. */
export class LanguageModelError extends Error {
  override readonly name = 'LanguageModelError';
  readonly failure: LanguageModelFailure;
  constructor(failure: LanguageModelFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.failure = failure;
  }
}

/** A short, safe reason for notes and logs: "timeout", "rate-limited", … */
export function failureOf(error: unknown): LanguageModelFailure {
  return error instanceof LanguageModelError ? error.failure : 'unavailable';
}

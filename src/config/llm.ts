import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

const optionalPrice = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === '') return undefined;
    const price = Number(value);
    if (!Number.isFinite(price) || price < 0) {
      context.addIssue({ code: 'custom', message: 'must be a price in USD per million tokens, e.g. 0.4' });
      return z.NEVER;
    }
    return price;
  });

/**
 * Settings this part of the bot reads, merged into the one schema in src/config.ts.
 * Each is documented in .env.example and the README's settings table.
 */
export const llmSettings = {
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.refine((value) => value === undefined || URL.canParse(value), {
    message: 'must be a URL such as http://localhost:11434/v1',
  }),
  LLM_MODEL: z.string().trim().min(1).default('gpt-4.1-mini'),
  LLM_MODEL_FAST: optionalText,
  LLM_RESPONSE_FORMAT: z.enum(['json_schema', 'json_object']).default('json_schema'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(30_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  LLM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  LLM_MAX_INPUT_TOKENS: z.coerce.number().int().min(500).max(1_000_000).default(6_000),
  LLM_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(2_000_000),
  LLM_DEADLINE_MS: z.coerce.number().int().min(1_000).max(900_000).default(60_000),
  LLM_PRICE_INPUT: optionalPrice,
  LLM_PRICE_OUTPUT: optionalPrice,
} satisfies Record<string, z.ZodType>;

/** The LLM settings once parsed. */
export interface LlmConfig {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  LLM_MODEL: string;
  LLM_MODEL_FAST?: string | undefined;
  LLM_RESPONSE_FORMAT: 'json_schema' | 'json_object';
  LLM_TIMEOUT_MS: number;
  LLM_MAX_RETRIES: number;
  LLM_CONCURRENCY: number;
  LLM_MAX_INPUT_TOKENS: number;
  LLM_DAILY_TOKEN_BUDGET: number;
  LLM_DEADLINE_MS: number;
  LLM_PRICE_INPUT?: number | undefined;
  LLM_PRICE_OUTPUT?: number | undefined;
}

/** A key or a base URL turns the LLM on; a local server needs no key. */
export function llmEnabled(config: Pick<LlmConfig, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>): boolean {
  return config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined;
}

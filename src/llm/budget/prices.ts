import type { TokenPrices } from './daily-budget.ts';

// List prices in USD per million tokens (input, output) of a few common models, for the cost
// estimate when LLM_PRICE_INPUT / LLM_PRICE_OUTPUT are not set. Prices change: the settings win.
const LIST_PRICES: Record<string, TokenPrices> = {
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
};

/** The prices to estimate cost at: the configured ones, else the model's list price, else unknown. */
export function tokenPrices(model: string, configured: { input?: number | undefined; output?: number | undefined }): TokenPrices | null {
  if (configured.input !== undefined && configured.output !== undefined) return { input: configured.input, output: configured.output };
  const listed = LIST_PRICES[model];
  if (listed === undefined) return null;
  return { input: configured.input ?? listed.input, output: configured.output ?? listed.output };
}

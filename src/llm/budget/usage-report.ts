import { type Config, llmEnabled } from '../../config/index.ts';
import { usageByDay, type UsageDay, usageReply } from './daily-budget.ts';
import type { Clock, Owner, Store } from '../../ports/index.ts';
import type { Reply } from '../../domain/index.ts';
import { tokenPrices } from './prices.ts';

export interface UsageReport {
  days: UsageDay[];
  reply: Reply;
}

/**
 * LLM calls, cache hits, tokens and estimated cost per day for the last `count` days, newest first:
 * of one workspace's calls when `owner` is given (what /usage shows its admins), else of the whole bot.
 */
export function createUsageReport(config: Config, store: Store, clock: Clock): (count: number, owner?: Owner) => Promise<UsageReport> {
  return async (count, owner) => {
    const today = Date.parse(`${clock.now().toISOString().slice(0, 10)}T00:00:00.000Z`);
    // Oldest first: each day's totals are "since that day" less "since the next".
    const days = Array.from({ length: count }, (_, position) => new Date(today - (count - 1 - position) * 86_400_000).toISOString().slice(0, 10));
    const since = await Promise.all(days.map((day) => store.usageSince(`${day}T00:00:00.000Z`, owner)));
    const byDay = usageByDay(days, since).reverse();
    const reply = usageReply(byDay, {
      priceOf: (model) => tokenPrices(model, { input: config.LLM_PRICE_INPUT, output: config.LLM_PRICE_OUTPUT }),
      dailyTokenBudget: config.LLM_DAILY_TOKEN_BUDGET,
      enabled: llmEnabled(config),
    });
    return { days: byDay, reply };
  };
}

import type { UsageTotal } from '../../ports/index.ts';
import type { Reply } from '../../domain/index.ts';

/** USD per million tokens. */
export interface TokenPrices {
  input: number;
  output: number;
}

export function estimateCostUsd(tokens: { inputTokens: number; outputTokens: number }, prices: TokenPrices | null): number | null {
  if (prices === null) return null;
  const cost = (tokens.inputTokens * prices.input + tokens.outputTokens * prices.output) / 1_000_000;
  return Math.round(cost * 1_000_000) / 1_000_000;
}

export interface UsageDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  totals: UsageTotal[];
}

function sum(totals: readonly UsageTotal[]): Omit<UsageTotal, 'promptId' | 'model'> {
  return totals.reduce(
    (all, total) => ({
      calls: all.calls + total.calls,
      cacheHits: all.cacheHits + total.cacheHits,
      inputTokens: all.inputTokens + total.inputTokens,
      outputTokens: all.outputTokens + total.outputTokens,
    }),
    { calls: 0, cacheHits: 0, inputTokens: 0, outputTokens: 0 },
  );
}

/** Per-day totals from cumulative "since" totals: the store answers "since", days are differences. */
export function usageByDay(days: readonly string[], sinceTotals: readonly UsageTotal[][]): UsageDay[] {
  const key = (total: UsageTotal): string => `${total.promptId}\u0000${total.model}`;
  return days.map((day, position) => {
    const later = new Map((sinceTotals[position + 1] ?? []).map((total) => [key(total), total]));
    const totals = (sinceTotals[position] ?? [])
      .map((total) => {
        const after = later.get(key(total));
        return after === undefined
          ? total
          : {
              ...total,
              calls: total.calls - after.calls,
              cacheHits: total.cacheHits - after.cacheHits,
              inputTokens: total.inputTokens - after.inputTokens,
              outputTokens: total.outputTokens - after.outputTokens,
            };
      })
      .filter((total) => total.calls > 0 || total.cacheHits > 0);
    return { day, totals };
  });
}

function formatCost(cost: number | null): string {
  return cost === null ? 'cost unknown (set LLM_PRICE_INPUT and LLM_PRICE_OUTPUT)' : `≈ $${cost.toFixed(4)}`;
}

/** The usage report (`market-brief usage`, an admin `/usage`): calls, cache hits, tokens and cost per day and prompt. */
export function usageReply(
  days: readonly UsageDay[],
  options: { priceOf: (model: string) => TokenPrices | null; dailyTokenBudget: number; enabled: boolean },
): Reply {
  const sections = days.map((entry) => {
    const total = sum(entry.totals);
    const costs = entry.totals.map((item) => estimateCostUsd(item, options.priceOf(item.model)));
    const totalCost = costs.some((cost) => cost === null) ? null : costs.reduce<number>((all, cost) => all + (cost ?? 0), 0);
    const lines = entry.totals.map((item, position) => ({
      label: `${item.promptId} · ${item.model}`,
      text: `${item.calls} calls, ${item.cacheHits} from cache, ${item.inputTokens} in / ${item.outputTokens} out tokens, ${formatCost(costs[position] ?? null)}`,
      sources: [],
    }));
    const budget = options.dailyTokenBudget > 0 ? ` of ${options.dailyTokenBudget} budget` : '';
    lines.unshift({
      label: 'Total',
      text: `${total.calls} calls, ${total.cacheHits} from cache, ${total.inputTokens + total.outputTokens} tokens${budget}, ${formatCost(totalCost)}`,
      sources: [],
    });
    return { heading: entry.day, lines };
  });
  return {
    title: 'LLM usage',
    sections,
    sources: [],
    visibility: 'ephemeral',
    footer: options.enabled ? 'Costs are estimates at the configured prices.' : 'No LLM configured: summaries are extractive and cost nothing.',
  };
}

import { describe, expect, it } from 'vitest';
import { estimateCostUsd, usageByDay, usageReply } from '../../src/llm/budget/daily-budget.ts';

const total = (promptId: string, calls: number, cacheHits: number, inputTokens: number, outputTokens: number) => ({
  promptId,
  model: 'm',
  calls,
  cacheHits,
  inputTokens,
  outputTokens,
});

describe('usage accounting', () => {
  it('turns "since" totals into per-day totals', () => {
    const days = usageByDay(
      ['2026-11-19', '2026-11-20'],
      [[total('brief', 3, 1, 3000, 600), total('answer', 1, 0, 500, 100)], [total('brief', 1, 1, 1000, 200)]],
    );
    expect(days).toEqual([
      { day: '2026-11-19', totals: [total('brief', 2, 0, 2000, 400), total('answer', 1, 0, 500, 100)] },
      { day: '2026-11-20', totals: [total('brief', 1, 1, 1000, 200)] },
    ]);
  });

  it('estimates cost at per-million prices, or says it cannot', () => {
    expect(estimateCostUsd({ inputTokens: 1_000_000, outputTokens: 500_000 }, { input: 0.4, output: 1.6 })).toBeCloseTo(1.2, 9);
    expect(estimateCostUsd({ inputTokens: 10, outputTokens: 10 }, null)).toBeNull();
    const reply = usageReply([{ day: '2026-11-20', totals: [total('brief', 2, 1, 1000, 500)] }], {
      priceOf: () => ({ input: 1, output: 2 }),
      dailyTokenBudget: 10_000,
      enabled: true,
    });
    expect(reply.sections[0]?.lines[0]?.text).toBe('2 calls, 1 from cache, 1500 tokens of 10000 budget, ≈ $0.0020');
    const unknown = usageReply([{ day: '2026-11-20', totals: [total('brief', 1, 0, 10, 10)] }], { priceOf: () => null, dailyTokenBudget: 0, enabled: true });
    expect(unknown.sections[0]?.lines[0]?.text).toMatch(/cost unknown/);
  });
});

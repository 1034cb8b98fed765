import { describe, expect, it } from 'vitest';
import company from '../../commands/company.ts';
import type { CommandContext, CommandServices } from '../../src/dispatch/index.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

// Written for this test: one deal told by two outlets in their own words, and another story.
const first = {
  title: 'Goldman Sachs agrees to buy fintech lender for $2 billion',
  text: 'Goldman Sachs agreed on Monday to buy a consumer fintech lender for $2 billion in cash, its largest deal in years. The bank expects the purchase to close in the spring.',
};
const second = {
  title: 'Goldman Sachs to acquire fintech lender in $2 billion deal',
  text: 'Wall Street bank Goldman Sachs will pay $2 billion for an online lender, according to a statement, as it pushes further into consumer banking. Shares of the lender jumped.',
};
const other = {
  title: 'Goldman Sachs names new head of commodities trading',
  text: 'Goldman Sachs appointed a veteran metals trader to run its commodities desk on Tuesday, according to an internal memo seen by reporters.',
};

describe('/company lists a story once, however many outlets told it', () => {
  it('shows one line for the deal, citing both reports, and the other story beside it', async () => {
    const store = await storeWith([first, second, other]);
    const reply = await company.run({ name: 'Goldman Sachs' }, {} as CommandContext, { store, reference } as unknown as CommandServices);
    const latest = reply.sections.find((section) => section.heading === 'Latest')?.lines ?? [];
    expect(latest).toHaveLength(2);
    const deal = latest.find((line) => /fintech lender/.test(line.label ?? ''));
    expect(deal?.sources).toHaveLength(2);
    const cited = (deal?.sources ?? []).map((n) => reply.sources.find((source) => source.n === n)?.title);
    expect(cited.sort()).toEqual([first.title, second.title].sort());
    expect(latest.some((line) => /head of commodities trading/.test(line.label ?? ''))).toBe(true);
    expect(reply.sources).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import company from '../../commands/company.ts';
import type { CommandContext, CommandServices } from '../../src/dispatch/index.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

// Written for this test: the company asked about is named only inside a quotation that runs over two sentences.
const article = {
  title: 'Morgan Stanley shares slide as merger talk swirls',
  text: [
    'Morgan Stanley shares closed down 10.8 percent on Tuesday, having fallen 46 percent so far this year, as investors fretted over its funding.',
    '"Talk of a merger with a commercial bank confirmed such fears, and traders now wonder whether even Goldman Sachs is safe. Sentiment is extremely fragile," said a strategist in Tokyo.',
    'The bank said it had ample liquidity.',
  ].join(' '),
};

describe('/company quotes a sentence about the company asked for', () => {
  it('shows the sentence that names it, its quotation closed, rather than a sentence about another company', async () => {
    const store = await storeWith([article]);
    const reply = await company.run({ name: 'Goldman Sachs' }, {} as CommandContext, { store, reference } as unknown as CommandServices);
    const lines = reply.sections.flatMap((section) => section.lines);
    const line = lines.find((entry) => entry.label?.includes('Morgan Stanley shares slide'));
    expect(line?.text).toBe('"Talk of a merger with a commercial bank confirmed such fears, and traders now wonder whether even Goldman Sachs is safe."');
  });
});

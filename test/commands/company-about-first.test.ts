import { describe, expect, it } from 'vitest';
import company from '../../commands/company.ts';
import type { CommandContext, CommandServices } from '../../src/dispatch/index.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

// Written for this test: one report about Goldman Sachs, then five newer ones that name it in passing.
const about = {
  title: 'Goldman Sachs agrees $100 million settlement with regulator',
  text: 'Goldman Sachs agreed on Tuesday to pay $100 million to settle a regulator’s claims over its compliance programme. The bank said the matter was closed.',
};
const passing = [
  'Copper prices held steady on Wednesday as Chilean mine output recovered from floods and Chinese smelters bought less.',
  'Cocoa futures slipped in London after rain in Ivory Coast improved the outlook for the mid-crop harvest.',
  'Coffee roasters in Brazil raised their purchases ahead of a frost forecast for the southern growing regions.',
  'Sugar mills in India asked the government to allow more exports after a bumper cane crush this season.',
  'Wheat shipments from Black Sea ports picked up as insurers cut war-risk premiums for grain vessels.',
].map((opening, index) => ({
  title: `${opening.split(' ').slice(0, 4).join(' ')} (${index + 1})`,
  text: `${opening} Analysts at Goldman Sachs see demand picking up next year.`,
}));

describe('/company shows reports about the company before those naming it in passing', () => {
  it('lists the settlement though five newer articles name the bank once', async () => {
    const store = await storeWith([about, ...passing]);
    const reply = await company.run({ name: 'Goldman Sachs' }, {} as CommandContext, { store, reference } as unknown as CommandServices);
    const labels = reply.sections.flatMap((section) => section.lines).map((line) => line.label ?? '');
    expect(labels).toHaveLength(5);
    expect(labels.some((label) => label.includes('Goldman Sachs agrees $100 million settlement'))).toBe(true);
  });

  it('lists reports with the company in their headline before newer ones that only mention it twice', async () => {
    const twice = passing.map((article) => ({ ...article, text: `${article.text} Goldman Sachs also cut its price forecast.` }));
    const store = await storeWith([about, ...twice]);
    const reply = await company.run({ name: 'Goldman Sachs' }, {} as CommandContext, { store, reference } as unknown as CommandServices);
    const labels = reply.sections.flatMap((section) => section.lines).map((line) => line.label ?? '');
    expect(labels).toHaveLength(5);
    expect(labels.some((label) => label.includes('Goldman Sachs agrees $100 million settlement'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import company from '../../commands/company.ts';
import type { CommandContext, CommandServices } from '../../src/dispatch/index.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

// Written for this test: a company's shares moved in two reports weeks apart, the older stored last.
const older = {
  title: 'Caterpillar shares slide as dealers report weaker sales',
  text: 'Shares of Caterpillar Inc fell 4.5 percent to $87.77 on Tuesday after its dealers reported slowing sales.',
  publishedAt: '2026-10-06T15:00:00Z',
};
const newer = {
  title: 'Caterpillar shares climb after upbeat outlook',
  text: 'Shares of Caterpillar Inc rose 3.1 percent to $95.10 on Wednesday after the company raised its outlook for the year.',
  publishedAt: '2026-11-18T15:00:00Z',
};

describe('/company moves', () => {
  it('lists each move with its article date, the newest first', async () => {
    const store = await storeWith([newer, older]);
    const reply = await company.run({ name: 'Caterpillar' }, {} as CommandContext, { store, reference } as unknown as CommandServices);
    const moves = reply.sections.find((section) => section.heading === 'Moves')?.lines ?? [];
    expect(moves.map((line) => line.label)).toEqual(['▲ 3.1 percent (2026-11-18)', '▼ 4.5 percent (2026-10-06)']);
    const cited = moves.map((line) => reply.sources.find((source) => source.n === line.sources[0])?.title);
    expect(cited).toEqual([newer.title, older.title]);
  });

  it("takes the company's move on the day for the article's tone towards it", async () => {
    // Written for this test: the shares fell, and the rest of the story praises the company.
    const slide = {
      title: 'Caterpillar slips as investors book profits',
      text: 'Caterpillar Inc shares fell 3 percent on Monday. After a record year, Caterpillar was ripe for profit taking, analysts said, praising its strong growth and excellent margins.',
    };
    const store = await storeWith([slide]);
    const reply = await company.run({ name: 'Caterpillar' }, {} as CommandContext, { store, reference } as unknown as CommandServices);
    const latest = reply.sections.find((section) => section.heading === 'Latest')?.lines ?? [];
    expect(latest.map((line) => line.tone)).toEqual(['negative']);
    expect(reply.tone).toBe('negative');
  });
});

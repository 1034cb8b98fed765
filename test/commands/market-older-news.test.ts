import { describe, expect, it } from 'vitest';
import market from '../../commands/market.ts';
import type { CommandContext, CommandServices } from '../../src/dispatch/index.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

// Written for this test; stored on 2026-11-24 (the support store's clock).
const article = {
  title: 'Hang Seng ends higher as property shares rebound',
  text: 'The Hang Seng Index rose 1.2 percent on Monday as property developers rebounded on hopes of more support from Beijing.',
};

/** The store holding `articles`, and the command's services on a clock months after them. */
async function monthsLater(articles: Parameters<typeof storeWith>[0]) {
  const store = await storeWith(articles);
  const later = { now: () => new Date('2027-06-01T08:00:00Z') };
  return { store, services: { store, reference, clock: later } as unknown as CommandServices };
}

describe('/market with only older news', () => {
  it('says when it last read about the market instead of claiming it never did', async () => {
    const { services } = await monthsLater([article]);
    await expect(market.run({ name: 'hang seng' }, {} as CommandContext, services)).rejects.toThrow(
      'I have read nothing about Hang Seng Index (^HSI) in the last 30 days; the newest I have is from 2026-11-24: "Hang Seng ends higher as property shares rebound".',
    );
    await expect(market.run({ name: 'nikkei' }, {} as CommandContext, services)).rejects.toThrow('I have not read anything about Nikkei 225 (^N225) yet.');
  });

  it('names the newest story about the market, not a newer one that names it in passing', async () => {
    const passing = {
      title: 'Harbourline Holdings profit climbs 8 percent',
      text: 'Harbourline Holdings, a constituent of the Hang Seng Index, said on Tuesday its half-year profit rose 8 percent on higher port volumes.',
    };
    const { store, services } = await monthsLater([article, passing]);
    const newest = await store.listArticles({ entityIds: ['index:hang-seng'], limit: 1 });
    expect(newest.map((found) => found.title)).toEqual([passing.title]);
    await expect(market.run({ name: 'hang seng' }, {} as CommandContext, services)).rejects.toThrow('"Hang Seng ends higher as property shares rebound"');
  });

  it("counts a newer story that reports the market's own move, named once", async () => {
    const wrap = {
      title: 'Asian shares slide as exporters weigh',
      text: 'Asian shares fell on Tuesday as exporters slid on a stronger yen. In Hong Kong, the Hang Seng Index fell 2.4 percent to its lowest close in a month.',
    };
    const { services } = await monthsLater([article, wrap]);
    await expect(market.run({ name: 'hang seng' }, {} as CommandContext, services)).rejects.toThrow('"Asian shares slide as exporters weigh"');
  });

  it('prefers a story with the market in its headline over a newer one that only names it twice', async () => {
    const twice = {
      title: 'Harbourline Holdings files for bankruptcy protection',
      text: 'Harbourline Holdings filed for bankruptcy protection on Tuesday. The port operator left the Hang Seng Index last year, and its shares had lagged the Hang Seng Index for months before the filing.',
    };
    const { store, services } = await monthsLater([article, twice]);
    const stored = await store.listArticles({ entityIds: ['index:hang-seng'], limit: 2 });
    expect(stored.map((found) => [found.title, found.entities.find((mention) => mention.id === 'index:hang-seng')?.count])).toEqual([
      [twice.title, 2],
      [article.title, expect.any(Number)],
    ]);
    await expect(market.run({ name: 'hang seng' }, {} as CommandContext, services)).rejects.toThrow('"Hang Seng ends higher as property shares rebound"');
    // Alone, a story that names it twice is still named rather than none.
    const { services: onlyTwice } = await monthsLater([twice]);
    await expect(market.run({ name: 'hang seng' }, {} as CommandContext, onlyTwice)).rejects.toThrow(`"${twice.title}"`);
  });
});

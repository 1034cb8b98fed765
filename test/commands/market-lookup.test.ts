import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { runCli, temporaryDatabase } from '../support/run-cli.ts';

const reference = loadReferenceIndex();
const MARKET = ['index', 'exchange', 'commodity', 'currency', 'crypto', 'company'] as const;

describe('look-ups prefer markets over companies of the same name', () => {
  it('takes the order of the types asked for as a preference', () => {
    expect(reference.lookup('nasdaq', MARKET)?.id).toBe('index:nasdaq-composite');
    expect(reference.lookup('HKEX', MARKET)?.id).toBe('exchange:hkex');
    expect(reference.lookup('oil', MARKET)?.type).toBe('commodity');
    expect(reference.lookup('gold', MARKET)?.id).toBe('commodity:gold');
    expect(reference.lookup('yen', MARKET)?.id).toBe('currency:jpy');
    // The same words asked for a company (or with no type preference) still find what they found before.
    expect(reference.lookup('nasdaq')?.id).toBe('exchange:nasdaq');
    expect(reference.lookup('Alibaba', MARKET)?.type).toBe('company');
  });

  it('prefers a market to a company whose ticker is the word', () => {
    // "GOLD" is also a listed company's ticker; the commodity is what a trader means by /market gold.
    const byTicker = reference.byTicker('GOLD');
    if (byTicker.length > 0) expect(reference.lookup('GOLD', MARKET)?.type).toBe('commodity');
    expect(reference.lookup('GOLD', ['company'])?.type ?? 'company').toBe('company');
  });
});

describe('suggestions are the closest names, or nothing', () => {
  it('offers nothing for input that resembles no name', () => {
    for (const typed of ['😀', '🚀🚀', '!!!', '—', 'zqxjvw']) expect(reference.suggest(typed), typed).toEqual([]);
  });

  it('orders by name distance: the closest name first, typos included', () => {
    expect(reference.suggest('hang sang', ['index'])[0]?.id).toBe('index:hang-seng');
    expect(reference.suggest('alibabba', ['company'])[0]?.name).toMatch(/^Alibaba/);
    expect(reference.suggest('nasdaq composit', ['index'])[0]?.id).toBe('index:nasdaq-composite');
    // Every suggestion for a typo is within a few edits of one of its names.
    const typo = reference.suggest('tencnet');
    expect(typo[0]?.id).toBe('company:tencent');
    for (const entity of typo) {
      const near = [entity.name, ...entity.aliases].some((name) =>
        name
          .toLowerCase()
          .split(' ')
          .some((_, start, words) => distance('tencnet', words.slice(start).join(' ').slice(0, 7)) <= 2),
      );
      expect(near, entity.name).toBe(true);
    }
  });

  it('still offers the best-known names before anything is typed', () => {
    expect(reference.suggest('', ['index']).length).toBeGreaterThan(0);
  });
});

describe('/market in the shell bot', () => {
  it('finds the index, the exchange and its market, a commodity and a currency, and suggests nothing for an emoji', { timeout: 120_000 }, async () => {
    const input = ['/market nasdaq', '/market HKEX', '/market oil', '/market yen', '/market 😀', '/market hang sang', ''].join('\n');
    const result = await runCli(['start'], { env: { DATABASE_URL: temporaryDatabase() }, input });
    const [, nasdaq = '', hkex = '', oil = '', yen = '', emoji = '', typo = ''] = result.stdout.split(/^== /m);
    expect(nasdaq).toContain('Nasdaq Composite');
    expect(nasdaq).not.toContain('NDAQ');
    // The exchange brings its market: the Hong Kong story about the Hang Seng.
    expect(hkex).toMatch(/^Hong Kong Exchanges and Clearing/);
    expect(hkex).toMatch(/Hang Seng Index.*▲ 21%/);
    expect(oil).toContain('Crude oil');
    expect(yen).toContain('Japanese yen');
    expect(emoji).toMatch(/I don't know a market called "😀"\.\n/);
    expect(emoji).not.toContain('Did you mean');
    expect(typo).toMatch(/Did you mean: Hang Seng Index/);
  });
});

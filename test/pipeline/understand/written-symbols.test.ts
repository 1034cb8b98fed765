import { describe, expect, it } from 'vitest';
import { createEntityRecognizer } from '../../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../../src/pipeline/understand/reference/load.ts';

const recognizer = createEntityRecognizer(loadReferenceIndex());
const mentions = (title: string, text: string) => recognizer.recognize(title, text);
const ids = (title: string, text: string): string[] => mentions(title, text).map((mention) => mention.id);

describe('a ticker written after a name says which instrument it is', () => {
  it('takes a name whose bracketed symbol no listing has, in a crypto text, for an asset of that name and symbol', () => {
    const found = mentions('', 'The exchange token Cronos (CRO) gained 3% this week while Bitcoin held steady. Cronos traded at $0.06.');
    expect(found.map((mention) => mention.id)).not.toContain('company:cronos');
    expect(found.find((mention) => mention.id === 'crypto:cronos')).toMatchObject({ name: 'Cronos', type: 'crypto', ticker: 'CRO', count: 2 });
  });

  it('carries a symbol written in the headline to the same name in the body, and reads a cashtag the same way', () => {
    const headline = ids('Cronos (CRO) Climbs 3% As Crypto Markets Steady', 'Cronos traded at $0.06 on Tuesday, and the token gained 3%.');
    expect(headline).toContain('crypto:cronos');
    expect(headline).not.toContain('company:cronos');
    expect(ids('', 'Traders bought Cronos $CRO as the token rallied on Tuesday.')).toEqual(['crypto:cronos']);
  });

  it('takes the name for the reference entity whose symbol is written', () => {
    expect(ids('', 'Shares of Consol Energy ( CNX.N ) fell 2 percent on Monday.')).toEqual(['company:cnx-resources']);
    expect(ids('', 'Burger chain Jack in the Box Inc ( JACK.O ) rose 3 percent.')).not.toContain('company:box');
    expect(ids('', 'Lender Industrial and Commercial Bank of China Ltd ( 601398.SS ) said on Monday it would lend more.')).toEqual(['company:icbc']);
  });

  it('keeps the name when the symbol is its own however written, a former one, or a likely typo after a big name', () => {
    expect(ids('', 'Facebook Inc ( FB.O ) shares rose 2 percent on Monday.')).toEqual(['company:meta']);
    expect(ids('', 'The token rally lifted Facebook (FB) shares on Monday.')).toContain('company:meta');
    expect(ids('', 'Berkshire Hathaway (BRK.B) and Alibaba (9988.HK) rose.')).toEqual(['company:berkshire-hathaway', 'company:alibaba']);
    expect(ids('', 'Royal Dutch Shell ( RDSa.L ) fell 1 percent.')).toEqual(['company:shell']);
    expect(ids('', 'ConocoPhillips ( CVX.N ) slipped 0.2 percent.')).toContain('company:conocophillips');
    expect(ids('', "Investors included the insurer Prudential's M&G ( PRU.L ) on Monday.")).toContain('company:m-and-g');
  });

  it('reads "<Issuer> USD (<TICKER>)" in crypto news as one token, not the dollar and the issuer', () => {
    const found = mentions('', 'Crypto exchange Coinbase will list Kraken USD (KUSD), a new stablecoin.');
    expect(found.map((mention) => mention.id)).not.toContain('currency:usd');
    expect(found.map((mention) => mention.id)).not.toContain('company:kraken');
    expect(found.find((mention) => mention.id === 'crypto:kraken-usd')).toMatchObject({ name: 'Kraken USD', type: 'crypto', ticker: 'KUSD', count: 1 });
    // The issuer named on its own elsewhere is still the issuer.
    expect(ids('', 'Kraken USD (KUSD) is a stablecoin. Kraken said demand was strong.')).toEqual(
      expect.arrayContaining(['crypto:kraken-usd', 'company:kraken']),
    );
  });

  it("reads a longer name ending in an asset, with a ticker that is not the asset's, as another token", () => {
    const found = ids('', 'Crypto exchange Huobi bought Nagoya Exchange Ethereum (NXETH) on Monday.');
    expect(found).toContain('crypto:nagoya-exchange-ethereum');
    expect(found).not.toContain('crypto:ethereum');
    expect(found).not.toContain('organisation:nagoya-exchange');
  });

  it('reads a token named by a longer name ending in an asset or currency, and no listed company in a crypto symbol', () => {
    const found = ids('', 'Crypto lenders sold Wrapped Ether (WETH) and Neutrino USD (USDN) while Ethereum and Litecoin (LITE) slipped.');
    expect(found).toEqual(expect.arrayContaining(['crypto:wrapped-ether', 'crypto:neutrino-usd', 'crypto:ethereum', 'crypto:litecoin']));
    expect(found).not.toContain('currency:usd');
    expect(found).not.toContain('company:wetouch-technology');
    expect(found).not.toContain('company:lumentum');
  });

  it('does not take an acronym or an unknown symbol outside crypto news for another instrument', () => {
    expect(ids('', 'Shares of Cronos (CRO) fell 2 percent after the cannabis maker reported.')).toContain('company:cronos');
  });
});

import { describe, expect, it } from 'vitest';
import { findMovers } from '../../src/brief/movers.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

// Every sentence here is written for these tests.
const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);

function moves(text: string): string[] {
  const article = makeArticle({ id: 'a', title: '', text, entities: recognizer.recognize('', text) });
  return findMovers([article], reference, 10).map(
    (mover) => `${mover.name} ${mover.direction} ${mover.figure}${mover.horizon === null ? '' : ` ${mover.horizon}`}`,
  );
}

describe('movers: the subject of its own clause', () => {
  it('credits each figure to the entity its own clause names', () => {
    expect(moves('Ether dropped 5% and Solana slid 7%, taking crypto lower.')).toEqual(['Ethereum down 5%', 'Solana down 7%']);
    expect(moves("India's Sensex fell 1.2% on Thursday and the Nifty 50 lost 1.1% as investors sold.")).toEqual(['BSE Sensex down 1.2%', 'Nifty 50 down 1.1%']);
    expect(moves('Oil prices rose 3% and gold fell 1%.')).toEqual(['Crude oil up 3%', 'Gold down 1%']);
    // "Increased" and "decreased" as verbs move; the nouns are as often sales: "saw decreases of 25.8 percent".
    expect(moves('So far, Bitcoin has increased by 1.12% in the last 24 hours.')).toEqual(['Bitcoin up 1.12% in the last 24 hours']);
    expect(moves('Exxon Mobil stock has decreased 5.6% this week.')).toEqual(['Exxon Mobil down 5.6% this week']);
    expect(moves('General Motors and Ford saw decreases of 25.8 percent and 21.4 percent respectively.')).toEqual([]);
    // Listings, like sales, are no price.
    expect(moves('First-quarter new eBay listings rose 2 percent on the fourth quarter.')).toEqual([]);
    // What a price can do is no move it made.
    expect(moves('Some traders argue that Bitcoin can increase by 5,000% from here.')).toEqual([]);
    expect(moves('Bitcoin can fall 20% in a week, and did.')).toEqual([]);
  });

  it('reads a subordinate clause opening the sentence as a clause of its own', () => {
    expect(moves('While Apple fell 2 percent after its results, Microsoft rose 1.5 percent to a record.')).toEqual([
      'Apple down 2 percent',
      'Microsoft up 1.5 percent',
    ]);
    expect(moves('Although Intel fell 2 percent, Microsoft rose 1.5 percent.')).toEqual(['Intel down 2 percent', 'Microsoft up 1.5 percent']);
    // Without a move of its own it is only an opening phrase.
    expect(moves('While markets were closed in Japan, Toyota rose 2 percent in New York.')).toEqual(['Toyota Motor up 2 percent']);
    expect(moves('Although down 5 percent this year, Apple rose 2 percent on Tuesday.')).toEqual(['Apple up 2 percent']);
  });

  it('gives each clause the period of a time phrase opening the sentence, unless it states its own', () => {
    expect(moves('For the week, the Dow Jones industrial average fell 1.6 percent, while the Nasdaq lost 2 percent.')).toEqual([
      'Dow Jones Industrial Average down 1.6 percent for the week',
      'Nasdaq Composite down 2 percent for the week',
    ]);
    expect(moves('This year, Bitcoin is up 40%, while Ethereum rose 3% on Monday.')).toEqual(['Bitcoin up 40% this year', 'Ethereum up 3%']);
    // An opening that is no time phrase lends nothing.
    expect(moves('On Monday, Bitcoin rose 2%, while Ethereum fell 1%.')).toEqual(['Bitcoin up 2%', 'Ethereum down 1%']);
  });

  it('credits the company after where it is based, not the place', () => {
    expect(moves('The shares of Cupertino, California-based Apple fell 1.5 percent to $247.80 in midday trading.')).toEqual([
      'Apple down 1.5 percent in midday trading',
    ]);
    expect(moves('Shares of Dallas-based AT&T fell 0.4 percent to $24.18.')).toEqual(['AT&T down 0.4 percent']);
  });

  it('finds a listed company by its name without the legal form, and as prose writes a word a listing gives in capitals', () => {
    expect(moves('Shares of China Eastern Airlines rose 1.8 percent in Hong Kong.')).toEqual(['China Eastern Airlines Corp Ltd up 1.8 percent']);
    expect(moves('Big Lots shares were down $1.37, or 4.1 percent, at $31.69.')).toEqual(['BIG Lots Inc down 4.1 percent']);
    // The symbol in brackets closes the name a relative clause is about.
    expect(moves('The largest gainer was bitcoin miner Marathon Digital (MARA), which rose 24% today.')).toEqual(['MARA Holdings, Inc. up 24%']);
  });

  it('credits a move stated by the acronym of a name the article writes in full to that name', () => {
    expect(moves('General Electric Co said it would sell its plastics unit. GE shares fell 2.2 percent.')).toEqual(['General Electric down 2.2 percent']);
  });

  it("quotes a relative clause's move from the name it is about", () => {
    const text = 'Alibaba, which has been at the forefront of this rally with a nearly 70% surge since January 17, introduced an AI model.';
    const article = makeArticle({ id: 'a', title: '', text, entities: recognizer.recognize('', text) });
    expect(findMovers([article], reference, 10).map((mover) => mover.excerpt)).toEqual([
      'Alibaba, which has been at the forefront of this rally with a nearly 70% surge since January 17, introduced an AI model.',
    ]);
  });

  it("keeps a relative clause's period to the relative clause", () => {
    expect(moves('BP stock, which lagged rivals by 16 percent last year, jumped 2 percent on the news.')).toEqual(['BP up 2 percent']);
    expect(moves('Apple shares, which surged more than 21 percent in April, fell 0.6 percent to $173.95.')).toEqual(['Apple down 0.6 percent']);
  });

  it('reads figures that only say when as no figure of a move', () => {
    expect(moves('In the past 24 hours, Bitcoin and Ethereum have both shed 1.4% and 2.2%, respectively.')).toEqual([
      'Bitcoin down 1.4% in the past 24 hours',
      'Ethereum down 2.2% in the past 24 hours',
    ]);
    expect(moves('Solana is up 16% over the past 24 hours.')).toEqual(['Solana up 16% over the past 24 hours']);
    // A contrast or a pronoun starts a subject of its own: nothing before it is carried in.
    expect(moves('On Thursday, Wall Street suffered its worst sell-off since early 2009, while crude oil declined as much as 6 percent.')).toEqual([
      'Crude oil down as much as 6 percent',
    ]);
    expect(moves('ChiNext halted trade in the new stocks for 30 minutes after they rose 20 percent from their opening price.')).toEqual([]);
  });

  it('credits what was sent moving, not what sent it', () => {
    expect(moves('An unexpected rise in gasoline stocks sent oil prices tumbling 4 percent on Wednesday.')).toEqual(['Crude oil down 4 percent']);
    expect(moves('The upgrade sent Apple shares up 5 percent on Tuesday.')).toEqual(['Apple up 5 percent']);
    // The index's name before "shares" is the company of that name: not the index, and not the subject either.
    expect(moves('News Corp, the publisher of The Wall Street Journal, sent Dow Jones shares soaring 54.69 percent to $56.20.')).toEqual([]);
  });

  it('pairs coordinated subjects with coordinated figures in order, and leaves out a count that does not match', () => {
    expect(moves('Chevron and Exxon Mobil gained 2.2% and 0.8% respectively.')).toEqual(expect.arrayContaining(['Chevron up 2.2%', 'Exxon Mobil up 0.8%']));
    expect(moves('Boeing and Microsoft fell 3 percent and 1 percent.')).toEqual(expect.arrayContaining(['Boeing down 3 percent', 'Microsoft down 1 percent']));
    expect(moves('Boeing and Microsoft fell 3 percent.')).toEqual([]);
    // Coordinated with a name the reference does not know: whose figure is whose is unsure.
    expect(moves('Acme Widgets and Microsoft fell 3 percent and 1 percent.')).toEqual([]);
  });

  it('takes a later exact figure over a rounded one for the same move, and nothing else from later', () => {
    expect(moves('Boeing was the top drag on the Dow, down almost 10 percent. Shares of Boeing shed 9.7 percent to $64.57.')).toEqual([
      'Boeing down 9.7 percent',
    ]);
    expect(moves('Gold rose more than 2% on Monday. Gold gained 2.3% to $1,900 an ounce.')).toEqual(['Gold up 2.3%']);
    // Exact first: the first statement stands.
    expect(moves('Boeing fell 9.7 percent. Boeing was down almost 10 percent.')).toEqual(['Boeing down 9.7 percent']);
    // Another period or direction is another move, not a better figure for this one.
    expect(moves('Boeing fell almost 10 percent. Boeing has lost 41.2 percent this year.')).toEqual(['Boeing down almost 10 percent']);
    expect(moves('Boeing fell almost 10 percent. Boeing rose 2.1 percent in late trade.')).toEqual(['Boeing down almost 10 percent']);
  });

  it('shows a figure as stated: its rounding words kept, its sign given by the arrow, a range left out', () => {
    expect(moves('Boeing was the top drag on the Dow, down almost 10 percent.')).toEqual(['Boeing down almost 10 percent']);
    expect(moves('Bitcoin fell -5% on Monday.')).toEqual(['Bitcoin down 5%']);
    expect(moves('Bitcoin gained +5% on Monday.')).toEqual(['Bitcoin up 5%']);
    // A sign against the verb, or the end of a range: whose figure and which way is unsure.
    expect(moves('Bitcoin fell +5% on Monday.')).toEqual([]);
    expect(moves('Exxon Mobil also rose by 3-5 percent.')).toEqual([]);
    // An earlier move given back is not a move made: "shed gains of 3 percent" ended flat.
    expect(moves('Samsung Electronics shed gains of just under 3 percent to end the session flat.')).toEqual([]);
    expect(moves('Samsung Electronics shed 3 percent.')).toEqual(['Samsung Electronics down 3 percent']);
  });

  it("gives a commodity's or a coin's move stated as an amount when no percentage is stated for it", () => {
    expect(moves('Oil rose by $0.59 a barrel to $67.90, while euro zone bond futures fell 48 ticks.')).toEqual(['Crude oil up $0.59 a barrel']);
    expect(moves('Spot gold jumped nearly $30 an ounce this week as the dollar slid.')).toEqual(['Gold up nearly $30 an ounce this week']);
    expect(moves('Bitcoin fell $1,000 to $16,200 after the exchange halted withdrawals.')).toEqual(['Bitcoin down $1,000']);
    // The percentage wins; a level reached, a company's amounts and sums are no such move.
    expect(moves('Oil fell $2.15, or 3 percent, to $67.80.')).toEqual(['Crude oil down 3 percent']);
    expect(moves('Gold rose to $900 an ounce. Ethereum looks ready for another leg higher over $1,300.')).toEqual([]);
    expect(moves('Exxon Mobil shares fell $3 to $64.57. Bitcoin miners saw revenue fall $2 million.')).toEqual([]);
  });

  it('gives "the biggest drag on the index, down N%" to the stock, not the index', () => {
    expect(moves('Boeing was the biggest drag on the Dow, down 6 percent.')).toEqual(['Boeing down 6 percent']);
    expect(moves('Intel, the heaviest weight on the Nasdaq, slid 4%.')).toEqual(['Intel down 4%']);
    expect(moves('The Dow rose 1% after Boeing jumped 5%.')).toEqual(expect.arrayContaining(['Dow Jones Industrial Average up 1%', 'Boeing up 5%']));
  });

  it('gives a relative clause the name right before it, and an opening phrase is not the subject', () => {
    expect(moves('Shares of Ford, which fell 4% on Monday, recovered.')).toEqual(['Ford Motor down 4%']);
    expect(moves('On the Nasdaq, Apple rose 2%.')).toEqual(['Apple up 2%']);
    expect(moves('Among the majors, Chevron, which rose 3% to $150, up 12% this year, led.')).toEqual(['Chevron up 3%']);
  });

  it('credits a possessive name with its own securities, and what it owns when that is named', () => {
    expect(moves("Apple's shares rose 3%.")).toEqual(['Apple up 3%']);
    expect(moves("Bitcoin's price rose 5% on Monday.")).toEqual(['Bitcoin up 5%']);
    expect(moves("Binance's BNB fell 3% on Monday.")).toEqual(['BNB down 3%']);
    expect(moves("Alibaba's Hong Kong-listed shares rose 3% on Monday.")).toEqual(['Alibaba Group up 3%']);
    expect(moves("Berkshire Hathaway's Class A shares fell 2% on Friday.")).toEqual(['Berkshire Hathaway down 2%']);
    // Its market share and its bonds are not its price.
    expect(moves("Microsoft's market share fell 3% in China.")).toEqual([]);
    expect(moves("Evergrande's bonds fell 10% on Monday.")).toEqual([]);
    // A thing of it the reference does not know moved, not the owner.
    expect(moves("Shiba Inu's BONE token rose 10% on Monday.")).toEqual([]);
  });

  it('does not give figures for several names to the last of them', () => {
    // Zorblax is no name the reference knows: whose figure is whose cannot be settled.
    expect(moves('A few tokens soared, including Zorblax and LTC, which jumped 57% and 38%, respectively.')).toEqual([]);
    expect(moves('Gains were led by Zorblax and Ford, which rose 6% and 4%.')).toEqual([]);
  });

  it('does not credit a currency named after the figure as a price unit, and keeps the base of a pair', () => {
    expect(moves('Shares in the bank edged up 0.1 percent to end at 1,686 yen on Tuesday.')).toEqual([]);
    expect(moves('The dollar rose 0.5% against the yen.')).toEqual(['US dollar up 0.5%']);
    expect(moves('The yuan rose 1.5 percent against the US dollar.')).toEqual(['Chinese yuan up 1.5 percent']);
  });

  it('credits "N percent at Company" to the company after the figure', () => {
    expect(moves('Bank shares rose, with gains of 2.6 percent at Citigroup and 3.4 percent at JPMorgan Chase.')).toEqual(
      expect.arrayContaining(['Citigroup up 2.6 percent', 'JPMorgan Chase up 3.4 percent']),
    );
  });
});

describe('movers: only price or level moves', () => {
  it('leaves out results, growth, forecasts, stakes, market shares, ratios and spreads', () => {
    expect(moves("Humana's first-quarter profit fell 53 percent.")).toEqual([]);
    expect(moves('Netflix said quarterly revenue rose 94% from a year earlier.')).toEqual([]);
    expect(moves('Intel sales grew 12% year-on-year.')).toEqual([]);
    expect(moves('Caterpillar cut its forecast by 10 percent.')).toEqual([]);
    expect(moves('Berkshire raised its stake in Chevron to 5.2 percent.')).toEqual([]);
    expect(moves('Samsung holds 22 percent of the smartphone market.')).toEqual([]);
    expect(moves("Apple's market share rose 3 percent.")).toEqual([]);
    expect(moves("Tesla's debt-to-equity ratio fell 4 percent.")).toEqual([]);
    expect(moves('The spread over Bunds widened 25 basis points.')).toEqual([]);
    expect(moves('Ford raised prices 5%.')).toEqual([]);
    expect(moves('Medtronic sales of pacemakers rose 4 percent to $1.29 billion.')).toEqual([]);
    expect(moves('Analysts expect Nvidia shares to rise 10%.')).toEqual([]);
  });

  it('ignores figures with no move word and moves with no percentage', () => {
    expect(moves('Tesla sold 1.8 million cars, a 40% share of the market.')).toEqual([]);
    expect(moves('Nvidia shares climbed after the results.')).toEqual([]);
  });

  it('takes the price move when the same sentence also reports a result', () => {
    expect(moves('Boeing shares fell 4% on Tuesday; quarterly profit fell 20%.')).toEqual(['Boeing down 4%']);
  });
});

describe('movers: horizons', () => {
  it('keeps the period the article gives', () => {
    expect(moves('The Hang Seng has gained 21% since Jan 17.')).toEqual(['Hang Seng Index up 21% since Jan 17']);
    expect(moves('So far this year, the Nikkei has dropped 12 percent.')).toEqual(['Nikkei 225 down 12 percent so far this year']);
    expect(moves('Bitcoin is down 60% from its peak.')).toEqual(['Bitcoin down 60% from its peak']);
    expect(moves('Oracle shares rose 6% in extended trading.')).toEqual(['Oracle up 6% in extended trading']);
    expect(moves('Dell shares gained 9.5 percent to $27.17 in extended-hours trade.')).toEqual(['Dell Technologies up 9.5 percent in extended-hours trade']);
    // A comma after the figure before its level or period does not end what is said of it.
    expect(moves('Walgreen shares were down 29 cents, or 0.6 percent, to $42.36 in premarket trading.')).toEqual([
      'Walgreen down 0.6 percent in premarket trading',
    ]);
    expect(moves('The S&P 500 has now declined 10.7 percent in the past 10 trading days.')).toEqual(['S&P 500 down 10.7 percent in the past 10 trading days']);
    expect(moves('Lenovo shares soared 61 percent in the second quarter.')).toEqual(['Lenovo Group up 61 percent in the second quarter']);
    expect(moves("Matsushita's stock fell 12.4 percent in the year to Monday.")).toEqual(['Matsushita down 12.4 percent in the year to Monday']);
    expect(moves('The S&P 500 stock index rose about 8 percent during the year.')).toEqual(['S&P 500 up about 8 percent during the year']);
    expect(moves('The Dow eventually plunged 48 percent in just 10 weeks.')).toEqual(['Dow Jones Industrial Average down 48 percent in just 10 weeks']);
    expect(moves('Shares of FireEye Inc leapt 80 percent in their trading debut on Friday.')).toEqual(['FireEye up 80 percent in their trading debut']);
    expect(moves('Argo Blockchain has seen its stock plummet over 90% over the course of the year.')).toEqual([
      'Argo Blockchain plc down over 90% over the course of the year',
    ]);
    expect(moves('Since March, the S&P 500 climbed as much as 40 percent from that low.')).toEqual(['S&P 500 up as much as 40 percent from that low']);
    expect(moves('The last session saw Litecoin drop 0.7% against the dollar.')).toEqual(['Litecoin down 0.7% in the last session']);
    expect(moves('Within the last 24 hours, SHIB is posting a marginal gain of 0.04%.')).toEqual(['Shiba Inu up 0.04% within the last 24 hours']);
    expect(moves('Ethereum was up over 6% in 24 hours, trading hands for $1,287.')).toEqual(['Ethereum up over 6% in 24 hours']);
    // "after-hours" is a period, not the subordinator "after".
    expect(moves('Cisco shares rose 6.7 percent to $17.98 in after-hours trading.')).toEqual(['Cisco Systems up 6.7 percent in after-hours trading']);
    // Intraday: the move so far, not the close.
    expect(moves('Goldman shares fell 10.1 percent to $83.58 in morning trade.')).toEqual(['Goldman Sachs down 10.1 percent in morning trade']);
    expect(moves('Wells Fargo shares rose 7.87 percent in afternoon trading.')).toEqual(['Wells Fargo up 7.87 percent in afternoon trading']);
    expect(moves('Gold is up 9% year to date.')).toEqual(['Gold up 9% year to date']);
    expect(moves('Chevron and Exxon Mobil rose 1.4% and 1.1% this week.')).toEqual(
      expect.arrayContaining(['Chevron up 1.4% this week', 'Exxon Mobil up 1.1% this week']),
    );
  });

  it('does not take a record the move set ("its worst day since …") for the period of the move', () => {
    expect(moves('The S&P 500 had its worst day since the 1987 crisis with an 8.8 percent drop.')).toEqual(['S&P 500 down 8.8 percent']);
    expect(moves('Shares of Nokia rose 4% to their highest level since March.')).toEqual(['Nokia up 4%']);
    expect(moves('The Nikkei has lost 14 percent since the start of the year.')).toEqual(['Nikkei 225 down 14 percent since the start of the year']);
    expect(moves('Ether has fallen 30% since its peak in November.')).toEqual(['Ethereum down 30% since its peak']);
  });

  it('gives a since-phrase that names an event whole, up to its clause', () => {
    expect(moves('The Nikkei has climbed 18% since Takaichi took office, outpacing its peers.')).toEqual(['Nikkei 225 up 18% since Takaichi took office']);
    expect(moves('Shares of Bank of America have fallen 76 percent since Lewis announced the Merrill Lynch deal in September.')).toEqual([
      'Bank of America down 76 percent since Lewis announced the Merrill Lynch deal',
    ]);
    expect(moves("Alibaba shares have lost 36 percent since Buffett's purchase.")).toEqual(["Alibaba Group down 36 percent since Buffett's purchase"]);
    expect(moves('Alibaba shares have risen 20 percent since the U.S. government announced its exit strategy.')).toEqual([
      'Alibaba Group up 20 percent since the U.S. government announced its exit strategy',
    ]);
    expect(moves('The euro has fallen 1.5 percent against the dollar since the start of the year.')).toEqual([
      'Euro down 1.5 percent since the start of the year',
    ]);
    // A period inside a since-clause it cannot read is that clause's: no horizon rather than "in February".
    expect(moves('Shares of Alibaba have fallen about 10 percent since new shares were issued in February 2006.')).toEqual([
      'Alibaba Group down about 10 percent',
    ]);
    expect(moves('Oracle shares rose 6% to their highest since 2003 in extended trading.')).toEqual(['Oracle up 6% in extended trading']);
  });

  it('has no horizon when the article gives none', () => {
    expect(moves('Alibaba shares rose 3%.')).toEqual(['Alibaba Group up 3%']);
  });

  it('credits a pan-European index to itself, not to another index of the region', () => {
    expect(moves('The FTSEurofirst 300 index of leading European shares rose 2.1 percent.')).toEqual(['FTSEurofirst 300 up 2.1 percent']);
  });

  it('leaves out a figure that belongs to the benchmark it is compared with', () => {
    expect(moves('Toyota shares fell to 3,280 yen, underperforming a 9.4 percent tumble by the Nikkei average.')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^Toyota/)]),
    );
    expect(moves('Sony shares slid 3% versus a 1% drop in the Nikkei.')).toEqual(['Sony Group down 3%']);
  });

  it('does not take a period from a later clause that says why the move happened', () => {
    expect(moves('Caterpillar shares fell 6 percent after the company warned of weaker demand in 2027.')).toEqual(['Caterpillar down 6 percent']);
    expect(moves('Oracle shares rose 4% as investors bet on cloud demand over the past year.')).toEqual(['Oracle up 4%']);
  });
});

describe('movers: an index is not the company of the same name', () => {
  it('leaves out an index named after a company, and a sector index named after a broad one', () => {
    expect(moves('The MSCI all-country world index fell 2.3 percent.')).toEqual([]);
    expect(moves('The S&P 500 energy index rose 1.2 percent.')).toEqual([]);
    expect(moves('The dollar index rose 0.4 percent.')).not.toContain('US dollar up 0.4 percent');
  });

  it('tells the company from the index and the index from the company', () => {
    expect(moves('Shares of MSCI Inc rose 3 percent.')).toEqual(['MSCI up 3 percent']);
    expect(moves('The Nasdaq Composite Index lost 4.1 percent.')).toEqual(['Nasdaq Composite down 4.1 percent']);
    expect(moves('Nasdaq Inc shares rose 2 percent.')).not.toContain('Nasdaq Composite up 2 percent');
  });

  it('does not take a modifier for the asset or the company', () => {
    expect(moves('Shares of oil field service provider Halliburton fell 1.6 percent.')).not.toContain('Crude oil down 1.6 percent');
    expect(moves("Boeing CEO Dennis Muilenburg's pay rose 20 percent.")).toEqual([]);
  });
});

describe('movers: organisations the reference lists do not know', () => {
  it('credits a move to an organisation found from its shape, by the name the article gives it', () => {
    // "Inc" makes it an organisation; no reference list has it.
    expect(moves('Shares of Quorvane Analytics Inc jumped 14% on Tuesday after the company won a contract.')).toEqual(['Quorvane Analytics up 14%']);
    // The open organisation is the subject of its clause; the index keeps its own figure.
    expect(moves('The Nasdaq rose 1% while Brelliton Mining Corp slid 9% after it cut its forecast.')).toEqual(
      expect.arrayContaining(['Nasdaq Composite up 1%', 'Brelliton Mining down 9%']),
    );
  });

  it('does not take a word of a name for a measure word', () => {
    expect(moves('HSBC Holdings fell 3% in Hong Kong after the bank warned on profit.')).toEqual(['HSBC Holdings down 3%']);
    expect(moves('Capital One Financial shares fell 5% on Friday.')).toEqual(['Capital One down 5%']);
    expect(moves('Brelliton Holdings slid 9% on Monday.')).toEqual(['Brelliton down 9%']);
    // A measure word outside the name still makes the figure a result, not a move.
    expect(moves('HSBC Holdings said its profit fell 3% in the quarter.')).toEqual([]);
  });

  it('does not credit a move to a person the reference does not know', () => {
    expect(moves('Chief Executive Dara Veltrano said sales rose 6%.').filter((move) => move.startsWith('Dara'))).toEqual([]);
  });
});

describe('movers: an article stored with an impossible name', () => {
  it('reads it without failing: a name longer than any real one is not matched', () => {
    // Before names found by their shape were bounded, a page-long run of capitalised words could be
    // stored as one company; such articles are still in older databases.
    const run = 'Acme Global Bank Holdings Of America Apple Corp '.repeat(1_500).trim();
    const text = `Boeing fell 3 percent. ${run} rose 2 percent.`;
    const entities = [
      ...recognizer.recognize('', 'Boeing fell 3 percent.'),
      { id: 'company:run', name: run, type: 'company' as const, ticker: null, tickers: [], count: 1 },
    ];
    const article = makeArticle({ id: 'a', title: `${run} soars`, text, entities });
    expect(findMovers([article], reference, 10).map((mover) => `${mover.name} ${mover.direction} ${mover.figure}`)).toEqual(['Boeing down 3 percent']);
  });
});

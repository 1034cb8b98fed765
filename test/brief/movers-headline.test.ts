import { describe, expect, it } from 'vitest';
import { findMovers } from '../../src/brief/movers.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

// Every headline and sentence here is written for these tests.
const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);

function moves(title: string, text: string): string[] {
  const article = makeArticle({ id: 'a', title, text, entities: recognizer.recognize(title, text) });
  return findMovers([article], reference, 10).map((mover) => `${mover.name} ${mover.direction} ${mover.figure}`);
}

describe('movers: "the firm\'s shares" is the company the headline names', () => {
  it('credits the move of "the firm\'s shares" or "its stock" to the one company of the headline', () => {
    const outlook =
      'The world’s largest automaker may cut its earnings outlook because of weak demand and a firmer yen, a source said, as the firm’s shares slid 11.6 percent.';
    expect(moves('Slump seen cutting Toyota profit', outlook)).toEqual(['Toyota Motor down 11.6 percent']);
    expect(moves('Boeing wins a large order', 'The planemaker booked 200 jets and its stock rose 4% on the day.')).toEqual(['Boeing up 4%']);
    expect(moves('Ford Motor recalls trucks', 'Shares in the carmaker fell 2.5 percent in early trading.')).toEqual(['Ford Motor down 2.5 percent']);
  });

  it('leaves the figure out when another company could be meant, or the headline names none or two', () => {
    // Walmart is named in the sentence: "its shares" may be Walmart's.
    expect(moves('Slump seen cutting Toyota profit', 'Orders from Walmart were weak, and its shares fell 4 percent.')).toEqual([]);
    expect(moves('Carmakers slide on weak demand', 'The automaker cut its forecast, and its shares fell 4 percent.')).toEqual([]);
    expect(moves('Toyota and Honda cut forecasts', 'The automaker cut its forecast, and its shares fell 4 percent.')).toEqual([]);
  });

  it('is not a price move when what fell is not the shares', () => {
    expect(moves('Slump seen cutting Toyota profit', 'The automaker said its operating profit fell 20 percent.')).toEqual([]);
    expect(moves('Slump seen cutting Toyota profit', 'Demand slowed, and the firm’s sales fell 9 percent in October.')).toEqual([]);
  });
});

describe('movers: a move only the headline states', () => {
  it('takes the headline’s move when the body states none, and the body’s when both do', () => {
    expect(moves("Solana's SOL token surges 20% as a dog coin fires up traders", 'Short positions worth $6.7 million were liquidated.')).toEqual([
      'Solana up 20%',
    ]);
    expect(moves('Oil falls 5 percent on demand worries', 'Oil prices fell 4.8 percent on Monday as traders sold.')).toEqual(['Crude oil down 4.8 percent']);
  });

  it('takes nothing from a headline that asks a question', () => {
    expect(moves('Bitcoin price predictions: a 1,400% rally possible?', 'Analysts published their targets for the year.')).toEqual([]);
  });
});

describe('movers: the instrument in brackets after a name', () => {
  it('credits the coin a name’s brackets give, not the company of that name', () => {
    expect(moves('Exchange token slides', 'Binance (BNB) has seen a sharp decline of 17% in its value in the last few weeks.')).toEqual(['BNB down 17%']);
    // A company's own ticker in brackets is the company itself.
    expect(moves('Carmaker slides', 'Nissan Motor Co Ltd (7201.T) fell 9.9 percent to 501 yen.')).toEqual(['Nissan Motor down 9.9 percent']);
  });
});

describe('movers: an asset word inside a longer name', () => {
  it('does not credit a commodity or coin with the move of a company named after it', () => {
    expect(moves('Steelmaker rallies', 'U.S. Steel rose 3 percent after the tariff ruling.')).toEqual([]);
    expect(moves('Trust discount widens', 'Shares of the Grayscale Bitcoin Trust fell 4% on Tuesday.')).not.toContain('Bitcoin down 4%');
    // The asset itself, opening a sentence or after a lower-case word, is still the asset.
    expect(moves('Metals', 'Gold rose 2% and spot silver fell 1%.')).toEqual(['Gold up 2%', 'Silver down 1%']);
    expect(moves('Currencies', 'The Australian dollar gained 1.5 percent on the day.')).toEqual(['Australian dollar up 1.5 percent']);
    expect(moves('Oil', "London's Brent crude oil fell 5 percent over two days.")).toEqual(['Brent crude down 5 percent']);
  });
});

describe('movers: a title-case headline', () => {
  it('reads the move of a company whose headline capitalises every word, its share price included', () => {
    const quiet = 'Short positions were liquidated.';
    expect(moves('Coinbase Stock Price Jumps 12% Following $100M Settlement', quiet)).toEqual(['Coinbase up 12%']);
    expect(moves('Apple Stock Price Falls 3% On Weak iPhone Demand', quiet)).toEqual(['Apple down 3%']);
    expect(moves('Tesla Shares Jump 8%', quiet)).toEqual(['Tesla up 8%']);
  });

  it('still takes a longer capitalised name for another company, and prices cut for no move', () => {
    const quiet = 'Short positions were liquidated.';
    expect(moves('AXA Asia Pacific shares fell 3%', quiet)).toEqual([]);
    expect(moves('Apple Cuts iPhone Prices 10% In China', quiet)).toEqual([]);
  });

  it('reads a coin’s own move, not a thing of it a capitalised word names', () => {
    const quiet = 'Short positions were liquidated.';
    expect(moves('Bitcoin Gains 2%, Stocks Drop as Yields Rise', quiet)).toEqual(['Bitcoin up 2%']);
    expect(moves('Bitcoin Mining Difficulty Sees Sharp 3.59% Drop', quiet)).toEqual([]);
    expect(moves('Cardano Smart Contracts Rose 394% in 2022', quiet)).toEqual([]);
  });

  it('does not credit a company whose name is followed by a symbol that is none of its listings', () => {
    const quiet = 'Short positions were liquidated.';
    // Cronos the token (CRO), not Cronos Group (CRON); Toyota's ADR is TM.
    expect(moves('Cronos (CRO) Up 4% In Last Week Amid Recession Fears', quiet)).toEqual([]);
    expect(moves('Toyota (TM) Falls 3%', quiet)).toEqual(['Toyota Motor down 3%']);
  });
});

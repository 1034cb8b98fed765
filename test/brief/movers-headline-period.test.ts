import { describe, expect, it } from 'vitest';
import { moverLines } from '../support/mover-lines.ts';
import { findMovers } from '../../src/brief/movers.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

// Every headline here is written for these tests.
const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);

function headlineMoves(title: string): string[] {
  const text = 'Traders said the move came on thin volume.';
  const article = makeArticle({ id: 'a', title, text, entities: recognizer.recognize(title, text) });
  return findMovers([article], reference, 10).map((mover) => `${mover.name} ${mover.figure} ${mover.horizon ?? ''}`.trim());
}

describe('movers: a period taken from a title-case headline', () => {
  it('is shown in prose case, months and days keeping their capitals', () => {
    expect(headlineMoves('Ethereum (ETH) Up 4% In Last Week Amid Recession Fears')).toEqual(['Ethereum 4% in last week']);
    expect(headlineMoves('Bitcoin Drops 9% In The Past 24 Hours')).toEqual(['Bitcoin 9% in the past 24 hours']);
    expect(headlineMoves('Bitcoin Gains 12% Since March')).toEqual(['Bitcoin 12% since March']);
    expect(headlineMoves('Shiba Inu (SHIB) Down 22% In the Last Three Months')).toEqual(['Shiba Inu 22% in the last three months']);
  });

  it('ends a since-phrase at a part of a month ("since mid-May") with no comma after it', () => {
    expect(moverLines('Since mid-May the Nasdaq rose 8 percent.')).toEqual(['Nasdaq Composite up 8 percent since mid-May']);
  });

  it('gives a period opening a sentence without a comma to every move of the sentence', () => {
    expect(moverLines('For July the Dow gained 8.6 percent, the S&P 500 added 7.4 percent and the Nasdaq rose 6.9 percent.')).toEqual([
      'Dow Jones Industrial Average up 8.6 percent for July',
      'S&P 500 up 7.4 percent for July',
      'Nasdaq Composite up 6.9 percent for July',
    ]);
    expect(moverLines('For the week the Dow rose 2 percent, while the S&P 500 gained 1.5 percent.')).toEqual([
      'Dow Jones Industrial Average up 2 percent for the week',
      'S&P 500 up 1.5 percent for the week',
    ]);
  });

  it('reads a period opening a sentence', () => {
    const text = 'Since mid-June, the U.S. dollar has fallen nearly 13 percent against a basket of currencies.';
    const article = makeArticle({ id: 'b', title: '', text, entities: recognizer.recognize('', text) });
    expect(findMovers([article], reference, 10).map((mover) => `${mover.figure} ${mover.horizon ?? ''}`)).toEqual(['nearly 13 percent since mid-June']);
  });
});

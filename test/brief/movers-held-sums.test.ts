import { describe, expect, it } from 'vitest';
import { findMovers } from '../../src/brief/movers.ts';
import type { EntityMention } from '../../src/domain/index.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

// Every sentence here is written for these tests.
const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);

/** The movers of one article; `entities` stand in for the recogniser's when given (a listing it cannot know). */
function moves(text: string, entities: EntityMention[] = recognizer.recognize('', text)): string[] {
  const article = makeArticle({ id: 'a', title: '', text, entities });
  return findMovers([article], reference, 10).map((mover) => `${mover.name} ${mover.direction} ${mover.figure}`);
}

describe('movers: a sum of money held is a measure, not an instrument', () => {
  it('leaves out a fund, a reserve or an account named as the subject', () => {
    expect(moves('The Bank Guarantee Fund fell 18 percent in the quarter as lenders failed.')).toEqual([]);
    expect(moves('The Quorvane Pension Fund rose 6 percent last year.')).toEqual([]);
    expect(moves('The Strategic Grain Reserve fell 12 percent after the drought.')).toEqual([]);
    // The same sentences about a company still give its move.
    expect(moves('Exxon Mobil fell 18 percent in the quarter as oil slumped.')).toEqual(['Exxon Mobil down 18 percent']);
  });

  it('keeps a listed fund, which is traded', () => {
    const fund: EntityMention = {
      id: 'company:brelliton-income-fund',
      name: 'Brelliton Income Fund',
      type: 'company',
      ticker: 'BIF',
      tickers: ['BIF'],
      count: 1,
    };
    expect(moves('Brelliton Income Fund fell 4 percent on Tuesday.', [fund])).toEqual(['Brelliton Income Fund down 4 percent']);
    // Unlisted, the same fund's value is a measure.
    expect(
      moves('Brelliton Income Fund fell 4 percent on Tuesday.', [{ ...fund, id: 'company:brelliton-income-fund-unlisted', ticker: null, tickers: [] }]),
    ).toEqual([]);
  });

  it('reads balances, reserves and accounts of an asset as measures', () => {
    expect(moves("Ether's exchange balance dropped 3% this week.")).toEqual([]);
    expect(moves("Bitcoin's staking account rose 6% in a month.")).toEqual([]);
    expect(moves("Bitcoin's reserve on exchanges fell 4%.")).toEqual([]);
    expect(moves("Ether's price dropped 3% this week.")).toEqual(['Ethereum down 3%']);
  });
});

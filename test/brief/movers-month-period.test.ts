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
  return findMovers([article], reference, 10).map((mover) => `${mover.name} ${mover.figure} ${mover.horizon ?? ''}`.trim());
}

describe('movers: a month after "for" is the period of the move', () => {
  it('reads it opening the sentence, with or without a comma, and right after the figure', () => {
    expect(moves('Markets swung all month. For October, the S&P 500 closed down only 0.7 percent.')).toEqual(['S&P 500 0.7 percent for October']);
    expect(moves('For the month of April alone, the Nasdaq climbed 6.2 percent.')).toEqual(['Nasdaq Composite 6.2 percent for the month of April']);
    expect(moves('For June the Dow gained 3.3 percent.')).toEqual(['Dow Jones Industrial Average 3.3 percent for June']);
    expect(moves('The Nasdaq slid 1.8 percent for September.')).toEqual(['Nasdaq Composite 1.8 percent for September']);
  });

  it('gives it to the other side of a contrast, like a year', () => {
    expect(moves('The Nasdaq rose 3 percent for the month of June, while the Dow lost 1.2 percent.')).toEqual([
      'Nasdaq Composite 3 percent for the month of June',
      'Dow Jones Industrial Average 1.2 percent for the month of June',
    ]);
  });

  it('is no period dating something else or naming a contract month', () => {
    expect(moves('U.S. crude for March delivery rose 2.1 percent to $71 a barrel.')).toEqual(['WTI crude 2.1 percent']);
    expect(moves('Exxon shares rose 2 percent ahead of a spin-off planned for March.')).toEqual(['Exxon Mobil 2 percent']);
  });

  it('reads the month May as a month, not as the modal "may" of a forecast', () => {
    expect(moves('The Nasdaq gained 4.1 percent for the month of May.')).toEqual(['Nasdaq Composite 4.1 percent for the month of May']);
    expect(moves('The Dow has lost 2.6 percent since May 3.')).toEqual(['Dow Jones Industrial Average 2.6 percent since May 3']);
    expect(moves('Strategists said the Dow may rise 5 percent by year-end.')).toEqual([]);
  });
});

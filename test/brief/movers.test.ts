import { describe, expect, it } from 'vitest';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { findMovers } from '../../src/brief/movers.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);

function moves(text: string): string[] {
  const article = makeArticle({ id: 'a', title: '', text, entities: recognizer.recognize('', text) });
  return findMovers([article], reference, 10).map((mover) => `${mover.name} ${mover.direction} ${mover.figure}`);
}

describe('movers', () => {
  it('credits each figure to the entity its own clause names', () => {
    expect(moves('Ether dropped 5% and Solana slid 7%, taking crypto lower for the week.')).toEqual(['Ethereum down 5%', 'Solana down 7%']);
    expect(moves("India's Sensex fell 1.2% on Thursday and the Nifty 50 lost 1.1% as investors sold.")).toEqual(['BSE Sensex down 1.2%', 'Nifty 50 down 1.1%']);
  });

  it('reads the direction from the word next to the figure', () => {
    expect(moves('Over six years the US benchmark had soared by 120%, whereas the Hang Seng had dropped 33%.')).toEqual(['Hang Seng Index down 33%']);
    expect(moves('Alibaba, up nearly 70% this year, committed $53 billion to AI.')).toEqual(['Alibaba Group up 70%']);
  });

  it('ignores figures with no direction and moves with no percentage', () => {
    expect(moves('Tesla sold 1.8 million cars, a 40% share of the market.')).toEqual([]);
    expect(moves('Nvidia shares climbed after the results.')).toEqual([]);
  });
});

describe('movers: the subject, not a unit', () => {
  it('does not credit a currency named after the figure as a price unit', () => {
    expect(moves('Shares in the bank edged up 0.1 percent to end at 1,686 yen on Tuesday.')).toEqual([]);
    expect(moves('The dollar rose 0.5% against the yen.')).toEqual(['US dollar up 0.5%']);
  });
});

describe('movers: lists', () => {
  it('credits "N percent at Company" to the company after the figure', () => {
    expect(moves('Bank shares rose, with gains of 2.6 percent at Citigroup and 3.4 percent at JPMorgan Chase.')).toEqual(
      expect.arrayContaining(['Citigroup up 2.6 percent', 'JPMorgan Chase up 3.4 percent']),
    );
  });
});

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
  return findMovers([article], reference, 10).map((mover) => `${mover.name} ${mover.direction} ${mover.figure}`);
}

describe("movers: a value derived from an index is not the index's move", () => {
  it('leaves out indicative, implied and futures values of an index', () => {
    expect(moves('An indicative Dow Jones index on IG fell 1.2 percent before the bell.')).toEqual([]);
    expect(moves('The implied Nasdaq Composite index slipped 0.6 percent in early European dealings.')).toEqual([]);
    expect(moves('S&P 500 futures fell 0.7 percent ahead of the jobs report.')).toEqual([]);
    expect(moves('Nikkei index futures rose 0.8 percent in Chicago.')).toEqual([]);
    expect(moves('Futures on the S&P 500 rose 1.1 percent overnight.')).toEqual([]);
  });

  it("credits the index's own move stated after its futures", () => {
    expect(moves('S&P 500 futures were down 1.4 percent before the open. By the close, the S&P 500 had shed 2.2 percent.')).toEqual([
      'S&P 500 down 2.2 percent',
    ]);
  });

  it('keeps the futures of a commodity, which are its price', () => {
    expect(moves('Gold futures fell 1.5 percent to $1,210 an ounce.')).toEqual(['Gold down 1.5 percent']);
  });
});

describe('movers: a relative clause is about the name before it', () => {
  it('does not credit a name inside the relative clause with its move', () => {
    expect(moves('The indicative Dow Jones index, which tracks how Dow shares trade in Frankfurt, was down 1.3 percent.')).toEqual([]);
    expect(moves('Quorvane Axle Corp, which supplies General Motors, dropped 12 percent on Tuesday.')).toEqual(['Quorvane Axle down 12 percent']);
  });

  it('leaves out the move of what that name is the object of', () => {
    expect(moves('Car sales at Ford, which makes the Focus, increased 24 percent to 3,634.')).toEqual([]);
    // "whose shares" says whose the move is.
    expect(moves('A weak dollar lifted the earnings of maker Honeywell International, whose shares rose 6.2 percent.')).toEqual([
      'Honeywell Technologies up 6.2 percent',
    ]);
  });
});

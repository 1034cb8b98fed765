import { describe, expect, it } from 'vitest';
import { moverLines as moves, moversOf } from '../support/mover-lines.ts';

// Every sentence here is written for these tests.

describe('movers: where a move ended', () => {
  it('reads a figure followed by "higher" or "lower" after a verb of where the price stands', () => {
    expect(moves('Caterpillar shares closed 1.5 percent higher at $91.20.')).toEqual(['Caterpillar up 1.5 percent']);
    expect(moves('Caterpillar shares were trading nearly 2 percent lower on Tuesday.')).toEqual(['Caterpillar down nearly 2 percent']);
    // A comparison with something else is no move.
    expect(moves('Caterpillar shares closed 1.5 percent higher than Deere shares.')).toEqual([]);
  });

  it('shows a peak during the session as how far it went, and the close said after it instead', () => {
    expect(moves('The Dow hit an intraday high up 1.6 percent on Tuesday.')).toEqual(['Dow Jones Industrial Average up as much as 1.6 percent']);
    expect(moves('The Dow hit an intraday high up 1.6 percent but closed up 1.2 percent.')).toEqual(['Dow Jones Industrial Average up 1.2 percent']);
    expect(moves('Caterpillar shares were up 3 percent at one point before closing up 1.5 percent.')).toEqual(['Caterpillar up 1.5 percent']);
    expect(moves('Caterpillar shares rose as much as 3 percent and ended 1.5 percent higher.')).toEqual(['Caterpillar up 1.5 percent']);
  });

  it('quotes the whole sentence when the close has no name of its own', () => {
    const text = 'The Dow hit an intraday high up 1.6 percent but closed up 1.2 percent.';
    expect(moversOf(text).map((mover) => mover.excerpt)).toEqual([text]);
  });

  it('reads "than it was this time last week" as the period', () => {
    expect(moves('The value of one Dogecoin is 8.8% lower than it was this time last week.')).toEqual(['Dogecoin down 8.8% from this time last week']);
  });
});

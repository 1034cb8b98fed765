import { describe, expect, it } from 'vitest';
import { moverLines as moves } from '../support/mover-lines.ts';

// Every sentence here is written for these tests.

describe('movers: a move from a level', () => {
  it('keeps a level whose owner is said with a possessive', () => {
    expect(moves("The S&P 500 is up 21.3 percent from November's closing low.")).toEqual(["S&P 500 up 21.3 percent from November's closing low"]);
    expect(moves("Bitcoin is down 38% from last year's record high.")).toEqual(["Bitcoin down 38% from last year's record high"]);
    expect(moves("Nvidia shares have fallen 15 percent from the company's peak.")).toEqual(["Nvidia down 15 percent from the company's peak"]);
    expect(moves('The Nikkei has gained 9 percent from Tuesday’s low.')).toEqual(['Nikkei 225 up 9 percent from Tuesday’s low']);
  });

  it('still reads the levels it read before', () => {
    expect(moves('Bitcoin is down 60% from its peak.')).toEqual(['Bitcoin down 60% from its peak']);
    expect(moves('The Dow has risen 12 percent from a 12-year low.')).toEqual(['Dow Jones Industrial Average up 12 percent from a 12-year low']);
  });
});

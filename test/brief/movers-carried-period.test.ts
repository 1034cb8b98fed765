import { describe, expect, it } from 'vitest';
import { moverLines as moves } from '../support/mover-lines.ts';

// Every sentence here is written for these tests.

describe('movers: a period said just before', () => {
  it('carries the period of a move stated before to a standing level with none of its own', () => {
    expect(moves('Stocks are down sharply for the year so far. The Dow is down 8 percent, and the S&P 500 is down 9.4 percent.')).toEqual([
      'Dow Jones Industrial Average down 8 percent for the year',
      'S&P 500 down 9.4 percent for the year',
    ]);
    expect(moves("Apple's stock has fallen 12 percent in the past year while Microsoft shares have dropped 20 percent.")).toEqual([
      'Apple down 12 percent in the past year',
      'Microsoft down 20 percent in the past year',
    ]);
  });

  it('carries it to a clause that says it is the same period, and leaves the move out when none was said', () => {
    expect(moves('The Nasdaq is up about 29 percent over the past 12 months. Apple shares have led it, rising about 50 percent in that time.')).toEqual([
      'Nasdaq Composite up about 29 percent over the past 12 months',
      'Apple up about 50 percent over the past 12 months',
    ]);
    expect(moves('Apple shares rose about 50 percent in that time.')).toEqual([]);
  });

  it("keeps a past move, a day named and a period that is no move's as the session's", () => {
    expect(moves('Stocks are down sharply for the year so far. Citigroup shares gained 0.9 percent to $52.99.')).toEqual(['Citigroup up 0.9 percent']);
    expect(moves('Stocks are down sharply for the year so far. The Dow is down 1 percent on Monday.')).toEqual(['Dow Jones Industrial Average down 1 percent']);
    expect(moves('Ethereum is riding the rally in the crypto market, paring the losses of the past year. Solana is up 1.8% to $12.')).toEqual([
      'Solana up 1.8%',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { moverLines as moves } from '../support/mover-lines.ts';

// Every sentence here is written for these tests.
describe('movers: a statistic is no price move', () => {
  it('takes no figure from a sentence attributed to a statistics office or adjusted for the season', () => {
    expect(moves('U.S. gasoline prices fell 4.1 percent, the biggest drop in a year, the Labor Department said.')).toEqual([]);
    expect(moves('Gasoline prices rose 3.2 percent last month, according to the Bureau of Labor Statistics.')).toEqual([]);
    expect(moves('The S&P/Case-Shiller index of 20 cities fell 0.4 percent in March on a seasonally adjusted basis.')).toEqual([]);
  });

  it('still reads a market move that a statistic caused', () => {
    expect(moves('The S&P 500 fell 2 percent after the Labor Department said employers cut jobs.')).toEqual(['S&P 500 down 2 percent']);
    expect(moves('Gasoline futures rose 3 percent on Tuesday, traders said.')).toEqual(['Gasoline up 3 percent']);
  });
});

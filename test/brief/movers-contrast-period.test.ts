import { describe, expect, it } from 'vitest';
import { moverLines as moves, reference } from '../support/mover-lines.ts';

// Every sentence here is written for these tests.

describe('movers: a contrast over a period both sides share', () => {
  it('gives the second side the period of the first', () => {
    expect(moves('Ford shares have fallen 45 percent this year, while the S&P 500 sank 30 percent.')).toEqual([
      'Ford Motor down 45 percent this year',
      'S&P 500 down 30 percent this year',
    ]);
    // The first side's owner is no instrument the reference knows: its words still state the period.
    expect(moves('The regional index was up 6 percent in 2011, while the S&P 500 gained 2 percent.')).toEqual(['S&P 500 up 2 percent in 2011']);
    expect(moves('Nvidia shares rose 60 percent in the past year, whereas Intel lost 12 percent.')).toContain('Intel down 12 percent in the past year');
  });

  it('carries it on along the second side of the contrast', () => {
    expect(moves('The Dow lost 2.1 percent for the week, while the S&P 500 fell 1.8 percent and the Nasdaq Composite slipped 0.9 percent.')).toEqual([
      'Dow Jones Industrial Average down 2.1 percent for the week',
      'S&P 500 down 1.8 percent for the week',
      'Nasdaq Composite down 0.9 percent for the week',
    ]);
  });

  it("keeps a day named, a subject's own period and a move with no contrast as they were", () => {
    expect(moves('Ford shares have fallen 45 percent this year, while the S&P 500 sank 1 percent on Friday.')).toContain('S&P 500 down 1 percent');
    expect(moves('Exxon has gained 12 percent since the deal was announced, while Chevron fell 1 percent.')).toContain('Chevron down 1 percent');
    expect(moves('Ford shares have fallen 45 percent this year. The S&P 500 sank 1 percent.')).toContain('S&P 500 down 1 percent');
  });
});

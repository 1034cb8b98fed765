import { describe, expect, it } from 'vitest';
import { moverLines as moves } from '../support/mover-lines.ts';

// Every sentence here is written for these tests.

const WEEK = 'For the week, the Dow fell 3.1 percent and the S&P 500 lost 2.8 percent.';

describe('movers: a sentence that goes on with the list of moves before it', () => {
  it('gives the next index in the list the period that opened it', () => {
    expect(moves(`${WEEK} The Nasdaq Composite slid 4.2 percent.`)).toEqual([
      'Dow Jones Industrial Average down 3.1 percent for the week',
      'S&P 500 down 2.8 percent for the week',
      'Nasdaq Composite down 4.2 percent for the week',
    ]);
    expect(moves(`${WEEK} But the tech-heavy Nasdaq Composite rose 0.3 percent.`)).toContain('Nasdaq Composite up 0.3 percent for the week');
  });

  it("keeps a company's move, a day named and a session's report as the day's", () => {
    expect(moves(`${WEEK} Boeing dropped 2.5 percent.`)).toContain('Boeing down 2.5 percent');
    expect(moves(`${WEEK} Shares of Boeing dropped 2.5 percent to $80.10.`)).toContain('Boeing down 2.5 percent');
    expect(moves(`${WEEK} The Nasdaq Composite slid 0.4 percent on Friday.`)).toContain('Nasdaq Composite down 0.4 percent');
    expect(moves(`${WEEK} The Nasdaq Composite slid 10.1 points, or 0.4 percent, to 2,410.50.`)).toContain('Nasdaq Composite down 0.4 percent');
    expect(moves('For the week, the Nikkei rose 2.1 percent; for the year it has gained 11 percent. The Topix fell 0.2 percent.')).toContain(
      'Topix down 0.2 percent',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { actsIn, asksWhatWasDone } from '../../src/brief/agent.ts';
import { entityNames } from '../../src/pipeline/index.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';

// Every sentence here is written for these tests.
const reference = loadReferenceIndex();
const fed = reference.lookup('Fed');
const names = fed === null ? null : entityNames(fed);

describe('who acts in a sentence', () => {
  it('knows a question about what someone did', () => {
    expect(asksWhatWasDone('what did the Fed do')).toBe(true);
    expect(asksWhatWasDone('What has the ECB said about rates?')).toBe(true);
    expect(asksWhatWasDone('how did the Bank of Japan respond')).toBe(true);
    expect(asksWhatWasDone('Fed rate decision')).toBe(false);
    expect(asksWhatWasDone('what is the outlook for the Fed')).toBe(false);
  });

  it('finds the name as the subject of a clause, not after a preposition or before a role', () => {
    expect(names).not.toBeNull();
    if (names === null) return;
    expect(actsIn('Stocks rallied after the U.S. Federal Reserve cut interest rates.', names)).toBe(true);
    expect(actsIn('On Wednesday, the Fed said it would buy securities.', names)).toBe(true);
    expect(actsIn('The senator demanded answers from the Federal Reserve about the loan.', names)).toBe(false);
    expect(actsIn('In a letter to Fed Chairman Ben Bernanke, the senator asked for details.', names)).toBe(false);
    expect(actsIn('Analysts expect a long pause at the Fed this year.', names)).toBe(false);
  });
});

describe('who acts: the word after the name', () => {
  it('reads a verb after the name, not a noun the name modifies', () => {
    if (names === null) return;
    expect(actsIn('Stocks fell, and the Fed raised rates again.', names)).toBe(true);
    expect(actsIn('Traders waited as the Fed kept rates on hold.', names)).toBe(true);
    expect(actsIn('Lawmakers asked about the loan and the Fed oversight of it.', names)).toBe(false);
    expect(actsIn('Markets rose after the Fed minutes showed a split.', names)).toBe(false);
  });
});

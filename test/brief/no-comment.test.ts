import { describe, expect, it } from 'vitest';
import { tidySentence } from '../../src/brief/extractive/hygiene.ts';
import { onlyDeclinesComment } from '../../src/brief/extractive/no-comment.ts';

describe('sentences that only decline comment', () => {
  it('are recognised in the forms wire copy uses', () => {
    for (const sentence of [
      'The Fed could not be immediately reached for comment.',
      'A spokeswoman for Toyota declined to comment.',
      'Officials at the ministry were not immediately available for comment on Sunday.',
      "Apple didn't immediately respond to a request for comment.",
      'The company did not respond to requests seeking comment.',
      'A Barclays spokesman declined comment.',
      'Representatives for the fund had no immediate comment.',
      'Nobody was immediately available to comment at the central bank.',
      'Glencore could not immediately be reached for comment outside business hours.',
    ]) {
      expect(onlyDeclinesComment(sentence), sentence).toBe(true);
      expect(tidySentence(sentence), sentence).toBeNull();
    }
  });

  it('keeps a sentence that also carries news, and sentences about comments that are news', () => {
    for (const sentence of [
      'Goldman declined to comment on the report that it plans to cut 3,000 jobs, or 10 percent of its staff, by the end of March.',
      'The central bank said it would seek public comment on the proposal until June.',
      'Shares fell 4 percent after the chief executive commented on weak demand in China.',
      'Regulators received 2,000 comments on the rule.',
    ]) {
      expect(onlyDeclinesComment(sentence), sentence).toBe(false);
      expect(tidySentence(sentence), sentence).not.toBeNull();
    }
  });

  it('does not match a long run of near-matches', () => {
    const hostile = `${'could not be immediately '.repeat(20_000)}reached`;
    expect(onlyDeclinesComment(hostile)).toBe(false);
  });
});

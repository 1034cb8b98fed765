// Hostile text shapes through every text function that sees untrusted input: each must finish
// (generous outer limits; speed itself is measured by bench/linearity.ts, never here) and give a
// sensible answer. Property checks use fast-check with a fixed seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseExtractive } from '../../src/brief/index.ts';
import { InputError } from '../../src/domain/index.ts';
import { cleanArticle, loadReferenceIndex, splitSentences, tokenize } from '../../src/pipeline/index.ts';
import { junkReason } from '../../src/pipeline/clean/lines.ts';
import { MAX_SENTENCE } from '../../src/pipeline/clean/sentences.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/index.ts';
import { scoreSentiment } from '../../src/pipeline/understand/sentiment/index.ts';
import { assignTopics } from '../../src/pipeline/understand/topics/index.ts';

const SIZE = 256 * 1024;
const tile = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const SHAPES: Record<string, string> = {
  'Wow! really': tile('Wow! really '),
  'question, lowercase': tile('Really? yes '),
  'punctuation run': tile('!?.…!!??..'),
  'one long token': 'a'.repeat(SIZE),
  'run of @': tile('a@'),
  'nested brackets': '('.repeat(SIZE / 2) + ')'.repeat(SIZE / 2),
  'capitalised run': tile('Acme Global Bank Holdings Of America Apple Corp '),
  abbreviations: tile('Mr. U.S. Inc. No. 1 Jan. e.g. '),
  'hyphenated lines': tile('market-\nwide-\n'),
};
const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');
const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);

describe('hostile text shapes (256 KB) get sensible answers', () => {
  for (const [shape, text] of Object.entries(SHAPES)) {
    it(shape, () => {
      const sentences = splitSentences(text);
      expect(letters(sentences.join(''))).toBe(letters(text)); // nothing lost, nothing invented
      expect(Math.max(0, ...sentences.map((sentence) => sentence.length))).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(tokenize(text).every((token) => text.slice(token.start, token.end) === token.text)).toBe(true);
      try {
        const clean = cleanArticle({ title: 'Hostile', text });
        expect(clean.text.length).toBeLessThanOrEqual(text.length);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError); // refused with a clear error, never a crash
      }
      expect(Array.isArray(recognizer.recognize('Hostile', text))).toBe(true);
      expect(['positive', 'negative', 'neutral']).toContain(scoreSentiment('Hostile', text).label);
      expect(Array.isArray(assignTopics({ title: 'Hostile', text, entities: [] }, reference))).toBe(true);
      const summary = summariseExtractive({ title: 'Hostile', text });
      expect(summary.length).toBeLessThanOrEqual(3);
      for (const sentence of summary) expect(sentence).toMatch(/[.!?…]["'”’)\]]*$/u);
    });
  }

  it('still recognises e-mail addresses after the linear rewrite', () => {
    expect(junkReason('Contact: jane.doe@reuters.com')).toBe('links');
    expect(junkReason('(jane.doe@thomsonreuters.com; +1 646 223 6000)')).not.toBeNull();
    expect(junkReason('Shares of Acme rose 3% @ the open on Monday after results beat forecasts.')).toBeNull();
  });
});

const fragment = fc.oneof(
  fc.constantFrom('Wow! ', 'really ', '? ', '...', '…', '. ', 'U.S. ', 'Inc. ', 'No. ', '0.', '5 ', '\n', '\n\n', '* ', '• ', '“', '”', '"', '(', ')'),
  fc.constantFrom('Acme ', 'Corp ', 'rose ', 'fell ', '3.5% ', 'The ', 'shares ', 'said '),
);

describe('properties over random hostile mixes (fast-check, fixed seed)', () => {
  it('splitSentences loses no letters and returns trimmed, non-empty, bounded sentences', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        const sentences = splitSentences(text);
        expect(letters(sentences.join(''))).toBe(letters(text));
        for (const sentence of sentences) {
          expect(sentence).toBe(sentence.trim());
          expect(sentence).not.toBe('');
          expect(sentence.length).toBeLessThanOrEqual(MAX_SENTENCE);
        }
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('the summariser shows only finished sentences with whole quotations', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 400 }), (parts) => {
        for (const sentence of summariseExtractive({ title: 'Acme results', text: parts.join('') }, { maxSentences: 5 })) {
          expect(sentence).toMatch(/[.!?…]["'”’)\]]*$/u);
          expect(sentence).not.toMatch(/^[*•]/u);
          expect((sentence.match(/"/g) ?? []).length % 2).toBe(0);
          expect((sentence.match(/“/g) ?? []).length).toBe((sentence.match(/”/g) ?? []).length);
        }
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

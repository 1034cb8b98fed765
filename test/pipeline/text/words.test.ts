import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyWordIn, hasStopword, STOPWORDS, stopwordDensity, words } from '../../../src/pipeline/text/index.ts';

// What the two read in place must equal: the share of `words` that are stopwords.
function densityOfWords(text: string): number {
  const all = words(text);
  return all.length === 0 ? 0 : all.filter((word) => STOPWORDS.has(word)).length / all.length;
}

const PIECES = ['the', 'The', 'it', "it's", 'IT’S', 'its', 'us', 'said', 'profit', 'rose', "don't", 'U.S.', ' ', ', ', '. ', '\n', 'é', 'İ', '中文', "'s", 's'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((pieces) => pieces.join(''));

describe('stopwords read in place', () => {
  it('give the share and presence of stopwords among the words, a trailing possessive dropped', () => {
    expect(stopwordDensity("It's up: profit rose")).toBe(0.5);
    expect(hasStopword('Profit’s rise')).toBe(false);
    expect(hasStopword('Profit rose, it’s said')).toBe(true);
    fc.assert(
      fc.property(text, (input) => {
        expect(stopwordDensity(input)).toBe(densityOfWords(input));
        expect(hasStopword(input)).toBe(words(input).some((word) => STOPWORDS.has(word)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('every word in a set, settled at the first that is not', () => {
  const SET = new Set(['the', 'it', "it's", 'us', 'said', "don't", 'u.s', 's']);
  it('answers as words(text) checked one by one, with the minimum count', () => {
    expect(everyWordIn('It said', SET, 2)).toBe(true);
    expect(everyWordIn('It said', SET, 3)).toBe(false);
    expect(everyWordIn('It rose', SET, 2)).toBe(false);
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 3 }), (input, minimum) => {
        const all = words(input);
        expect(everyWordIn(input, SET, minimum)).toBe(all.length >= minimum && all.every((word) => SET.has(word)));
      }),
      { numRuns: 3000 },
    );
  });
});

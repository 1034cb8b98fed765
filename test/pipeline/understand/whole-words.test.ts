import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../../src/domain/index.ts';
import { literalWholeWords, type Occurrence, patternWholeWords } from '../../../src/pipeline/understand/entities/whole-words.ts';

/** Every occurrence the lookaround pattern finds, as matchAll reports them. */
function byLookaround(source: string, flags: string, text: string): Occurrence[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, `g${flags}`);
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function all(words: { find(text: string, from?: number): Occurrence | null }, text: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let match = words.find(text); match !== null; match = words.find(text, match.end)) found.push(match);
  return found;
}

const TEXTS = [
  'Apple Inc rose; Apple fell; Applebee’s did not; Pineapple neither.',
  'BYD, which has been gaining on Tesla, and BYDX and xBYD and BYD.',
  'Goldman Sachs Group said Goldman Sachsy and Goldman Sachs-backed firms',
  '𝐀Apple and Apple𝐀 and 😀Apple😀 and é Apple é and éApple',
  'Microsoft Corporation, Microsoft Corp. and Microsoft Corpx and MicrosoftCorp',
  'apple APPLE Apple  Inc apple\tinc ſtock AppLE',
  '',
  'Apple',
  '3M rose; 13M did not; 3Mx neither; (3M).',
];

describe('whole-word matching without lookaround classes', () => {
  it('finds what the lookaround pattern finds for literal alternatives, longest first', () => {
    const lists = [['Apple Inc', 'Apple'], ['BYD'], ['Goldman Sachs Group', 'Goldman Sachs'], ['Microsoft Corporation', 'Microsoft Corp', 'Microsoft'], ['3M']];
    for (const names of lists) {
      const words = literalWholeWords(names, escapeRegExp);
      for (const text of TEXTS) {
        expect(all(words, text), `${names.join('|')} in ${text}`).toEqual(byLookaround(names.map(escapeRegExp).join('|'), 'u', text));
        expect(words.test(text)).toBe(byLookaround(names.map(escapeRegExp).join('|'), 'u', text).length > 0);
      }
    }
  });

  it('falls back to a shorter name when the longer one runs into a letter', () => {
    const words = literalWholeWords(['Microsoft Corp', 'Microsoft'], escapeRegExp);
    expect(words.find('Microsoft Corpx rose')).toEqual({ start: 0, end: 9 });
  });

  it('finds what the lookaround pattern finds for a case-insensitive name with spaces', () => {
    for (const name of ['Apple Inc', 'apple', 'Microsoft Corp.', 'stock']) {
      const source = escapeRegExp(name).replace(/\s+/g, '\\s+');
      const words = patternWholeWords(source, 'iu');
      for (const text of TEXTS) {
        expect(all(words, text), `${name} in ${text}`).toEqual(byLookaround(source, 'iu', text));
      }
    }
  });
});

// The hand-written scanners and the in-place cache that replaced regular expressions and Maps on
// the ingest path must read exactly what the patterns read, whatever the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace, RangeCache } from '../../../src/pipeline/text/index.ts';
import { tokenize as nameTokens } from '../../../src/pipeline/understand/name-keys/index.ts';
import { tokenEnd } from '../../../src/pipeline/understand/sentiment/token-scan.ts';

const SENTIMENT_TOKEN = /\d+(?:[.,]\d+)*|n't|[a-z]+(?:-[a-z]+)*|'s|[^\s\w'"“”]/gi;
const NAME_TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[&.'’][\p{L}\p{N}]+)*/gu;

// Characters each pattern treats specially, beside letters of other scripts, marks, astral and lone surrogates.
const PIECES = [
  'a',
  'Z',
  'n',
  'N',
  "'",
  't',
  'T',
  's',
  'S',
  '-',
  '.',
  ',',
  '&',
  '’',
  '1',
  '9',
  ' ',
  '\u00a0',
  '\n',
  '\u2003',
  '\ufeff',
  '_',
  '"',
  '“',
  '”',
  'é',
  'É',
  'ſ',
  'K',
  'ß',
  '²',
  'ª',
  'Ж',
  '中',
  '٣',
  '\u0301',
  'ǅ',
  '😀',
  '𝐀',
  '𝐚',
  '\ud835',
  '\udc00',
  '(',
  '$',
  '%',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((pieces) => pieces.join(''));

function sentimentTokens(input: string): string[] {
  const found: string[] = [];
  for (let start = 0; start < input.length; ) {
    const end = tokenEnd(input, start);
    if (end < 0) start += 1;
    else {
      found.push(input.slice(start, end));
      start = end;
    }
  }
  return found;
}

describe('scanners', () => {
  it('isSpace is JavaScript \\s on every code unit', () => {
    for (let code = 0; code <= 0xffff; code += 1) expect(isSpace(code)).toBe(/\s/.test(String.fromCharCode(code)));
  });

  it('the sentiment scanner finds the tokens its pattern matched', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(sentimentTokens(input)).toEqual(input.match(SENTIMENT_TOKEN) ?? []);
      }),
      { numRuns: 5000 },
    );
    expect(sentimentTokens("Sales did n't rise 1,250.5 mn; co-founder's “buy” rating_")).toEqual([
      'Sales',
      'did',
      "n't",
      'rise',
      '1,250.5',
      'mn',
      ';',
      'co-founder',
      "'s",
      'buy',
      'rating',
    ]);
  });

  it('the name scanner finds the words and positions its pattern matched', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(nameTokens(input).map((token) => [token.start, token.text])).toEqual([...input.matchAll(NAME_TOKEN)].map((match) => [match.index, match[0]]));
      }),
      { numRuns: 5000 },
    );
    expect(nameTokens('The U.S. and S&P 500, JD.com’s unit').map((token) => token.text)).toEqual(['The', 'U.S.', 'and', 'S&P', '500', 'JD.com’s', 'unit']);
  });
});

describe('RangeCache', () => {
  it('finds a value by the characters of a range, and only an equal range', () => {
    const cache = new RangeCache<number>(4);
    cache.set('rise', 1);
    cache.set('ris', 2);
    expect(cache.get('prices rise', 7, 11)).toBe(1);
    expect(cache.get('prices rise', 7, 10)).toBe(2);
    expect(cache.get('prices rose', 7, 11)).toBeUndefined();
    expect(cache.get('rises', 0, 5)).toBeUndefined();
  });

  it('is emptied when full, so it stays bounded', () => {
    const cache = new RangeCache<number>(4);
    for (const [index, word] of ['a', 'b', 'c', 'd'].entries()) cache.set(word, index);
    expect(cache.get('d', 0, 1)).toBe(3);
    cache.set('e', 4);
    expect(cache.get('a', 0, 1)).toBeUndefined();
    expect(cache.get('e', 0, 1)).toBe(4);
  });
});

// tidyInline looks for " ,", " ;", " )" and "( " by the rarer mark, not the space: it must rewrite
// exactly as the plain substring tests did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyInline } from '../../../src/pipeline/clean/paragraphs.ts';

function tidyBySubstrings(paragraph: string): string {
  let text = paragraph.replace(/^#{1,6}\s+/, '');
  if (text.includes('**') || text.includes('__')) text = text.replace(/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2');
  if (text.includes('  ')) text = text.replace(/ {2,}/g, ' ');
  if (text.includes('( ')) text = text.replace(/\( +/g, '(');
  if (text.includes(' )')) text = text.replace(/ +\)/g, ')');
  if (text.includes(' ,') || text.includes(' ;')) text = text.replace(/ +([,;])(?= |$)/g, '$1');
  if (/\.\p{Lu}/u.test(text)) text = text.replace(/(\p{Ll}{2})\.(\p{Lu}\p{Ll}{2,})/gu, '$1. $2');
  return text.trim();
}

const PIECES = [' ', '  ', '(', ')', ',', ';', '**', '__', '*', '_', '# ', 'ab', 'Cd', '.', 'XOM.N', '\t', '\n'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('tidyInline', () => {
  it('rewrites as the substring tests did', () => {
    expect(tidyInline('Exxon ( XOM.N ) rose , then  fell ;')).toBe('Exxon (XOM.N) rose, then fell;');
    fc.assert(
      fc.property(text, (input) => {
        expect(tidyInline(input)).toBe(tidyBySubstrings(input));
      }),
      { numRuns: 5000 },
    );
  });

  it("drops a wire's topic codes in angle brackets, and nothing else in brackets", () => {
    expect(tidyInline('<FRX/> Meanwhile U.S. gold futures fell $8.90 to $988.80.')).toBe('Meanwhile U.S. gold futures fell $8.90 to $988.80.');
    expect(tidyInline('Oil <O/R> rose and bonds <GVD/EUR> fell.')).toBe('Oil rose and bonds fell.');
    expect(tidyInline('Use <b>bold</b> and a <Fed> note, 3 < 4 > 2.')).toBe('Use <b>bold</b> and a <Fed> note, 3 < 4 > 2.');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/pipeline/clean/clean.ts';
import { isHeadingOnly, leadingHeadingLength, splitInlineHeadings } from '../../../src/pipeline/clean/headings.ts';
import { splitSentences } from '../../../src/pipeline/clean/sentences.ts';

const reuters = fileURLToPath(new URL('../../../../shared/data/articles/reuters-2006-2013.jsonl.gz', import.meta.url));
const hasReuters = existsSync(reuters);
if (!hasReuters) console.warn(`shared data not found at ${reuters}: skipping the Reuters subheading check`);

const words = (text: string): string[] => text.split(/\s+/u).filter((word) => word !== '');

describe('subheadings run into the text', () => {
  it('sets a heading between two sentences on a line of its own', () => {
    expect(splitInlineHeadings('Pulp prices held steady on Monday. MILLS CUT OUTPUT Three Nordic mills said they would idle lines.', false)).toEqual([
      'Pulp prices held steady on Monday.',
      'MILLS CUT OUTPUT',
      'Three Nordic mills said they would idle lines.',
    ]);
    expect(splitInlineHeadings('"We are not worried," she said." WEAKER EXPORTS Shipments fell for a third month.', false)).toEqual([
      '"We are not worried," she said."',
      'WEAKER EXPORTS',
      'Shipments fell for a third month.',
    ]);
    // A heading that ends in a colon.
    expect(splitInlineHeadings('The index fell to -30.7 in August. KEY POINTS: Home sales fell 3.5 percent.', false)).toEqual([
      'The index fell to -30.7 in August.',
      'KEY POINTS:',
      'Home sales fell 3.5 percent.',
    ]);
    // One whose sentence opens with a name of two capitals ("EBay", "IPhone").
    expect(splitInlineHeadings('Margins held up. ATTRACTIVE VALUATION EBay shares are up 39 percent this year.', false)).toEqual([
      'Margins held up.',
      'ATTRACTIVE VALUATION',
      'EBay shares are up 39 percent this year.',
    ]);
    // Two in one paragraph, and one whose sentence opens with "A".
    expect(splitInlineHeadings('Costs rose 4 percent. PRICING POWER A weaker rand helped. MARGIN OUTLOOK Analysts expect more.', false)).toEqual([
      'Costs rose 4 percent.',
      'PRICING POWER',
      'A weaker rand helped.',
      'MARGIN OUTLOOK',
      'Analysts expect more.',
    ]);
  });

  it("drops a summary box's label run into the box's first sentence", () => {
    // Written for this test, as pages flattened to text give it: the label was a line of its own.
    expect(splitInlineHeadings('In brief Starbucks has launched its rewards program in beta.', false)).toEqual([
      'Starbucks has launched its rewards program in beta.',
    ]);
    expect(splitInlineHeadings('Key takeaways: Bitcoin fell 5% on Monday. TRADERS SOLD Volumes rose.', true)).toEqual([
      'Bitcoin fell 5% on Monday.',
      'TRADERS SOLD',
      'Volumes rose.',
    ]);
    // A sentence that opens with the same words goes on in lower case or after a comma.
    for (const paragraph of ['In brief remarks, Powell said rates would stay high.', 'In short, Bitcoin fell.', 'Key points of the deal were agreed.']) {
      expect(splitInlineHeadings(paragraph, false)).toEqual([paragraph]);
    }
  });

  it('leaves names in capitals, dotted abbreviations and all-capital sentences whole', () => {
    for (const paragraph of [
      'The bank said so. HSBC UK Chief Executive Ian Stuart said lending rose.',
      'Profit rose 5 percent. GENERAL ELECTRIC Co said on Friday it would cut jobs.',
      'Orders fell sharply in the U.S. STEEL MILLS Said little.',
      'The index slipped. NEW YORK Governor Kathy Hochul spoke later.',
      'THIS IS A ONE-TIME OFFER AND WE WILL NOT REPEAT IT.',
      'Shares of IBM rose. IBM Chief Financial Officer Jim Kavanaugh spoke.',
    ]) {
      expect(splitInlineHeadings(paragraph, true)).toEqual([paragraph]);
    }
  });

  it('stops a heading before an initial that opens the next sentence', () => {
    expect(splitInlineHeadings('Demand held up. RECORD QUARTER J. Crew said sales rose.', false)).toEqual([
      'Demand held up.',
      'RECORD QUARTER',
      'J. Crew said sales rose.',
    ]);
  });

  it('opens a paragraph with a heading only after the first paragraph', () => {
    const paragraph = 'FREIGHT RATES SLIDE Container rates fell again this week.';
    expect(splitInlineHeadings(paragraph, false)).toEqual([paragraph]);
    expect(splitInlineHeadings(paragraph, true)).toEqual(['FREIGHT RATES SLIDE', 'Container rates fell again this week.']);
  });

  it('measures a heading at the start of a sentence, and knows a heading alone', () => {
    const sentence = 'OTHER DATA Separately, orders for durable goods rose.';
    expect(sentence.slice(leadingHeadingLength(sentence))).toBe('Separately, orders for durable goods rose.');
    expect(leadingHeadingLength('Orders rose.')).toBe(0);
    expect(isHeadingOnly('MILLS CUT OUTPUT')).toBe(true);
    expect(isHeadingOnly('STOCKS RALLY.')).toBe(false);
    expect(isHeadingOnly('Mills cut output')).toBe(false);
  });

  it('keeps every word when the cleaner sets headings apart', () => {
    const text = [
      'Pulp producers in Finland and Sweden reported weaker orders from China on Monday, and prices for northern bleached softwood held at their lowest in two years as buyers waited.',
      'Several producers said they expected the slowdown to last into the next quarter. MILLS CUT OUTPUT Three Nordic mills said they would idle lines for two weeks in March to cut stocks.',
    ].join('\n\n');
    const clean = cleanArticle({ title: 'Nordic pulp mills idle lines as Chinese orders weaken', text });
    expect(clean.text.split('\n\n')).toContain('MILLS CUT OUTPUT');
    expect(words(clean.text)).toEqual(words(text));
    expect(splitSentences(clean.text).some((sentence) => sentence.startsWith('Three Nordic mills'))).toBe(true);
  });
});

describe.skipIf(!hasReuters)('subheadings in real wire copy', () => {
  it('sets every heading apart in cleaned Reuters stories and loses no word', () => {
    const rows = gunzipSync(readFileSync(reuters))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { raw: string });
    let headings = 0;
    for (const { raw } of rows.slice(0, 800)) {
      const body = raw.split('\n').slice(4).join('\n');
      for (const [index, paragraph] of body.split(/\n+/u).entries()) {
        const pieces = splitInlineHeadings(paragraph, index > 0);
        expect(words(pieces.join(' '))).toEqual(words(paragraph));
        headings += pieces.filter(isHeadingOnly).length - (isHeadingOnly(paragraph) ? 1 : 0);
        for (const piece of pieces) if (!isHeadingOnly(piece)) for (const sentence of splitSentences(piece)) expect(leadingHeadingLength(sentence)).toBe(0);
      }
    }
    // About one story in three carries subheadings run into its text.
    expect(headings).toBeGreaterThan(100);
  });
});

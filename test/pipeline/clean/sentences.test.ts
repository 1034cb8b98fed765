import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../../src/pipeline/clean/sentences.ts';

const dataDirectory = new URL('../../../../shared/data/', import.meta.url);
const reutersFile = new URL('articles/reuters-2006-2013.jsonl.gz', dataDirectory);
const hasReuters = existsSync(reutersFile);
if (!hasReuters) console.warn(`sentences: ${reutersFile.pathname} is absent; the Reuters corpus check is skipped`);

describe('splitSentences', () => {
  it('keeps abbreviations, initials and dotted acronyms inside a sentence', () => {
    expect(splitSentences('Mr. Lee of Acme Corp. met officials of the U.S. Treasury on Monday. He left early.')).toEqual([
      'Mr. Lee of Acme Corp. met officials of the U.S. Treasury on Monday.',
      'He left early.',
    ]);
    expect(splitSentences('Investors bought shares from J.P. Morgan and John D. Smith. The No. 1 bank agreed.')).toEqual([
      'Investors bought shares from J.P. Morgan and John D. Smith.',
      'The No. 1 bank agreed.',
    ]);
  });

  it('ends a sentence at an abbreviation when a typical opener follows', () => {
    expect(splitSentences('The unit was sold to Widget Inc. The buyer paid cash. Demand rose in the U.S. It fell in Europe.')).toEqual([
      'The unit was sold to Widget Inc.',
      'The buyer paid cash.',
      'Demand rose in the U.S.',
      'It fell in Europe.',
    ]);
    expect(splitSentences('The report was filed with the SEC. Regulators said no. Shares fell.')).toEqual([
      'The report was filed with the SEC.',
      'Regulators said no.',
      'Shares fell.',
    ]);
  });

  it('keeps figures, currencies and parentheses whole', () => {
    expect(splitSentences('Revenue rose 3.5% to HK$29.6 billion ($3.8 billion). Net income was $5.6 billion, or 1.25 a share. Margins held.')).toEqual([
      'Revenue rose 3.5% to HK$29.6 billion ($3.8 billion).',
      'Net income was $5.6 billion, or 1.25 a share.',
      'Margins held.',
    ]);
  });

  it('does not break inside ticker symbols', () => {
    expect(splitSentences('Toyota Motor Corp ( 7203.T ) rose while the index .N225 slipped. Trading was thin.')).toEqual([
      'Toyota Motor Corp ( 7203.T ) rose while the index .N225 slipped.',
      'Trading was thin.',
    ]);
  });

  it('ends sentences at closing quotes and ellipses, and keeps quoted questions with their attribution', () => {
    expect(splitSentences('She said: “Profits will recover.” Analysts were unconvinced… The stock fell.')).toEqual([
      'She said: “Profits will recover.”',
      'Analysts were unconvinced…',
      'The stock fell.',
    ]);
    expect(splitSentences('"Who would sell now?" asked one trader. Nobody answered...')).toEqual([
      '"Who would sell now?" asked one trader.',
      'Nobody answered...',
    ]);
  });

  it('treats a headline line without a full stop as a sentence of its own', () => {
    expect(splitSentences('Stocks slide as rate fears return\nThe index fell 1.2% on Monday. Bonds rallied.')).toEqual([
      'Stocks slide as rate fears return',
      'The index fell 1.2% on Monday.',
      'Bonds rallied.',
    ]);
  });

  it('rejoins hard-wrapped lines, including a wrap right after an abbreviation', () => {
    const wrapped = [
      'WASHINGTON (Newswire) - The company offered to pay a fine of',
      '$20 million and to surrender some leases held in the lower 48 U.S.',
      'states, according to a letter made public on Friday. The offer',
      'was accompanied by an updated development plan for the field.',
    ].join('\n');
    expect(splitSentences(wrapped)).toEqual([
      'WASHINGTON (Newswire) - The company offered to pay a fine of $20 million and to surrender some leases held in the lower 48 U.S. states, according to a letter made public on Friday.',
      'The offer was accompanied by an updated development plan for the field.',
    ]);
  });

  it('splits a missing space after a full stop and keeps numbered list items whole', () => {
    expect(splitSentences('Shares rose 5 pct.The index fell.')).toEqual(['Shares rose 5 pct.', 'The index fell.']);
    expect(splitSentences('Key points:\n1. Revenue grew strongly.\n2. Costs were flat.')).toEqual([
      'Key points:',
      '1. Revenue grew strongly.',
      '2. Costs were flat.',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and on lines that stand apart, and collapses whitespace', () => {
    expect(splitParagraphs('First  paragraph here.\n\nSecond one.\nThird one.\n\n\n- a bullet\n- another')).toEqual([
      'First paragraph here.',
      'Second one.',
      'Third one.',
      '- a bullet',
      '- another',
    ]);
  });

  it('joins a line that continues in lower case', () => {
    expect(splitParagraphs('The board approved the plan\nand the dividend.')).toEqual(['The board approved the plan and the dividend.']);
  });
});

describe.skipIf(!hasReuters)('splitSentences on Reuters articles', () => {
  it('rarely leaves a fragment that starts in lower case or ends at a title abbreviation', () => {
    const lines = gunzipSync(readFileSync(reutersFile))
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '');
    let sentences = 0;
    let lowerStarts = 0;
    let titleEnds = 0;
    const started = performance.now();
    for (const line of lines) {
      const { raw } = JSON.parse(line) as { raw: string };
      const body = raw
        .split('\n')
        .filter((row) => !row.startsWith('-- '))
        .join('\n');
      for (const sentence of splitSentences(body)) {
        sentences += 1;
        if (/^\p{Ll}/u.test(sentence)) lowerStarts += 1;
        if (/\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Jan|Feb|Sept?|Oct|Nov|Dec)\.$/.test(sentence)) titleEnds += 1;
      }
    }
    const elapsed = performance.now() - started;
    console.log(
      `sentences: ${lines.length} Reuters articles → ${sentences} sentences in ${elapsed.toFixed(0)} ms; ` +
        `${lowerStarts} start in lower case, ${titleEnds} end at a title abbreviation`,
    );
    expect(sentences).toBeGreaterThan(lines.length * 10);
    expect(lowerStarts / sentences).toBeLessThan(0.001);
    expect(titleEnds).toBe(0);
  });
});

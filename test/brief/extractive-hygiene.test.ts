import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { summariseExtractive } from '../../src/brief/extractive/summarise.ts';
import { tidySentence } from '../../src/brief/extractive/hygiene.ts';
import { splitSentences } from '../../src/pipeline/clean/sentences.ts';

const data = new URL('../../../shared/data/', import.meta.url);
const reutersFile = new URL('articles/reuters-2006-2013.jsonl.gz', data);
const yahooFeed = new URL('feeds/parsed-json-finnews/yahoo_finance_headlines.jsonc', data);
const hasReuters = existsSync(reutersFile);
const hasYahoo = existsSync(yahooFeed);
if (!hasReuters || !hasYahoo) console.warn('extractive hygiene: ../shared/data is absent; the real-article checks are skipped');

// What every sentence the extractive summariser shows must look like.
function expectClean(sentence: string): void {
  expect(sentence).toMatch(/[.!?…]["'”’)\]]*$/u); // ended properly
  expect(sentence).not.toMatch(/^[-*•·▪●◦]/u); // no bullet
  expect(sentence).not.toMatch(/\s[*•▪●◦]\s/u);
  expect(sentence).not.toMatch(/^(?:\p{Lu}{2,}\s+){3}/u); // no desk slug
  expect((sentence.match(/"/g) ?? []).length % 2).toBe(0); // no half quote
  expect((sentence.match(/“/g) ?? []).length).toBe((sentence.match(/”/g) ?? []).length);
}

describe('splitting never cuts a decimal or an abbreviation', () => {
  it('keeps decimals, dotted acronyms, company suffixes, months and numbered items inside the sentence', () => {
    const text =
      'The S&P 500 rose 0.5% to 1,504.95 while U.S. Treasury yields fell 0.04 point. Acme Inc. said on Jan. 5 that its No. 1 plant in St. Louis ' +
      'would reopen, e.g. by March. Shares of Widget Corp. gained 3.25 percent vs. a 1.1 percent fall in the index.';
    expect(splitSentences(text)).toEqual([
      'The S&P 500 rose 0.5% to 1,504.95 while U.S. Treasury yields fell 0.04 point.',
      'Acme Inc. said on Jan. 5 that its No. 1 plant in St. Louis would reopen, e.g. by March.',
      'Shares of Widget Corp. gained 3.25 percent vs. a 1.1 percent fall in the index.',
    ]);
  });

  it('stays linear and correct on a long run of exclamations followed by lower-case words', () => {
    const sentences = splitSentences('Wow! really '.repeat(20_000));
    // "really" after "Wow!" continues the quoted-exclamation sentence; the whole run is cut into bounded pieces.
    expect(sentences.join(' ')).toBe('Wow! really '.repeat(20_000).trim());
    expect(Math.max(...sentences.map((sentence) => sentence.length))).toBeLessThanOrEqual(2000);
  });
});

describe('tidySentence', () => {
  it('removes bullets, desk slugs and bylines, and ends a line without a full stop', () => {
    expect(tidySentence('* Profit rose 12 percent to $1.2 billion')).toBe('Profit rose 12 percent to $1.2 billion.');
    expect(tidySentence('• Sales were flat in Europe.')).toBe('Sales were flat in Europe.');
    expect(tidySentence('Key points: * revenue up * costs down')).toBe('Key points: revenue up; costs down.');
    expect(tidySentence('MARKET WRAP EUROPE Jane Q. Public Shares of Siemens rose 2% on Monday.')).toBe('Shares of Siemens rose 2% on Monday.');
    expect(tidySentence('By Anna Smith and Li Wei The central bank held rates.')).toBe('The central bank held rates.');
    // A company name after a slug is the sentence's subject, not a byline.
    expect(tidySentence('DEAL TALK UPDATE Goldman Sachs Group said it would buy the unit.')).toBe('Goldman Sachs Group said it would buy the unit.');
    // Ordinary upper-case acronyms are not slugs.
    expect(tidySentence('IBM and HP gained.')).toBe('IBM and HP gained.');
  });

  it('drops a subheading of two words run into the sentence, and shows no heading alone', () => {
    expect(tidySentence('OTHER DATA Separately, orders for durable goods rose.')).toBe('Separately, orders for durable goods rose.');
    expect(tidySentence('MILLS CUT OUTPUT')).toBeNull();
    // Upper-case words before a bullet are its list's heading, colons and all.
    expect(tidySentence('KEY POINTS: RETAIL SALES * Sales fell 1.2 percent last month.')).toBe('Sales fell 1.2 percent last month.');
    expect(tidySentence('PPI * The index fell for the second straight month * Analysts expected a drop.')).toBe(
      'The index fell for the second straight month; Analysts expected a drop.',
    );
    expect(tidySentence('HSBC UK Chief Executive Ian Stuart said lending rose.')).toBe('HSBC UK Chief Executive Ian Stuart said lending rose.');
  });

  it('keeps quotations whole or drops them', () => {
    expect(tidySentence('“We expect growth,” the chief executive said.')).toBe('“We expect growth,” the chief executive said.');
    expect(tidySentence('We expect growth next year,” the chief executive said.')).toBeNull();
    expect(tidySentence('"Demand is strong. ')).toBeNull();
  });

  it('cuts a figure truncated by the source back to the last whole clause, only at the end of the text', () => {
    expect(tidySentence('Shares of Acme advanced 1.75% to $15.20, with the Dow rising 0.', true)).toBe('Shares of Acme advanced 1.75% to $15.20.');
    expect(tidySentence('The index fell 2.', true)).toBeNull();
    expect(tidySentence('The hearing is set for January 17.', true)).toBe('The hearing is set for January 17.');
    expect(tidySentence('Oil prices eased as supplies grew, traders said…', true)).toBe('Oil prices eased as supplies grew.');
  });

  it('drops promotion of the publisher itself, whatever the publisher', () => {
    expect(tidySentence("Before it's here, it's on the Bloomberg Terminal.")).toBeNull();
    expect(tidySentence('Get the Reuters app for breaking news.')).toBeNull();
    expect(tidySentence('Zacks Rank #3 (Hold) stocks are expected to perform in line.')).toBeNull();
    expect(tidySentence('Subscribers get unlimited access to our research.')).toBeNull();
    expect(tidySentence('Bloomberg LP said revenue rose 5% last year.')).toBe('Bloomberg LP said revenue rose 5% last year.');
  });

  it('drops a lead-in that stops at a colon', () => {
    expect(tidySentence('The following are the main points:')).toBeNull();
  });
});

describe('summariseExtractive shows clean sentences', () => {
  it('on an article written here with every kind of junk', () => {
    const text = [
      'COMPANY CLOSE UPDATES Terrence Horan Shares of Alphabet Inc. advanced 1.75% to $1,504.95 on Thursday as U.S. tech stocks rallied',
      '* Revenue rose 12 percent to $40.5 billion in the quarter',
      '“We saw strong demand across the business. Advertising was resilient and cloud grew quickly,” Chief Executive Sundar Pichai said in a statement.',
      "Before it's here, it's on the Bloomberg Terminal.",
      'Analysts had expected revenue of $39.8 billion, according to LSEG data, and the beat lifted the stock to a record.',
      'The Nasdaq Composite gained 0.8% while the S&P 500 Index SPX was rising 0.',
    ].join('\n\n');
    const summary = summariseExtractive({ title: 'Alphabet shares rise after results', text }, { maxSentences: 6 });
    expect(summary.length).toBeGreaterThanOrEqual(3);
    for (const sentence of summary) expectClean(sentence);
    expect(summary.join(' ')).not.toMatch(/Terminal|Terrence Horan|COMPANY CLOSE|rising 0\./);
    expect(summary[0]).toMatch(/^Shares of Alphabet Inc\. advanced 1\.75% to \$1,504\.95 on Thursday as U\.S\. tech stocks rallied\.$/);
  });

  it.skipIf(!hasYahoo)('on real feed items whose description opens with a desk slug and byline and is cut at a figure', () => {
    const items = JSON.parse(readFileSync(yahooFeed, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Array<{ title: string; description?: string }>;
    const slugged = items.filter((item) => /^(?:\p{Lu}{2,}\s+){3}/u.test(item.description ?? ''));
    expect(slugged.length).toBeGreaterThan(0);
    for (const item of slugged) {
      const summary = summariseExtractive({ title: item.title, text: item.description ?? '' });
      for (const sentence of summary) {
        expectClean(sentence);
        expect(sentence).not.toMatch(/\b(?:rising|falling|up|down|by|to) \d{1,3}\.$/);
      }
    }
  });

  it.skipIf(!hasReuters)('on 3,000 Reuters articles: every chosen sentence is clean', () => {
    const lines = gunzipSync(readFileSync(reutersFile))
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '');
    let checked = 0;
    for (const line of lines) {
      const { raw } = JSON.parse(line) as { raw: string };
      const [title = '', ...rest] = raw.split('\n').filter((row) => !row.startsWith('-- '));
      for (const sentence of summariseExtractive({ title, text: rest.join('\n') })) {
        expectClean(sentence);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(lines.length * 2);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CleanArticle, RawArticle } from '../../../src/domain/article.ts';
import { cleanArticle } from '../../../src/pipeline/clean/clean.ts';
import { splitDateline } from '../../../src/pipeline/clean/dateline.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { readArticles } from '../../../src/pipeline/read/read-articles.ts';

const data = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const hasSeed = existsSync(`${data}seed-article.txt`);
const hasArticles = existsSync(`${data}articles/reuters-2006-2013.jsonl.gz`) && existsSync(`${data}articles/crypto-news-2022-2023.json.gz`);
if (!hasSeed || !hasArticles) console.warn(`shared data not found at ${data}: skipping the seed, Reuters and crypto cleaning tests`);

const paragraphs = (article: CleanArticle): string[] => article.text.split('\n\n');
const letters = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A story written for these tests, wrapped in the kinds of page furniture the cleaner must remove. */
const STORY = [
  'Copper prices rose to their highest level in two months on Tuesday after several large smelters said they would cut output to protest record-low processing fees.',
  'Benchmark three-month copper on the London Metal Exchange gained 1.8 percent to $8,760 a tonne by midday, while the most-traded contract in Shanghai rose 2.1 percent.',
  'The smelters, which together account for roughly a fifth of refined output, agreed to reduce production and delay new capacity, according to two people who attended the meeting.',
  '"The market had been pricing in a surplus for this year, and that view is now being questioned," said a metals strategist, adding that warehouse inventories had fallen for three weeks.',
  'The company declined to comment.',
];

describe('cleanArticle on page furniture', () => {
  const page = [
    'Gold Steadies Ahead of Payrolls Data as Dollar Firms',
    'Copper Climbs to Two-Month High as Smelters Cut Output',
    'By Mara Quill',
    'December 6, 2024 — 6:22 PM EST',
    'Share Facebook Twitter LinkedIn Email',
    `HONG KONG, Dec 6 (Ledger Wire) - ${STORY[0]}`,
    'AD',
    STORY[1],
    'Copper cathodes in a warehouse | Photo: Ledger archive',
    'Supply squeeze',
    STORY[2],
    'Read more: Gold steadies ahead of payrolls data',
    'iSubscribe now and get 50% off your first year!',
    STORY[3],
    `${STORY[4]} (Reporting by Mara Quill; Editing by Tom Reed)`,
    '- Zero brokerage',
    '- Advanced charts',
    '- Expert picks',
    'Most Popular',
    '01',
    'Ledger Research Desk',
    '02',
    'Ledger Research Desk',
    'Disclaimer: This article is for informational purposes only and is not investment advice.',
    'Markets | Tech | Crypto | Video',
  ].join('\n');

  it('keeps every story paragraph and the subheading, removes everything else', () => {
    const clean = cleanArticle({ text: page, url: 'https://Ledger.example/copper?utm_source=x#top' });
    expect(clean.title).toBe('Copper Climbs to Two-Month High as Smelters Cut Output');
    expect(paragraphs(clean)).toEqual([STORY[0], STORY[1], 'Supply squeeze', STORY[2], STORY[3], STORY[4]]);
    expect(clean.source).toBe('Ledger Wire');
    expect(clean.url).toBe('https://ledger.example/copper');
  });

  it('keeps repeated speaker names in an interview but drops a repeated credit in a link list', () => {
    const interview = ['Host Name', STORY[0], 'Guest Name', STORY[1], 'Host Name', STORY[2], 'Guest Name', STORY[3]].join('\n');
    expect(paragraphs(cleanArticle({ title: 'An interview', text: interview }))).toContain('Guest Name');
  });

  it('uses a given title, drops its copy from the text and strips a site suffix naming the source', () => {
    const clean = cleanArticle({
      title: 'Copper climbs on output cuts | Ledger',
      source: 'Ledger',
      text: ['Copper Climbs on Output Cuts', ...STORY].join('\n'),
    });
    expect(clean.title).toBe('Copper climbs on output cuts');
    expect(paragraphs(clean)[0]).toBe(STORY[0]);
  });

  it('drops headline lines above the story when the title is given, and completes a truncated title', () => {
    const text = ['Gold Steadies Ahead of Payrolls Data', 'Copper Climbs to Two-Month High as Smelters Cut Output', ...STORY].join('\n');
    const given = cleanArticle({ title: 'Copper climbs as smelters cut output', text });
    expect(paragraphs(given)[0]).toBe(STORY[0]);
    const truncated = cleanArticle({ title: 'Copper Climbs to Two-Month High as...', text });
    expect(truncated.title).toBe('Copper Climbs to Two-Month High as Smelters Cut Output');
  });

  it('makes a title from the first sentence when there is none, or only a URL slug', () => {
    const clean = cleanArticle({ title: 'copper-climbs-on-output-cuts', text: STORY.join('\n\n') });
    expect(clean.title.startsWith('Copper prices rose to their highest level')).toBe(true);
    expect(clean.title.length).toBeLessThanOrEqual(120);
  });

  it('re-joins hard-wrapped dump text and splits paragraphs flattened with double spaces', () => {
    const first = `${STORY[0]} ${STORY[4]}`;
    const wrapped = `${first.replace(/(.{50,60}?) /g, '$1 \n')}  ${STORY[1]}  ${STORY[2]}`;
    expect(paragraphs(cleanArticle({ title: 'Copper', text: wrapped }))).toEqual([first, STORY[1], STORY[2]]);
  });

  it('normalises the date and keeps the guid', () => {
    const clean = cleanArticle({ title: 'Copper', text: STORY.join('\n'), publishedAt: 'Tue, 05 Mar 2024 10:00:00 GMT', guid: 'ledger-1' });
    expect(clean).toMatchObject({ publishedAt: '2024-03-05T10:00:00.000Z', guid: 'ledger-1', source: null, url: null });
  });

  it('throws a one-line InputError naming the article when nothing readable is left', () => {
    expect(() => cleanArticle({ title: 'Empty', text: '  ', url: 'https://ledger.example/e' })).toThrow(/^https:\/\/ledger\.example\/e: has no body text$/);
    const junk = ['AD', 'Share', 'Read more: Gold steadies', 'Disclaimer: not investment advice.'].join('\n');
    expect(() => cleanArticle({ title: 'Junk', text: junk })).toThrow(InputError);
    expect(() => cleanArticle({ title: 'Junk', text: junk })).toThrow(/^Junk: has no readable text left/);
  });
});

describe('splitDateline', () => {
  it('splits wire datelines and keeps place and agency', () => {
    expect(splitDateline('SAN JOSE, Calif., Aug 3 (Reuters) - Chip sales rose.')).toEqual({
      dateline: { place: 'SAN JOSE, Calif.', agency: 'Reuters' },
      rest: 'Chip sales rose.',
    });
    expect(splitDateline('WASHINGTON, June 1 - Spending rose.').dateline).toEqual({ place: 'WASHINGTON', agency: null });
    expect(splitDateline('NEW YORK, Jan. 5, 2024 /PRNewswire/ -- Acme Corp said.').rest).toBe('Acme Corp said.');
  });

  it('leaves ordinary openings alone', () => {
    for (const text of ['US STOCKS - Wall St falls', 'Apple (AAPL) - shares rose', 'The U.S. economy (GDP) - grew', 'LONDON - Shares rose']) {
      expect(splitDateline(text)).toEqual({ dateline: null, rest: text });
    }
  });
});

describe.skipIf(!hasSeed)('cleanArticle on the seed article', () => {
  // Describe bodies run at collection even when skipped: read the seed only when it is there.
  const raw = (hasSeed ? readArticles({ name: 'seed-article.txt', bytes: readFileSync(`${data}seed-article.txt`) })[0] : { text: 'absent' }) as RawArticle;
  const clean = hasSeed ? cleanArticle(raw) : ({} as CleanArticle);

  it('picks the story title, not the unrelated headline above it', () => {
    expect(clean.title).toBe('Hong Kong’s Stock Market Surges Amid Wall Street Turmoil');
    expect(clean.text).not.toContain('Bajaj');
  });

  it('removes the promo line, the feature bullets, the Trending block and the disclaimer', () => {
    for (const junk of ['Join the club', 'Brokerage', 'Next-gen Trading', 'Trending on', 'Research Team', 'Related Articles', 'Disclaimer', 'Click here']) {
      expect(clean.text).not.toContain(junk);
    }
    expect(paragraphs(clean).every((paragraph) => !/^\d+$/.test(paragraph))).toBe(true);
  });

  it('keeps every story paragraph, and the subheadings as their own paragraphs', () => {
    const storyLines = raw.text.split('\n').filter((line) => line.split(/\s+/).length >= 12 && !line.startsWith('Disclaimer') && !line.includes('Bajaj'));
    expect(storyLines.length).toBeGreaterThanOrEqual(20);
    for (const line of storyLines) expect(paragraphs(clean)).toContain(line.trim());
    expect(paragraphs(clean)).toContain('A Shift in Investment Strategy');
    expect(paragraphs(clean).at(-1)).toMatch(/^For U\.S\. stock investors, the worst may still be ahead\./);
  });
});

/** Sentences a reader would call boilerplate, defined here independently of the cleaner's rules. */
const BOILERPLATE_SENTENCE =
  /disclaimer|investment advice|financial advice|informational purposes|sponsored|own research|afford to lose|reflect the (views|opinion)|\b(reporting|editing|writing) by\b|featured image|\b(source|chart|image|photo)s?:|https?:\/\/|pic\.twitter|\(@\w+\)|>>|subscribe|sign(ing)? up|newsletter|read more|related reading|contact:|create an account|e-?mailed to/i;

function sentenceRetention(pairs: { raw: RawArticle; clean: CleanArticle }[]): { total: number; kept: number } {
  let total = 0;
  let kept = 0;
  for (const { raw, clean } of pairs) {
    const output = letters(clean.text);
    const sentences = raw.text.replace(/\s+/g, ' ').split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/);
    for (const sentence of sentences) {
      const body = sentence.replace(/\([^()]*\b(by|By)\b[^()]*(\)|$).*$/, '').replace(/^\s*\(Adds[^)]*\)\s*/, '');
      if (body.length <= 60 || BOILERPLATE_SENTENCE.test(body) || /^\s*AD\s/.test(body)) continue;
      const probe = letters(body);
      total += 1;
      if (output.includes(probe.slice(Math.floor(probe.length * 0.4), Math.floor(probe.length * 0.4) + 30))) kept += 1;
    }
  }
  return { total, kept };
}

function cleanAll(raws: RawArticle[]): { pairs: { raw: RawArticle; clean: CleanArticle }[]; errors: InputError[]; milliseconds: number } {
  const pairs: { raw: RawArticle; clean: CleanArticle }[] = [];
  const errors: InputError[] = [];
  const started = performance.now();
  for (const raw of raws) {
    try {
      pairs.push({ raw, clean: cleanArticle(raw) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
    }
  }
  return { pairs, errors, milliseconds: performance.now() - started };
}

describe.skipIf(!hasArticles)('cleanArticle on real articles (shared data)', () => {
  it('Reuters: no dateline, credit trailer or ad line survives; the story sentences do', () => {
    const lines = gunzipSync(readFileSync(`${data}articles/reuters-2006-2013.jsonl.gz`))
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    const sample = lines.filter((_line, index) => index % 10 === 0).map((line) => JSON.parse(line) as { file: string; raw: string });
    const raws = sample.map(({ file, raw }) => readArticles({ name: `${file}.txt`, bytes: new TextEncoder().encode(raw) })[0] as RawArticle);
    const { pairs, errors, milliseconds } = cleanAll(raws);
    for (const { clean } of pairs) {
      expect(clean.text.slice(0, 300)).not.toMatch(/^[\s\S]{0,120}\((Reuters|AP)[^)]*\)\s*[-–—]/);
      expect(clean.text).not.toMatch(/\([^()]*\b(Reporting|Editing|Writing|Compiled) by\b/i);
      expect(clean.text).not.toMatch(/^(AD|Advertisement)$/m);
      expect(clean.title.length).toBeGreaterThan(0);
    }
    const withDateline = pairs.filter(({ raw }) => /\(Reuters\)\s*-/.test(raw.text.slice(0, 300)));
    expect(withDateline.filter(({ clean }) => clean.source === 'Reuters').length).toBe(withDateline.length);
    const { total, kept } = sentenceRetention(pairs);
    console.log(
      `[clean] Reuters sample: ${pairs.length} cleaned, ${errors.length} empty, ${kept}/${total} long sentences kept (${((100 * kept) / total).toFixed(2)}%), ${(milliseconds / raws.length).toFixed(2)} ms/article`,
    );
    expect(errors.every((error) => /has no body text/.test(error.message))).toBe(true);
    expect(kept / total).toBeGreaterThanOrEqual(0.98);
  });

  it('crypto: no AD, read-more, promo, caption or disclaimer line survives; null bodies give clear errors', () => {
    const bytes = gunzipSync(readFileSync(`${data}articles/crypto-news-2022-2023.json.gz`));
    const all = readArticles({ name: 'crypto-news.json', bytes });
    const nullBodies = all.filter((article) => article.text === '');
    const sample = all.filter((_article, index) => index % 5 === 0);
    const { pairs, errors, milliseconds } = cleanAll(sample);
    for (const { clean } of pairs) {
      expect(clean.text).not.toMatch(/^(AD|Advertisement)$/m);
      expect(clean.text).not.toMatch(/^(Read more|Also read|Related Reading)\b/im);
      expect(clean.text).not.toMatch(/^Disclaimer\b|not investment advice|>>|<<|^Featured image|\| (Source|Chart):|^(Twitter|Telegram|Website): https?:/im);
    }
    for (const article of nullBodies) {
      expect(() => cleanArticle(article)).toThrow(/: has no body text$/);
    }
    const { total, kept } = sentenceRetention(pairs);
    console.log(
      `[clean] crypto sample: ${pairs.length} cleaned, ${errors.length} rejected (${nullBodies.length} null bodies in the whole file), ${kept}/${total} long sentences kept (${((100 * kept) / total).toFixed(2)}%), ${(milliseconds / sample.length).toFixed(2)} ms/article`,
    );
    expect(nullBodies.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(Math.ceil(nullBodies.length / 5) + 3);
    expect(kept / total).toBeGreaterThanOrEqual(0.95);
  });
});

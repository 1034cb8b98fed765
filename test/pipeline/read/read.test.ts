import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../../../src/domain/article.ts';
import { cleanArticle } from '../../../src/pipeline/clean/clean.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { readArticles } from '../../../src/pipeline/read/read-articles.ts';
import { openingRun, postlightExpectations, tokenF1, tokens, withoutDateline } from '../../support/html-pages.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (name: string, text: string, contentType?: string): RawArticle[] =>
  readArticles(contentType ? { name, bytes: encode(text), contentType } : { name, bytes: encode(text) });
const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/read/${name}`, import.meta.url));
const data = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const hasData = existsSync(`${data}feeds/raw-xml`);
if (!hasData) console.warn(`shared data not found at ${data}: skipping the real-feed and real-page tests`);

const STORY =
  'Copper prices rose on Tuesday after smelters in southern China agreed to cut output, traders said.\n' +
  'Benchmark copper on the London Metal Exchange gained 1.8 percent to $8,760 a tonne by midday.\n';

describe('readArticles: plain text', () => {
  it('keeps a scraped page as text and leaves the title to the cleaner', () => {
    const [article] = read('page.txt', `Copper Climbs on Output Cuts\n${STORY}`);
    expect(article?.title).toBeUndefined();
    expect(article?.text).toContain('Copper Climbs on Output Cuts');
  });

  it('parses a marker-line header (title, byline, odd date, URL) by the shape of each value', () => {
    const text = `-- Copper climbs on output cuts\n-- By  Mara Quill\n-- Tue Mar 5, 2024 6:15pm EST\n-- http://example.com/markets/copper-1\n\n \n${STORY}`;
    const [article] = read('dump.txt', text);
    expect(article).toMatchObject({
      title: 'Copper climbs on output cuts',
      url: 'http://example.com/markets/copper-1',
      publishedAt: '2024-03-05T23:15:00.000Z',
    });
    expect(article?.text.trim().startsWith('Copper prices rose')).toBe(true);
  });

  it('takes a marker-line title that names a month and a year for the title, not the date', () => {
    // Written for this test. The engine's lenient date parser reads "…by March 2026" as 1 March 2026:
    // the story would have been dated years after it was written and ranked as the newest.
    const text = `-- LCD units of three makers eye listing by March 2026\n-- \n-- Wed Aug 31, 2011 5:11am EDT\n\n${STORY}`;
    const [article] = read('dump.txt', text);
    expect(article).toMatchObject({ title: 'LCD units of three makers eye listing by March 2026', publishedAt: '2011-08-31T09:11:00.000Z' });
    // A date line may still carry a word or two besides the date.
    const [posted] = read('dump.txt', `-- Copper climbs\n-- Updated Dec. 7, 2026 10:00 a.m. ET\n\n${STORY}`);
    expect(posted?.publishedAt).toBe('2026-12-07T15:00:00.000Z');
  });

  it('parses "key: value" headers and ignores lookalike body lines', () => {
    const [article] = read('note.txt', `Title: Copper climbs\nSource: Harbour Ledger\nDate: 2024-03-05\n\n${STORY}`);
    expect(article).toMatchObject({ title: 'Copper climbs', source: 'Harbour Ledger', publishedAt: '2024-03-05T00:00:00.000Z' });
    const [plain] = read('plain.txt', `Disclaimer: none.\n${STORY}`);
    expect(plain?.title).toBeUndefined();
  });
});

describe('readArticles: HTML', () => {
  it('extracts title, canonical URL, site, date and the story paragraphs', () => {
    const [article] = readArticles({ name: 'article.html', bytes: fixture('article.html'), url: 'https://ledger.example/markets/x' });
    expect(article?.title).toBe('Copper Climbs to Two-Month High as Smelters Cut Output');
    expect(article?.url).toBe('https://ledger.example/markets/copper-climbs-smelters-cut-output?utm_source=homepage&id=42');
    expect(article?.source).toBe('Harbour Ledger');
    expect(article?.publishedAt).toBe('2024-03-05T01:30:00.000Z');
    const paragraphs = article?.text.split('\n\n') ?? [];
    expect(paragraphs.some((paragraph) => paragraph.startsWith('Copper prices rose to their highest level'))).toBe(true);
    expect(article?.text).toContain('Shares of listed copper miners also advanced');
    expect(article?.text).not.toMatch(/Home \| Markets|Copper cathodes at a warehouse|All rights reserved/);
    const clean = cleanArticle(article as RawArticle);
    expect(clean.url).toBe('https://ledger.example/markets/copper-climbs-smelters-cut-output?id=42');
    expect(clean.text).not.toMatch(/Subscribe to our newsletter|Mara Quill|Facebook/);
    expect(clean.text).toContain('Supply squeeze');
  });
});

describe('readArticles: HTML fragments', () => {
  it('reads a pasted fragment without a page around it as all story', () => {
    const [article] = read(
      'paste.html',
      `<h2>Copper climbs on output cuts</h2>${STORY.split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('')}`,
    );
    expect(article?.text.split('\n\n')).toEqual(['Copper climbs on output cuts', ...STORY.trim().split('\n')]);
  });
});

describe('readArticles: JSON', () => {
  const body = 'Copper prices rose on Tuesday after smelters agreed to cut output, traders said on the day.';
  it('accepts one object, an array, a wrapper and common field names', () => {
    expect(
      read(
        'one.json',
        JSON.stringify({ headline: 'Copper climbs', body, link: 'https://example.com/c', published_at: '2024-03-05T10:00:00Z', source: { name: 'Ledger' } }),
      ),
    ).toEqual([
      // A `link` key makes it an RSS item saved as JSON: its link is its identity.
      {
        title: 'Copper climbs',
        text: body,
        url: 'https://example.com/c',
        source: 'Ledger',
        publishedAt: '2024-03-05T10:00:00.000Z',
        guid: 'https://example.com/c',
      },
    ]);
    expect(
      read(
        'list.json',
        JSON.stringify([
          { title: 'A', text: body },
          { title: 'B', content: `<p>${body}</p>` },
        ]),
      ),
    ).toHaveLength(2);
    const wrapped = read('api.json', JSON.stringify({ status: 'ok', articles: [{ Title: 'A', Content: body, pubDate: 'Tue, 05 Mar 2024 10:00:00 GMT' }] }));
    expect(wrapped[0]).toMatchObject({ title: 'A', text: body, publishedAt: '2024-03-05T10:00:00.000Z' });
    const sections = read('sections.json', JSON.stringify({ top_news: [{ title: 'A', description: body }], markets: [{ title: 'B', description: body }] }));
    expect(sections.map((article) => article.title)).toEqual(['A', 'B']);
  });

  it('reads JSON Lines, and a header block inside a dump line', () => {
    const lines = [JSON.stringify({ raw: `-- Copper climbs\n-- Tue Mar 5, 2024 6:15pm EST\n\n${STORY}` }), JSON.stringify({ title: 'B', text: body })].join(
      '\n',
    );
    const articles = read('dump.jsonl', lines);
    expect(articles.map((article) => article.title)).toEqual(['Copper climbs', 'B']);
    expect(articles[0]?.publishedAt).toBe('2024-03-05T23:15:00.000Z');
  });

  it('keeps an item whose body is null: an RSS item saved as JSON is a headline, an article record is rejected by name', () => {
    const [item] = read(
      'items.json',
      JSON.stringify([{ title: 'Only a headline', description: null, link: 'https://example.com/h', pubDate: 'Tue, 05 Mar 2024 10:00:00 GMT' }]),
    );
    expect(item?.text).toBe('');
    expect(cleanArticle(item as RawArticle)).toMatchObject({ title: 'Only a headline', text: '', url: 'https://example.com/h', kind: 'headline' });
    const [article] = read('nulls.json', JSON.stringify([{ title: 'Only a headline', content: null, url: 'https://example.com/h' }]));
    expect(article?.text).toBe('');
    expect(() => cleanArticle(article as RawArticle)).toThrow(/^https:\/\/example\.com\/h: has no body text$/);
  });

  it('reads a JSON Feed as a feed', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Ledger',
      items: [{ id: 'x-1', url: 'https://example.com/1', title: 'A', content_html: `<p>${body}</p>`, date_published: '2024-03-05T10:00:00+01:00' }],
    };
    expect(read('feed.json', JSON.stringify(feed))).toEqual([
      { title: 'A', text: body, url: 'https://example.com/1', source: 'example.com', publishedAt: '2024-03-05T09:00:00.000Z', guid: 'x-1' },
    ]);
  });
});

describe('readArticles: feeds', () => {
  it('reads RSS 2.0 with CDATA HTML, content:encoded, odd dates and a comment after the root', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Ledger</title><link>https://ledger.example/</link>
      <item><title>Copper &amp; zinc climb</title><link>https://ledger.example/a?utm_source=rss</link><guid isPermaLink="false">ledger-1</guid>
        <pubDate>Tue,  5 Mar 24 22:30:10 GMT</pubDate><description><![CDATA[<p>Short teaser &amp; more.</p>]]></description>
        <content:encoded><![CDATA[<p>${STORY.replace(/\n/g, '</p><p>')}</p><div class="share"><img src="x.gif"></div>]]></content:encoded></item>
      <item><title>Oil slips</title><link>https://ledger.example/b</link><pubDate>Wed, 06 Mar 2024 08:00 EST</pubDate><description>Oil fell 1% on demand worries.</description></item>
    </channel></rss>\n<!-- cache 12ms -->`;
    const articles = read('feed.xml', rss);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({ title: 'Copper & zinc climb', guid: 'ledger-1', publishedAt: '2024-03-05T22:30:10.000Z', source: 'ledger.example' });
    expect(articles[0]?.text.split('\n\n')).toEqual(STORY.trim().split('\n'));
    expect(articles[1]).toMatchObject({ text: 'Oil fell 1% on demand worries.', publishedAt: '2024-03-06T13:00:00.000Z' });
  });

  it('reads Atom and RSS 1.0 (RDF)', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><id>urn:l</id><updated>2024-03-05T10:00:00Z</updated>
      <entry><title type="html">Copper &lt;b&gt;climbs&lt;/b&gt;</title><id>urn:l:1</id><link rel="alternate" href="https://ledger.example/a"/><updated>2024-03-05T10:00:00Z</updated><published>2024-03-05T09:00:00Z</published>
      <summary type="html">&lt;p&gt;Copper rose 2%.&lt;/p&gt;</summary></entry></feed>`;
    expect(read('feed.atom', atom)[0]).toMatchObject({
      title: 'Copper climbs',
      url: 'https://ledger.example/a',
      text: 'Copper rose 2%.',
      publishedAt: '2024-03-05T09:00:00.000Z',
      guid: 'urn:l:1',
    });
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://ledger.example/"><title>Ledger</title><link>https://ledger.example/</link><description>d</description></channel>
      <item rdf:about="https://ledger.example/a"><title>Copper climbs</title><link>https://ledger.example/a</link><description>Copper rose 2%.</description><dc:date>2024-03-05T09:00:00+00:00</dc:date></item></rdf:RDF>`;
    expect(read('feed.rdf', rdf)[0]).toMatchObject({ title: 'Copper climbs', text: 'Copper rose 2%.', publishedAt: '2024-03-05T09:00:00.000Z' });
  });
});

describe('readArticles: bad input gives a one-line InputError naming the input', () => {
  const cut = `<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><item><title>Copper</title><description>Copper rose`;
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty.txt', new Uint8Array(), /is empty/],
    ['blank.txt', encode(' \n\t\n'), /is empty/],
    ['chart.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /binary data \(a PNG image\)/],
    ['upload.zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), /binary data \(a ZIP archive/],
    ['noise.bin', Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256), /binary data/],
    ['controls.txt', Uint8Array.from({ length: 600 }, (_, index) => (index % 2 ? 1 + (index % 8) : 65)), /binary data \(mostly control characters\)/],
    ['huge.txt', new Uint8Array(11 * 1024 * 1024).fill(0x61), /too large \(11 MB; the limit is 10 MB\)/],
    ['cut.xml', encode(cut), /truncated or malformed/],
    ['broken.xml', encode('<rss><channel><item><title>x</title'), /truncated or malformed|malformed/],
    ['catalog.xml', encode('<?xml version="1.0"?><catalog><book>x</book></catalog>'), /not an RSS, Atom or RDF feed/],
    ['broken.html', encode('<html><head><title>x</title></head><body><div><a href="/">Home</a><div><p>Sub'), /no readable article/],
    ['status.json', encode('{"status":"ok","count":0,"items":[]}'), /contains no article/],
    ['numbers.json', encode('[1, 2, 3]'), /contains no article/],
    ['bad.json', encode('{"title": "x", '), /is not valid JSON/],
  ];
  for (const [name, bytes, problem] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        readArticles({ name, bytes });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      const message = (caught as InputError).message;
      expect(message.startsWith(`${name}: `)).toBe(true);
      expect(message).toMatch(problem);
      expect(message).not.toContain('\n');
    });
  }

  it('honours a smaller byte limit before decoding', () => {
    expect(() => readArticles({ name: 'x.txt', bytes: encode(STORY) }, { maxBytes: 10 })).toThrow(/^x\.txt: is too large/);
  });

  it('decodes Windows-1252 and GBK uploads instead of rejecting them', () => {
    const french = 'Les marchés européens ont progressé vendredi, portés par des résultats « très solides » des banques.';
    expect(readArticles({ name: 'fr.txt', bytes: iconv.encode(french, 'windows-1252') })[0]?.text).toBe(french);
    const chinese = '上海和深圳的股市周一上涨，投资者对人工智能公司的前景感到乐观。分析师表示，政府的支持政策提振了市场信心。';
    expect(readArticles({ name: 'zh.txt', bytes: iconv.encode(chinese, 'gbk') })[0]?.text).toBe(chinese);
  });
});

describe.skipIf(!hasData)('readArticles on real feeds (shared data)', () => {
  const expected: Record<string, number> = {
    'yahoo_finance_topstories_2014-01-02.xml': 10,
    'cnbc_finance_2019-07-29.xml': 30,
    'reuters_businessNews_2019-01-19.xml': 20,
    'sec_atom.xml': 5,
    'sec_atom1.xml': 55,
    'sec_pressreleases.rss': 25,
    'sec_testimony.rss': 25,
  };
  for (const [file, count] of Object.entries(expected)) {
    it(`${file}: ${count} items with title, text, link and an ISO date`, () => {
      const articles = readArticles({ name: file, bytes: readFileSync(`${data}feeds/raw-xml/${file}`) });
      expect(articles).toHaveLength(count);
      for (const article of articles) {
        expect(article.title).toBeTruthy();
        expect(article.text).not.toMatch(/<[a-z/][^>]*>|&(amp|lt|gt|quot|#0?39|nbsp);|feedflare/i);
        expect(article.url).toMatch(/^https?:\/\//);
        expect(article.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
    });
  }

  it('normalises odd feed dates and unwraps redirect and FeedBurner links', () => {
    const yahoo = readArticles({ name: 'y.xml', bytes: readFileSync(`${data}feeds/raw-xml/yahoo_finance_topstories_2014-01-02.xml`) });
    expect(yahoo.every((article) => article.publishedAt?.startsWith('2014-01-02T22:30'))).toBe(true);
    expect(yahoo.every((article) => article.url?.startsWith('http://finance.yahoo.com/'))).toBe(true);
    const reuters = readArticles({ name: 'r.xml', bytes: readFileSync(`${data}feeds/raw-xml/reuters_businessNews_2019-01-19.xml`) });
    expect(reuters.every((article) => article.url?.startsWith('https://www.reuters.com/article/'))).toBe(true);
    expect(reuters.every((article) => /^2019-01-1[89]T/.test(article.publishedAt ?? ''))).toBe(true);
  });
});

describe.skipIf(!hasData)('HTML extraction on real pages (shared data)', () => {
  it('Postlight fixtures: titles, openings and dates', () => {
    const pages = postlightExpectations();
    let titles = 0;
    let openings = 0;
    let datesRight = 0;
    let datesWrong = 0;
    for (const page of pages) {
      const bytes = readFileSync(`${data}html/postlight-parser-fixtures/${page.file}`);
      const article = cleanArticle(readArticles({ name: page.file, bytes, contentType: 'text/html', ...(page.url ? { url: page.url } : {}) })[0] as RawArticle);
      const expectedOpening = tokens(withoutDateline(page.opening ?? ''));
      const run = openingRun(tokens(article.text), expectedOpening);
      const titleOk = article.title === page.title;
      const openingOk = run >= Math.min(8, expectedOpening.length - 2);
      const hours = page.date && article.publishedAt ? Math.abs(Date.parse(page.date) - Date.parse(article.publishedAt)) / 3.6e6 : null;
      if (hours !== null) hours <= 24 ? (datesRight += 1) : (datesWrong += 1);
      titles += titleOk ? 1 : 0;
      openings += openingOk ? 1 : 0;
      console.log(
        `[html] ${page.file}: title ${titleOk ? 'ok' : `"${article.title}"`}, opening run ${run}/${expectedOpening.length}, date ${article.publishedAt ?? 'none'}`,
      );
    }
    console.log(`[html] Postlight: titles ${titles}/${pages.length}, openings ${openings}/${pages.length}, dates right ${datesRight}, wrong ${datesWrong}`);
    expect(pages.length).toBeGreaterThanOrEqual(13);
    expect(titles).toBeGreaterThanOrEqual(pages.length - 2);
    expect(openings).toBeGreaterThanOrEqual(pages.length - 1);
    expect(datesWrong).toBe(0);
    expect(datesRight).toBeGreaterThanOrEqual(8);
  });

  it('goose3 fixtures: token F1 of the text against cleaned_text', () => {
    const directory = `${data}html/goose3-fixtures/`;
    const scores = readdirSync(directory)
      .filter((name) => name.endsWith('.json'))
      .map((name) => {
        const expected = JSON.parse(readFileSync(`${directory}${name}`, 'utf8')) as { url: string; expected: { cleaned_text: string } };
        const bytes = readFileSync(`${directory}${name.replace(/\.json$/, '.html')}`);
        const article = cleanArticle(readArticles({ name, bytes, contentType: 'text/html', url: expected.url })[0] as RawArticle);
        const gold = tokens(withoutDateline(expected.expected.cleaned_text));
        // The gold text is the article's beginning only: score the same length of ours.
        const score = tokenF1(tokens(article.text).slice(0, gold.length), gold);
        console.log(`[html] ${name}: F1 ${score.toFixed(3)} (${gold.length} gold tokens)`);
        return score;
      });
    const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    console.log(`[html] goose3: mean F1 ${mean.toFixed(3)} over ${scores.length} pages`);
    expect(scores.length).toBe(7);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.6);
    expect(mean).toBeGreaterThanOrEqual(0.9);
  });
});

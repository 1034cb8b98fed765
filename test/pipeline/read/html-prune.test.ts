import { describe, expect, it } from 'vitest';
import { flattenDeepHtml, MAX_DEPTH } from '../../../src/pipeline/read/html-depth.ts';
import { pruneHtml } from '../../../src/pipeline/read/html-prune.ts';
import { readArticles } from '../../../src/pipeline/read/read-articles.ts';

const STORY =
  '<h1>Copper climbs as smelters cut output</h1>' +
  '<p>Copper prices rose on Tuesday after smelters in southern China agreed to cut output, traders said. ' +
  'Benchmark copper on the London Metal Exchange gained 1.8 percent to $8,760 a tonne by midday.</p>'.repeat(3);

const readPage = (html: string) => readArticles({ name: 'page.html', bytes: new TextEncoder().encode(html), contentType: 'text/html' })[0];

describe('pruneHtml: what is cut before the DOM', () => {
  it('drops comments and script, style, noscript, template, svg and math with their content', () => {
    const page = pruneHtml(
      '<html><head><style>p{color:red}</style><script>var a = "</p>";</script></head><body>' +
        '<!-- a comment --><p>one<svg viewBox="0 0 1 1"><title>icon</title><path d="M0 0"/></svg> two</p>' +
        '<noscript><p>enable scripts</p></noscript><template><p>later</p></template><math><mi>x</mi></math><p>three</p></body></html>',
    );
    expect(page.html).toBe('<html><head></head><body><p>one two</p><p>three</p></body></html>');
  });

  it('keeps JSON-LD scripts and hands their text over', () => {
    const page = pruneHtml('<head><script type="application/ld+json">{"headline":"A &amp; B"}</script></head><body><p>x</p></body>');
    expect(page.html).toContain('application/ld+json');
    expect(page.linkedData).toEqual(['{"headline":"A &amp; B"}']);
  });

  it('reads meta tags by property, name and itemprop (the first wins) and the canonical link', () => {
    const page = pruneHtml(
      '<head><meta property="og:title" content="First &amp; best"><meta name="og:title" content="Second">' +
        '<meta itemprop="datePublished" value="2024-03-05"><link rel="canonical" href="https://example.com/a"></head><body></body>',
    );
    expect(page.meta.get('og:title')?.['content']).toBe('First & best');
    expect(page.meta.get('datePublished')?.['value']).toBe('2024-03-05');
    expect(page.canonical).toBe('https://example.com/a');
  });

  it('cuts microdata meta and link tags inside the body but reads them first', () => {
    const page = pruneHtml(
      '<head></head><body><p>A <a href="/x">link<meta itemprop="author" content="Mara Quill"></a> here<link itemprop="url" href="/y"></p></body>',
    );
    expect(page.html).toBe('<head></head><body><p>A <a href="/x">link</a> here</p></body>');
    expect(page.meta.get('author')?.['content']).toBe('Mara Quill');
  });

  it('ends an unclosed element where the tokenizer closes it', () => {
    expect(pruneHtml('<div><svg><g></div><p>after</p>').html).toBe('<div></div><p>after</p>');
    expect(pruneHtml('<div><svg/><p>after</p></div>').html).toBe('<div><p>after</p></div>');
    expect(pruneHtml('<p>before</p><script>never closed <p>x</p>').html).toBe('<p>before</p>');
    expect(pruneHtml('<p>before</p><!-- never closed <p>x</p>').html).toBe('<p>before</p>');
  });
});

describe('flattenDeepHtml: nesting depth is bounded before the parser', () => {
  it('leaves pages within the depth unchanged, unclosed paragraphs and void elements included', () => {
    const page = `<html><body>${'<div>'.repeat(MAX_DEPTH - 5)}${'<p>one<img src=a><br>'.repeat(500)}<ul>${'<li>x'.repeat(500)}</ul></body></html>`;
    expect(flattenDeepHtml(page)).toBe(page);
  });

  it('cuts the tags nested deeper than the limit, and their end tags, keeping the text apart', () => {
    const page = `<body>${'<div>'.repeat(MAX_DEPTH + 10)}<p>deep</p><b>bold</b>${'</div>'.repeat(MAX_DEPTH + 10)}<p>after</p></body>`;
    const flat = flattenDeepHtml(page);
    expect(flat).toBe(`<body>${'<div>'.repeat(MAX_DEPTH - 1)}<br>deep<br>bold<br>${'</div>'.repeat(MAX_DEPTH - 1)}<p>after</p></body>`);
  });
});

describe('readArticles: hostile HTML completes and still finds the story', () => {
  const MB = 1 << 20;
  it('a 1 MB comment before the story', () => {
    const article = readPage(`<html><body><!--${'x -- > <p>'.repeat(MB / 10)}--><article>${STORY}</article></body></html>`);
    expect(article?.title).toBe('Copper climbs as smelters cut output');
    expect(article?.text).toMatch(/^Copper prices rose on Tuesday/);
  });

  it('1 MB of unclosed <div> before the story', () => {
    const article = readPage(`<html><body>${'<div>'.repeat(MB / 5)}<article>${STORY}</article></body></html>`);
    expect(article?.text).toContain('Copper prices rose on Tuesday after smelters in southern China agreed to cut output');
  });

  it('1 MB of unclosed <td><p> and of stray end tags after the story', () => {
    for (const tail of ['<td><p>'.repeat(MB / 7), '</div>'.repeat(MB / 6), '<b>'.repeat(MB / 3)]) {
      const article = readPage(`<html><body><article>${STORY}</article>${tail}</body></html>`);
      expect(article?.title).toBe('Copper climbs as smelters cut output');
      expect(article?.text).toMatch(/^Copper prices rose on Tuesday/);
    }
  });

  it('1 MB of inline script data and 100,000 unclosed script tags', () => {
    const data = `<script>var data = ${JSON.stringify('y'.repeat(MB))};</script>`;
    const article = readPage(`<html><body>${data}<article>${STORY}</article>${'<script>'.repeat(100_000)}</body></html>`);
    expect(article?.text).toMatch(/^Copper prices rose on Tuesday/);
    expect(article?.text).not.toContain('yyyy');
  });
});

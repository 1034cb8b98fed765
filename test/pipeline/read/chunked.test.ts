import { decodeHTML, decodeXML } from 'entities';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ChunkWindow, decodeInSegments, detached } from '../../../src/pipeline/read/chunked.ts';
import { decodeBytes, decodeChunks } from '../../../src/pipeline/read/decode.ts';
import { readFeed, readFeedPieces } from '../../../src/pipeline/read/feed.ts';
import { readArticles } from '../../../src/pipeline/read/read-articles.ts';

const item = (index: number): string =>
  `<item><title>Copper &amp; zinc ${index}</title><link>https://e.example.com/${index}</link><description><![CDATA[<p>Copper rose ${index}% on Tuesday.</p><p>Zinc &amp; tin fell.</p>]]></description><pubDate>Tue, 03 Jun 2025 10:0${index % 10}:00 GMT</pubDate></item>\r\n`;
const feed = (count: number): string =>
  `<?xml version="1.0"?>\r\n<rss version="2.0"><channel><title>Metals</title><link>https://e.example.com/</link>${Array.from({ length: count }, (_unused, index) => item(index)).join('')}</channel></rss>\r\n<!-- served by x -->`;

function pieces(text: string, size: number): Iterator<string> {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size) parts.push(text.slice(start, start + size));
  return parts.values();
}

describe('reading a document piece by piece', () => {
  it('decodes to the same text whatever the piece size, across charsets, BOMs and CRLF split between pieces', () => {
    const text = `\uFEFF<rss>Café — naïve ☕ 株価 ${'x\r\ny\r'.repeat(50)}</rss>`;
    const inputs: [Uint8Array, string | undefined][] = [
      [new TextEncoder().encode(text), undefined],
      [new Uint8Array(iconv.encode(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1')), 'text/xml; charset=iso-8859-1'],
      [new Uint8Array(iconv.encode(text, 'shift_jis')), 'text/xml; charset=shift_jis'],
      [new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })), undefined],
      [new Uint8Array([0x3c, 0x61, 0x3e, 0x81, 0x0a, 0xff, 0xfe, 0x82, 0x3c, 0x2f, 0x61, 0x3e]), 'text/xml; charset=shift_jis'],
    ];
    for (const [bytes, contentType] of inputs) {
      const hint = contentType === undefined ? undefined : { contentType };
      const whole = decodeBytes(bytes, hint);
      for (const size of [1, 2, 3, 7, 64]) expect([...decodeChunks(bytes, hint, size)].join('')).toBe(whole);
    }
  });

  it('reads the same articles from pieces of any size as from the whole text, and refuses a cut-off feed', () => {
    const text = feed(30);
    const whole = readFeed(text, 'metals.xml');
    expect(whole).toHaveLength(30);
    for (const size of [1, 5, 97, 4096]) expect(readFeedPieces(pieces(text, size), 'rss', 'metals.xml')).toEqual(whole);
    const cut = text.slice(0, text.indexOf('</channel>'));
    expect(() => readFeedPieces(pieces(cut, 50), 'rss', 'cut.xml')).toThrow(/truncated or malformed/);
  });

  it('leaves to the whole-text reader a feed whose end it cannot judge from its last pieces', () => {
    const text = `${feed(3)}${'<!-- note -->'.repeat(20_000)}`;
    expect(readFeedPieces(pieces(text, 1000), 'rss', 'x.xml')).toBeNull();
  });

  it('reads a feed larger than its head the same way as a small one (same articles per item)', () => {
    const large = feed(2000);
    const articles = readArticles({ name: 'large.xml', bytes: new TextEncoder().encode(large) }, { maxBytes: 10 * 1024 * 1024 });
    expect(articles).toEqual(readFeed(large, 'large.xml'));
    expect(articles[1999]?.title).toBe('Copper & zinc 1999');
    expect(articles[0]?.text).toBe('Copper rose 0% on Tuesday.\n\nZinc & tin fell.');
  });

  it('cuts copies, not views, out of the window, and lets released pieces go', () => {
    const window = new ChunkWindow();
    window.append('abcdef');
    window.append('ghijkl');
    expect(window.slice(4, 9)).toBe('efghi');
    expect(window.slice(9, 4)).toBe('');
    window.release(6);
    expect(window.slice(7, 12)).toBe('hijkl');
    expect(() => window.slice(2, 8)).toThrow(RangeError);
    expect(detached('a longer piece of text')).toBe('a longer piece of text');
  });

  it('decodes entities segment by segment to the same text as in one go', () => {
    const units = ['&amp;', 'amp;', '&lt;', '&#233;', '&#x41;', '&notin;', '&not', '&', ';', ' ', 'x', '&copy', '&#12'];
    let text = '';
    for (let index = 0; text.length < 300_000; index += 1) text += units[(index * 7919) % units.length];
    expect(decodeInSegments(decodeXML, text)).toBe(decodeXML(text));
    expect(decodeInSegments(decodeHTML, text)).toBe(decodeHTML(text));
  });
});

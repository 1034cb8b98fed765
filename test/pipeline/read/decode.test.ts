import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/pipeline/read/decode.ts';

const FRENCH = 'Les marchés européens ont progressé vendredi : « très solides », l’euro gagne 0,5 % — dit-on.';
const CHINESE = '上海和深圳的股市周一上涨，投资者对人工智能公司的前景感到乐观。分析师表示，政府的支持政策提振了市场信心，科技股领涨，成交量明显放大。';

describe('decodeBytes', () => {
  it('reads plain UTF-8 and normalises every newline style to \\n', () => {
    const bytes = new TextEncoder().encode('Line one\r\nLine two\rLine three\u2028Line four');
    expect(decodeBytes(bytes)).toBe('Line one\nLine two\nLine three\nLine four');
  });

  it('follows a byte order mark (UTF-8, UTF-16 LE and BE) and drops it', () => {
    const utf8 = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Hang Seng ↑')]);
    expect(decodeBytes(utf8)).toBe('Hang Seng ↑');
    const little = Uint8Array.from([0xff, 0xfe, ...iconv.encode('Nikkei 225 €', 'utf-16le')]);
    expect(decodeBytes(little)).toBe('Nikkei 225 €');
    const big = Uint8Array.from([0xfe, 0xff, ...iconv.encode('DAX ±1%', 'utf-16be')]);
    expect(decodeBytes(big)).toBe('DAX ±1%');
  });

  it('uses the Content-Type charset', () => {
    const bytes = iconv.encode(FRENCH, 'windows-1252');
    expect(decodeBytes(bytes, { contentType: 'text/plain; charset=windows-1252' })).toBe(FRENCH);
    expect(decodeBytes(iconv.encode(CHINESE, 'gbk'), { contentType: 'text/html; charset="GBK"' })).toBe(CHINESE);
  });

  it('uses an HTML meta charset or an XML encoding declaration', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${CHINESE}</body></html>`;
    expect(decodeBytes(iconv.encode(html, 'gbk'))).toBe(html);
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${FRENCH}</title></channel></rss>`;
    expect(decodeBytes(iconv.encode(xml, 'windows-1252'))).toBe(xml);
  });

  it('prefers valid UTF-8 over a stale single-byte declaration', () => {
    const html = `<meta charset="iso-8859-1"><p>${FRENCH}</p>`;
    expect(decodeBytes(new TextEncoder().encode(html))).toBe(html);
  });

  it('detects undeclared Windows-1252 and GBK text', () => {
    expect(decodeBytes(iconv.encode(FRENCH, 'windows-1252'))).toBe(FRENCH);
    expect(decodeBytes(iconv.encode(CHINESE, 'gbk'))).toBe(CHINESE);
  });

  it('keeps what decodes when declared UTF-8 is broken', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('price '), 0xff, ...new TextEncoder().encode(' rose')]);
    expect(decodeBytes(bytes, { contentType: 'text/plain; charset=utf-8' })).toBe('price \uFFFD rose');
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/pipeline/dedupe/canonical-url.ts';
import type { Story } from '../../../src/domain/index.ts';

describe('canonicalUrl', () => {
  it('lowercases the host, drops the fragment, default ports and credentials, keeps the path', () => {
    expect(canonicalUrl('HTTPS://News.Example.COM:443/Markets/Story-1#comments')).toBe('https://news.example.com/Markets/Story-1');
    expect(canonicalUrl('http://user:secret@example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('removes tracking parameters and sorts the rest', () => {
    expect(canonicalUrl('https://example.com/story?utm_source=x&b=2&fbclid=abc&a=1&gclid=z&mc_cid=q&ref=home&UTM_Medium=m')).toBe(
      'https://example.com/story?a=1&b=2',
    );
    expect(canonicalUrl('https://example.com/story?feedType=RSS&feedName=businessNews')).toBe('https://example.com/story');
    expect(canonicalUrl('https://example.com/search?q=fed+rates&page=2')).toBe('https://example.com/search?page=2&q=fed+rates');
  });

  it('gives the same form for two spellings of one story', () => {
    const first = canonicalUrl('https://www.example.com/a/b?id=7&utm_campaign=spring#top');
    const second = canonicalUrl('https://WWW.EXAMPLE.COM/a/b?id=7&fbclid=IwAR0');
    expect(first).toBe(second);
  });

  it('returns null for non-http(s) or unparsable URLs', () => {
    expect(canonicalUrl('ftp://example.com/file')).toBeNull();
    expect(canonicalUrl('mailto:desk@example.com')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
  });
});

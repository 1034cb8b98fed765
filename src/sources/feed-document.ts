import { decodeBytes, isHtmlRoot, loadLinkedom, readFeedTitle, rootElement } from '../pipeline/index.ts';

const FEED_LINK_TYPES = /^application\/(rss\+xml|atom\+xml|rdf\+xml|feed\+json|json)$|^text\/xml$/i;

/** Feeds first, then XML and JSON, then anything (some servers send feeds as text/html). */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5';

/** Decoded text of a fetched document (gzip-in-gzip and charsets are handled by decodeBytes' rules). */
export function documentText(bytes: Uint8Array, contentType: string | null): string {
  return decodeBytes(bytes, contentType === null ? undefined : { contentType });
}

/**
 * A web page rather than a feed: what a feed URL returns when it moved or never was a feed.
 * Decided by the root element (after declarations, comments, PIs, a DOCTYPE), not the first bytes.
 */
export function isHtmlPage(text: string): boolean {
  return isHtmlRoot(rootElement(text));
}

/** Feed URLs a page announces with `<link rel="alternate" type="application/rss+xml" href>`, absolute. */
export function discoverFeedLinks(html: string, baseUrl: string): string[] {
  const { document } = loadLinkedom().parseHTML(html);
  const links = Array.from(document.querySelectorAll('link[rel~="alternate"][href]')) as unknown as Array<{ getAttribute(name: string): string | null }>;
  const found: string[] = [];
  for (const link of links) {
    if (!FEED_LINK_TYPES.test((link.getAttribute('type') ?? '').trim())) continue;
    try {
      const url = new URL(link.getAttribute('href') ?? '', baseUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // An unparsable href is skipped; the page may announce another.
    }
  }
  return found;
}

/** The feed's own title (channel or feed `<title>`, JSON Feed `title`) as plain text, or null. */
export function feedTitle(text: string): string | null {
  return readFeedTitle(text, 'feed');
}

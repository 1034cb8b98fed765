import { hostName, InputError, type RawArticle } from '../../domain/index.ts';
import { loadLinkedom, loadReadability } from './lazy.ts';
import { contentStems, normaliseDate, support, wordCount } from '../text/index.ts';
import { type PrunedPage, pruneHtml } from './html-prune.ts';
import { htmlToText, nodeToText, type TextNodeLike } from './html-text.ts';

// Fewer words than this is a teaser or a navigation page, not an article.
const MIN_ARTICLE_WORDS = 25;

const ARTICLE_TYPES = /^(News|Reportage|Analysis|Opinion|Review|Background|Satirical|Scholarly|Tech)?Article$|^(BlogPosting|LiveBlogPosting|Report|WebPage)$/;

// Meta keys (property, name or itemprop) that carry a story's publication time, best first.
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];

interface LinkedData {
  headline?: string | undefined;
  datePublished?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  articleBody?: string | undefined;
}

interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
  remove(): void;
}

interface DocumentLike {
  title: string;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

/** One article from a web page: Readability finds the story, metadata comes from meta tags and JSON-LD. */
export function readHtml(html: string, input: { name: string; url?: string | undefined }): RawArticle {
  // Metadata is read, and what no reader needs is cut, in one streaming pass before the DOM is built.
  const pruned = pruneHtml(html);
  const { document } = loadLinkedom().parseHTML(pruned.html);
  const page = document as unknown as DocumentLike;
  const linked = linkedData(pruned.linkedData);
  const meta = (key: string): string | undefined => metaContent(pruned.meta, key);
  const headings = Array.from(page.querySelectorAll('h1'), (element) => clean(element.textContent) ?? '');
  const publishedAt = linked.datePublished ? normaliseDate(linked.datePublished) : publishedFromPage(page, meta);
  const url = pageUrl(pruned.canonical, input.url, meta('og:url'));
  const siteName = meta('og:site_name') ?? linked.publisher;

  const parsed = new (loadReadability().Readability)(document as never, { charThreshold: 300, serializer: (node) => node }).parse();
  let text = parsed?.content ? nodeToText(parsed.content as unknown as TextNodeLike) : '';
  if (wordCount(text) < MIN_ARTICLE_WORDS && linked.articleBody) text = linked.articleBody;
  // A pasted fragment (a few <p> without a page around them) is too small for Readability: it is all story.
  if (wordCount(text) < MIN_ARTICLE_WORDS && !/<(html|body)[\s>]/i.test(html)) text = htmlToText(html);
  if (wordCount(text) < MIN_ARTICLE_WORDS) throw new InputError(input.name, 'no readable article found in the HTML');

  const metaTitles = [linked.headline, meta('og:title'), meta('twitter:title'), clean(parsed?.title)]
    .filter((title): title is string => Boolean(title))
    .map((title) => stripSiteSuffix(title, siteName, url));
  const title = chooseTitle(headings, metaTitles, text);
  const host = hostName(url);
  const source = [siteName, clean(parsed?.siteName)].find((name) => name && namesHost(name, host)) ?? host ?? siteName;
  return {
    title,
    text,
    url,
    source,
    publishedAt: publishedAt ?? normaliseDate(parsed?.publishedTime ?? undefined),
  };
}

// The page's `<h1>` is usually the story's own headline (meta titles are often rewritten for search),
// but pages also put site names and banners in `<h1>`: a heading must echo a meta title or the
// opening of the story to be trusted.
function chooseTitle(headings: string[], metaTitles: string[], text: string): string | undefined {
  const opening = new Set(contentStems(text.slice(0, 1500)));
  const metaStems = new Set(metaTitles.flatMap((title) => contentStems(title)));
  let best: { heading: string; score: number } | undefined;
  for (const heading of headings) {
    if (wordCount(heading) < 3 || heading.length > 300) continue;
    const score = Math.max(support(heading, opening), support(heading, metaStems));
    if (!best || score > best.score) best = { heading, score };
  }
  if (best && best.score >= 0.3) return best.heading;
  return metaTitles[0] ?? best?.heading;
}

function stripSiteSuffix(title: string, siteName: string | undefined, url: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+|\s+»\s+/);
  if (parts.length < 2) return title;
  const last = (parts.at(-1) ?? '').toLowerCase().replace(/\s+/g, '');
  const brand = (siteName ?? '').toLowerCase().replace(/\s+/g, '');
  const host = (hostName(url) ?? '').toLowerCase();
  const isSite = (brand !== '' && (brand.includes(last) || last.includes(brand))) || (host !== '' && host.includes(last.replace(/\.com$/, '')));
  if (isSite || wordCount(parts.at(-1) ?? '') <= 3) return parts.slice(0, -1).join(' - ').trim();
  return title;
}

function linkedData(scripts: string[]): LinkedData {
  const found: LinkedData = {};
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch {
      continue;
    }
    for (const item of flattenGraph(data)) {
      const type = item['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (!types.some((entry) => typeof entry === 'string' && ARTICLE_TYPES.test(entry))) continue;
      found.headline ??= stringOf(item['headline']) ?? stringOf(item['name']);
      found.datePublished ??= stringOf(item['datePublished']) ?? stringOf(item['dateCreated']);
      found.publisher ??= nameOf(item['publisher']);
      found.url ??= stringOf(item['url']);
      found.articleBody ??= stringOf(item['articleBody']);
    }
  }
  return found;
}

function flattenGraph(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flattenGraph);
  if (data === null || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  return [record, ...flattenGraph(record['@graph'])];
}

function publishedFromPage(page: DocumentLike, meta: (key: string) => string | undefined): string | undefined {
  for (const key of DATE_KEYS) {
    const date = normaliseDate(meta(key));
    if (date) return date;
  }
  for (const selector of ['[itemprop="datePublished"]', 'time[pubdate]', 'time[datetime]']) {
    const element = page.querySelector(selector);
    const date = normaliseDate(element?.getAttribute('datetime') ?? element?.getAttribute('content') ?? element?.textContent ?? undefined);
    if (date) return date;
  }
  return undefined;
}

// A meta tag's value by property, name or itemprop; some savers store it in `value` instead of `content`.
function metaContent(meta: PrunedPage['meta'], key: string): string | undefined {
  const attributes = meta.get(key);
  return clean(attributes?.['content'] ?? attributes?.['value']);
}

function pageUrl(canonical: string | undefined, inputUrl: string | undefined, ogUrl: string | undefined): string | undefined {
  for (const candidate of [canonical, ogUrl]) {
    const absolute = absoluteUrl(candidate, inputUrl ?? ogUrl);
    if (absolute) return absolute;
  }
  return inputUrl;
}

function absoluteUrl(candidate: string | undefined, base: string | undefined): string | undefined {
  if (!candidate) return undefined;
  try {
    const resolved = new URL(candidate.trim(), base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

// Site names are sometimes a section ("U.S.") rather than the publisher: trust one that matches the host.
function namesHost(name: string, host: string | undefined): boolean {
  if (!host) return true;
  const labels = host.split('.');
  const brand = (labels.length >= 3 && /^(co|com|org|net|ac|gov)$/.test(labels.at(-2) ?? '') ? labels.at(-3) : labels.at(-2)) ?? host;
  const letters = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const initials = name
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== 'the')
    .map((word) => word.charAt(0))
    .join('');
  return letters.includes(brand) || (letters.length >= 3 && brand.includes(letters)) || initials === brand;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return stringOf(value[0]);
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return stringOf((value as Record<string, unknown>)['name']);
  return undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

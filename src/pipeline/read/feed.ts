import { hostName, InputError, type RawArticle } from '../../domain/index.ts';
import { DetectError, MalformedError, parseFeed } from 'feedsmith';
import { normaliseDate } from '../text/index.ts';
import { prepareFeedXml } from './feed-prepare.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import { repairMojibake } from './repair.ts';
import { isFeedRoot, rootElement } from './sniff.ts';

type Fields = Record<string, unknown>;

/**
 * One RawArticle per item of an RSS 2.0/0.9x, RSS 1.0 (RDF), Atom or JSON Feed document.
 * Item HTML (descriptions, `content:encoded`, Atom content) becomes plain text; the fuller of
 * content and summary is kept. Dates come out as ISO 8601.
 */
export function readFeed(document: string, name: string): RawArticle[] {
  const isJson = document.trimStart().startsWith('{');
  const root = isJson ? null : rootElement(document);
  if (!isJson) assertXmlComplete(document, root, name);
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(isJson ? document : prepareFeedXml(document, name));
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A feed root with no item or entry element anywhere is an empty feed, whatever the parser thought.
    if (isFeedRoot(root) && !/<(?:[\w.-]+:)?(?:item|entry)[\s>]/.test(document)) throw new InputError(name, NO_ITEMS);
    if (error instanceof DetectError) {
      throw new InputError(name, isFeedRoot(root) ? NO_ITEMS : 'is XML but not an RSS, Atom or RDF feed');
    }
    if (error instanceof MalformedError) throw new InputError(name, 'feed XML is malformed and could not be parsed');
    throw new InputError(name, `feed could not be parsed (${firstLine(error)})`);
  }
  const feed = asFields(parsed.feed);
  const entries = asArray(parsed.format === 'atom' ? feed['entries'] : feed['items']).map(asFields);
  const feedLink = parsed.format === 'atom' ? atomLink(feed['links']) : (stringOf(feed['link']) ?? stringOf(feed['home_page_url']));
  if (entries.length === 0) throw new InputError(name, NO_ITEMS);
  const articles = entries.map((entry) => toArticle(parsed.format, entry, feedLink));
  const visible = articles.filter((article) => article.text !== '' || article.title);
  if (visible.length === 0) throw new InputError(name, 'is a feed whose items have neither a title nor a body');
  return visible;
}

/** The reason given for a well-formed feed without entries (pollers treat it as "nothing new"). */
export const NO_ITEMS = 'is a feed with no items';

function toArticle(format: string, entry: Fields, feedLink: string | undefined): RawArticle {
  const fields = format === 'atom' ? atomFields(entry) : format === 'json' ? jsonFeedFields(entry) : rssFields(entry);
  const title = fields.title === undefined ? undefined : plainTitle(fields.title);
  const texts = fields.bodies.map((body) => repairMojibake(looksLikeHtml(body) ? htmlToText(body) : body.trim()));
  const longest = texts.reduce((best, candidate) => (candidate.length > best.length ? candidate : best), '');
  const url = fields.url ?? (fields.guidIsUrl ? fields.guid : undefined);
  // A description that is only a link, or only the headline again, is not a story body.
  const text = isBody(longest, title) ? longest : '';
  const article: RawArticle = {
    title,
    text,
    url,
    source: hostName(url ?? feedLink),
    publishedAt: chooseDate(fields.dates),
    guid: fields.guid ?? url,
  };
  if (text === '' && title) article.kind = 'headline';
  return article;
}

/** A title as plain text: every tag removed (prefixed and hyphenated ones too), entities decoded, one line. */
export function plainTitle(title: string): string | undefined {
  const withoutTags = title.replace(/<[^<>]*>/g, ' ');
  const decoded = /&[#\w]+;/.test(withoutTags) ? htmlToText(withoutTags.replace(/</g, '&lt;')) : withoutTags;
  const line = singleLine(repairMojibake(decoded));
  return line === '' ? undefined : line;
}

function isBody(text: string, title: string | undefined): boolean {
  const line = singleLine(text);
  if (line === '' || /^(?:https?:\/\/|www\.)\S+$/i.test(line)) return false;
  return title === undefined || line.toLowerCase() !== title.toLowerCase();
}

// Publication dates first, then modification dates; within one element repeated, the last value.
function chooseDate(candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    const values = asArray(candidate);
    for (let index = values.length - 1; index >= 0; index -= 1) {
      const date = normaliseDate(values[index]);
      if (date) return date;
    }
  }
  return undefined;
}

interface ItemFields {
  title: string | undefined;
  bodies: string[];
  url: string | undefined;
  guid: string | undefined;
  guidIsUrl: boolean;
  dates: unknown[];
}

function rssFields(item: Fields): ItemFields {
  const guid = asFields(item['guid']);
  const guidValue = stringOf(guid['value']) ?? stringOf(item['guid']);
  const guidIsUrl = isHttpUrl(guidValue) && guid['isPermaLink'] !== false;
  const dublinCore = asFields(item['dc']);
  const terms = asFields(item['dcterms']);
  let url = unwrapRedirect(stringOf(item['link']));
  // FeedBurner-style items link to a redirector and keep the article's own address in the guid.
  if (url && /\/~r\/|feedproxy\.|\/rss\/articles\//.test(url) && isHttpUrl(guidValue)) url = guidValue;
  return {
    title: stringOf(item['title']),
    bodies: [stringOf(asFields(item['content'])['encoded']), stringOf(item['description'])].filter(isText),
    url: url ?? (guidIsUrl ? guidValue : undefined),
    guid: guidValue,
    guidIsUrl,
    dates: [
      item['pubDate'],
      namespaceDate(dublinCore, 'date'),
      namespaceDate(terms, 'issued'),
      namespaceDate(terms, 'created'),
      namespaceDate(terms, 'date'),
      namespaceDate(terms, 'modified'),
    ],
  };
}

function atomFields(entry: Fields): ItemFields {
  const content = asFields(entry['content']);
  const contentType = stringOf(content['type']) ?? 'text';
  // Atom content may be another XML vocabulary (SEC filings put metadata there): only text or HTML reads.
  const readableContent = /^(text|html|xhtml|text\/html|text\/plain|application\/xhtml\+xml)$/i.test(contentType) ? textOf(entry['content']) : undefined;
  const dublinCore = asFields(entry['dc']);
  const terms = asFields(entry['dcterms']);
  const id = stringOf(entry['id']);
  return {
    title: textOf(entry['title']),
    bodies: [readableContent, textOf(entry['summary'])].filter(isText),
    url: atomLink(entry['links']) ?? (isHttpUrl(id) ? id : undefined),
    guid: id,
    guidIsUrl: isHttpUrl(id),
    dates: [
      entry['published'],
      namespaceDate(dublinCore, 'date'),
      namespaceDate(terms, 'issued'),
      namespaceDate(terms, 'created'),
      entry['updated'],
      namespaceDate(terms, 'modified'),
    ],
  };
}

function jsonFeedFields(item: Fields): ItemFields {
  const id = stringOf(item['id']);
  return {
    title: stringOf(item['title']),
    bodies: [stringOf(item['content_html']), stringOf(item['content_text']), stringOf(item['summary'])].filter(isText),
    url: stringOf(item['url']) ?? stringOf(item['external_url']),
    guid: id,
    guidIsUrl: isHttpUrl(id),
    dates: [item['date_published'], item['date_modified']],
  };
}

// Dublin Core values come as `date` or `issued`, as a list, or (repeatable ones) as a `dates` list.
function namespaceDate(namespace: Fields, name: string): unknown {
  return namespace[name] ?? namespace[`${name}s`];
}

function atomLink(links: unknown): string | undefined {
  const all = asArray(links).map(asFields);
  const alternate = all.find((link) => (stringOf(link['rel']) ?? 'alternate') === 'alternate') ?? all[0];
  return alternate ? stringOf(alternate['href']) : undefined;
}

// Redirect links that embed the target (`…/*https%3A//site/story`, `?url=https…`) give the target.
function unwrapRedirect(link: string | undefined): string | undefined {
  if (!link) return undefined;
  const starred = link.match(/^.*\*(https?(?::|%3A)\/\/.+)$/i);
  const parameter = link.match(/[?&](?:url|u|target|dest)=(https?(?::|%3A)[^&]+)/i);
  const embedded = starred?.[1] ?? parameter?.[1];
  if (!embedded) return link;
  try {
    const target = decodeURIComponent(embedded);
    return isHttpUrl(target) ? target : link;
  } catch {
    return link;
  }
}

// A cut-off download parses "leniently" into fewer items; refuse it instead of storing half a feed.
// Comments and processing instructions may follow the root; the last element closed must be the root.
function assertXmlComplete(document: string, root: string | null, name: string): void {
  if (!root || root.startsWith('!')) throw new InputError(name, 'is not XML: no root element found');
  let trailing = document.trimEnd();
  while (trailing.endsWith('-->') || trailing.endsWith('?>')) {
    const open = trailing.endsWith('-->') ? trailing.lastIndexOf('<!--') : trailing.lastIndexOf('<?');
    if (open < 0) break;
    trailing = trailing.slice(0, open).trimEnd();
  }
  const lower = trailing.toLowerCase();
  const selfClosed = lower.endsWith('/>') && lower.lastIndexOf('<') === lower.indexOf(`<${root}`);
  const closesRoot = lower.endsWith(`</${root}>`) || selfClosed;
  if (!closesRoot) {
    throw new InputError(name, `feed XML is truncated or malformed: the root element <${root}> is never closed`);
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return stringOf(value);
  return stringOf(asFields(value)['value']);
}

function stringOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function asFields(value: unknown): Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function isHttpUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value);
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 160);
}

import { hostName, InputError, type RawArticle } from '../../domain/index.ts';
import { DetectError, MalformedError, parseFeed } from 'feedsmith';
import { normaliseDate } from '../text/index.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';

type Fields = Record<string, unknown>;

/**
 * One RawArticle per item of an RSS 2.0/0.9x, RSS 1.0 (RDF), Atom or JSON Feed document.
 * Item HTML (descriptions, `content:encoded`, Atom content) becomes plain text; the fuller of
 * content and summary is kept. Dates come out as ISO 8601.
 */
export function readFeed(document: string, name: string): RawArticle[] {
  if (!document.trimStart().startsWith('{')) assertXmlComplete(document, name);
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(document);
  } catch (error) {
    if (error instanceof DetectError) throw new InputError(name, 'is XML but not an RSS, Atom or RDF feed');
    if (error instanceof MalformedError) throw new InputError(name, 'feed XML is malformed and could not be parsed');
    throw new InputError(name, `feed could not be parsed (${firstLine(error)})`);
  }
  const feed = asFields(parsed.feed);
  const entries = asArray(parsed.format === 'atom' ? feed['entries'] : feed['items']).map(asFields);
  const feedLink = parsed.format === 'atom' ? atomLink(feed['links']) : stringOf(feed['link']) ?? stringOf(feed['home_page_url']);
  const articles = entries.map((entry) => toArticle(parsed.format, entry, feedLink));
  return articles.filter((article) => article.text !== '' || article.title);
}

function toArticle(format: string, entry: Fields, feedLink: string | undefined): RawArticle {
  const fields = format === 'atom' ? atomFields(entry) : format === 'json' ? jsonFeedFields(entry) : rssFields(entry);
  const texts = fields.bodies.map((body) => (looksLikeHtml(body) ? htmlToText(body) : body.trim()));
  const text = texts.reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), '');
  const url = fields.url ?? (fields.guidIsUrl ? fields.guid : undefined);
  return {
    title: fields.title ? singleLine(looksLikeHtml(fields.title) ? htmlToText(fields.title) : fields.title) : undefined,
    text,
    url,
    source: hostName(url ?? feedLink),
    publishedAt: fields.dates.map((date) => normaliseDate(date)).find(Boolean),
    guid: fields.guid ?? url,
  };
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
  let url = unwrapRedirect(stringOf(item['link']));
  // FeedBurner-style items link to a redirector and keep the article's own address in the guid.
  if (url && /\/~r\/|feedproxy\.|\/rss\/articles\//.test(url) && isHttpUrl(guidValue)) url = guidValue;
  return {
    title: stringOf(item['title']),
    bodies: [stringOf(asFields(item['content'])['encoded']), stringOf(item['description'])].filter(isText),
    url: url ?? (guidIsUrl ? guidValue : undefined),
    guid: guidValue,
    guidIsUrl,
    dates: [item['pubDate'], namespaceDate(dublinCore, 'date'), namespaceDate(asFields(item['dcterms']), 'issued')],
  };
}

function atomFields(entry: Fields): ItemFields {
  const content = asFields(entry['content']);
  const contentType = stringOf(content['type']) ?? 'text';
  // Atom content may be another XML vocabulary (SEC filings put metadata there): only text or HTML reads.
  const readableContent = /^(text|html|xhtml|text\/html|text\/plain)$/i.test(contentType) ? textOf(entry['content']) : undefined;
  const id = stringOf(entry['id']);
  return {
    title: textOf(entry['title']),
    bodies: [readableContent, textOf(entry['summary'])].filter(isText),
    url: atomLink(entry['links']) ?? (isHttpUrl(id) ? id : undefined),
    guid: id,
    guidIsUrl: isHttpUrl(id),
    dates: [entry['published'], entry['updated'], namespaceDate(asFields(entry['dc']), 'date')],
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

// Dublin Core values come as `date` or, when repeatable, as a `dates` list.
function namespaceDate(namespace: Fields, name: string): unknown {
  return namespace[name] ?? asArray(namespace[`${name}s`])[0];
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
function assertXmlComplete(document: string, name: string): void {
  const withoutProlog = document.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  const root = withoutProlog.match(/<([A-Za-z_][\w.:-]*)/)?.[1];
  if (!root) throw new InputError(name, 'is not XML: no root element found');
  const trailing = withoutProlog.trimEnd();
  if (!trailing.endsWith(`</${root}>`) && !/^<[^>]*\/>$/.test(trailing)) {
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

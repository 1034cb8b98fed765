// The fields of one feed item, read from RSS, Atom and JSON Feed entries (src/pipeline/read/feed.ts
// turns them into articles).
import { type XmlEntry, xmlText } from './feed-xml.ts';

export type Fields = Record<string, unknown>;

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export interface ItemFields {
  title: string | undefined;
  bodies: string[];
  url: string | undefined;
  guid: string | undefined;
  guidIsUrl: boolean;
  dates: unknown[];
}

export function rssFields(item: XmlEntry): ItemFields {
  const guidValue = textField(item, 'guid');
  const guidIsUrl = isHttpUrl(guidValue) && item.attributes.get('guid')?.['ispermalink']?.trim().toLowerCase() !== 'false';
  let url = unwrapRedirect(textField(item, 'link'));
  // FeedBurner-style items link to a redirector and keep the article's own address in the guid.
  if (url && /\/~r\/|feedproxy\.|\/rss\/articles\//.test(url) && isHttpUrl(guidValue)) url = guidValue;
  // An XHTML body (`xhtml:body`, or `body` in the XHTML default namespace) is markup already.
  const body = item.attributes.get('body')?.['xmlns'] === XHTML_NS ? item.fields.get('body')?.[0] : undefined;
  return {
    title: textField(item, 'title'),
    bodies: [textField(item, 'content:encoded'), stringOf(item.fields.get('xhtml:body')?.[0]), stringOf(body), textField(item, 'description')].filter(isText),
    url: url ?? (guidIsUrl ? guidValue : undefined),
    guid: guidValue,
    guidIsUrl,
    dates: ['pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'dcterms:date', 'dcterms:modified'].map((field) => textFields(item, field)),
  };
}

export function atomFields(entry: XmlEntry): ItemFields {
  const id = textField(entry, 'id');
  return {
    title: textField(entry, 'title'),
    bodies: [atomContent(entry, 'content'), atomContent(entry, 'summary')].filter(isText),
    url: atomLink(entry.links) ?? (isHttpUrl(id) ? id : undefined),
    guid: id,
    guidIsUrl: isHttpUrl(id),
    dates: ['published', 'issued', 'created', 'dc:date', 'dcterms:issued', 'dcterms:created', 'updated', 'modified', 'dcterms:modified'].map((field) =>
      textFields(entry, field),
    ),
  };
}

// Atom content: text or HTML (escaped), XHTML or Atom 0.3 `mode="xml"` (inline markup), `mode="base64"`.
// Content in another XML vocabulary (SEC filings put metadata there) is not a body.
function atomContent(entry: XmlEntry, field: string): string | undefined {
  const inner = entry.fields.get(field)?.[0];
  if (inner === undefined) return undefined;
  const attributes = entry.attributes.get(field) ?? {};
  const type = (attributes['type'] ?? 'text').trim().toLowerCase();
  const mode = (attributes['mode'] ?? '').trim().toLowerCase();
  if (!/^(text|html|xhtml|text\/html|text\/plain|application\/xhtml\+xml)$/.test(type)) return undefined;
  if (mode === 'base64') return stringOf(Buffer.from(xmlText(inner).replace(/\s+/g, ''), 'base64').toString('utf8'));
  if (mode === 'xml' || type === 'xhtml' || type === 'application/xhtml+xml') return stringOf(inner.includes('<') ? inner : xmlText(inner));
  return stringOf(xmlText(inner));
}

function textField(entry: XmlEntry, field: string): string | undefined {
  const inner = entry.fields.get(field)?.[0];
  return inner === undefined ? undefined : stringOf(xmlText(inner));
}

function textFields(entry: XmlEntry, field: string): string[] {
  return (entry.fields.get(field) ?? []).map(xmlText);
}

export function jsonFeedFields(item: Fields): ItemFields {
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

function atomLink(links: Record<string, string>[]): string | undefined {
  const withHref = links.filter((link) => stringOf(link['href']) !== undefined);
  const alternate = withHref.find((link) => (stringOf(link['rel']) ?? 'alternate') === 'alternate') ?? withHref[0];
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

export function stringOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function asFields(value: unknown): Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function isHttpUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value);
}

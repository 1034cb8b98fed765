import { hostName, InputError, type RawArticle } from '../../domain/index.ts';
import { normaliseDate } from '../text/index.ts';
import { asFields, atomFields, type ItemFields, jsonFeedFields, rssFields, stringOf } from './feed-fields.ts';
import { prepareFeedXml } from './feed-prepare.ts';
import { parseFeedXml, type XmlEntry, xmlText } from './feed-xml.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import { repairMojibake } from './repair.ts';
import { isFeedRoot, rootElement } from './sniff.ts';
import { TailKeeper } from './chunked.ts';

/**
 * One RawArticle per item of an RSS 2.0/0.9x, RSS 1.0 (RDF), Atom or JSON Feed document.
 * Item HTML (descriptions, `content:encoded`, Atom content) becomes plain text; the fuller of
 * content and summary is kept. Dates come out as ISO 8601. XML is read in one streaming pass.
 */
export function readFeed(document: string, name: string): RawArticle[] {
  const isJson = document.trimStart().startsWith('{');
  const articles: RawArticle[] = [];
  if (isJson) {
    const feed = asFields(parseJsonFeed(document, name));
    const feedLink = stringOf(feed['home_page_url']);
    for (const item of asArray(feed['items'])) articles.push(toArticle(jsonFeedFields(asFields(item)), feedLink));
    return visibleArticles(articles, name);
  }
  const root = rootElement(document);
  assertXmlComplete(document, root, name);
  return readFeedXml(prepareFeedXml(document, name), root, name);
}

/**
 * readFeed for an XML feed given piece by piece (concatenated, the pieces are the document): the
 * document is never one string. `root` is its root element and the document must have no DOCTYPE
 * internal subset. Returns null when the last pieces do not show whether the root element is
 * closed (long runs of comments after it): the caller then reads the whole document with readFeed.
 */
export function readFeedPieces(pieces: Iterator<string>, root: string, name: string): RawArticle[] | null {
  const tail = new TailKeeper(TAIL_CHARACTERS);
  const tapped: Iterator<string> = {
    next: () => {
      const next = pieces.next();
      if (!next.done) tail.add(next.value);
      return next;
    },
  };
  let failure: unknown = null;
  let articles: RawArticle[] = [];
  try {
    articles = readFeedXml(tapped, root, name);
  } catch (error) {
    failure = error;
    // A truncated document is reported as such, whatever else went wrong: read on to its end.
    for (let next = tapped.next(); !next.done; next = tapped.next());
  }
  const completeness = xmlCompleteness(tail.text(), tail.whole, root);
  if (completeness === 'unknown') return null;
  if (completeness === 'truncated') throw truncated(root, name);
  if (failure !== null) throw failure;
  return articles;
}

// What readFeedPieces keeps of the document's end to tell whether the root element is closed.
const TAIL_CHARACTERS = 64 * 1024;

function readFeedXml(document: string | Iterator<string>, root: string | null, name: string): RawArticle[] {
  const articles: RawArticle[] = [];
  // Entries are converted as they close; the channel link (usually before them) is filled in at the end.
  const feed = parseFeedXml(document, name, (entry) => {
    articles.push(toArticle(entry.kind === 'entry' ? atomFields(entry) : rssFields(entry), undefined));
  });
  if (feed.entryCount === 0) throw new InputError(name, isFeedRoot(root) ? NO_ITEMS : 'is XML but not an RSS, Atom or RDF feed');
  for (const article of articles) article.source ??= hostName(feed.link);
  return visibleArticles(articles, name);
}

function visibleArticles(articles: RawArticle[], name: string): RawArticle[] {
  if (articles.length === 0) throw new InputError(name, NO_ITEMS);
  const visible = articles.filter((article) => article.text !== '' || article.title);
  if (visible.length === 0) throw new InputError(name, 'is a feed whose items have neither a title nor a body');
  return visible;
}

/** The feed's own title (channel or feed `<title>`, JSON Feed `title`) as plain text, or null. */
export function readFeedTitle(document: string, name: string): string | null {
  try {
    const title = document.trimStart().startsWith('{')
      ? stringOf(asFields(parseJsonFeed(document, name))['title'])
      : parseFeedXml(prepareFeedXml(document, name), name).title;
    const plain = title === undefined ? undefined : plainTitle(document.trimStart().startsWith('{') ? title : xmlText(title));
    return plain === undefined ? null : plain.slice(0, 200);
  } catch {
    return null;
  }
}

function parseJsonFeed(document: string, name: string): unknown {
  try {
    return JSON.parse(document) as unknown;
  } catch (error) {
    throw new InputError(name, `feed could not be parsed (${firstLine(error)})`);
  }
}

/** The reason given for a well-formed feed without entries (pollers treat it as "nothing new"). */
export const NO_ITEMS = 'is a feed with no items';

function toArticle(fields: ItemFields, feedLink: string | undefined): RawArticle {
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

// Without copying a long body: it is blank or a lone URL when its trimmed text is, and it can only
// equal the title when it has no more non-blank characters than the lowercased title has characters
// (lowercasing never shortens a string), so only such a short body is collapsed and compared.
function isBody(text: string, title: string | undefined): boolean {
  if (!/\S/.test(text) || /^\s*(?:https?:\/\/|www\.)\S+\s*$/i.test(text)) return false;
  if (title === undefined) return true;
  const lowerTitle = title.toLowerCase();
  if (countNonBlank(text, lowerTitle.length + 1) > lowerTitle.length) return true;
  return singleLine(text).toLowerCase() !== lowerTitle;
}

// Non-blank characters (as `\s` counts them) of `text`, counting stops at `limit`.
function countNonBlank(text: string, limit: number): number {
  let count = 0;
  for (let index = 0; index < text.length && count < limit; index += 1) if (!BLANK.test(text[index] ?? '')) count += 1;
  return count;
}
const BLANK = /\s/;

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

// A cut-off download parses "leniently" into fewer items; refuse it instead of storing half a feed.
// Comments and processing instructions may follow the root; the last element closed must be the root.
function assertXmlComplete(document: string, root: string | null, name: string): void {
  if (!root || root.startsWith('!')) throw new InputError(name, 'is not XML: no root element found');
  if (xmlCompleteness(document, true, root) !== 'complete') throw truncated(root, name);
}

function truncated(root: string, name: string): InputError {
  return new InputError(name, `feed XML is truncated or malformed: the root element <${root}> is never closed`);
}

/**
 * Whether `text`, the document's end (`whole`: the whole document), closes the root element; 'unknown'
 * when the answer depends on text before it (trailing comments reaching past its start, a self-closing
 * last tag, less text than the check reads).
 */
function xmlCompleteness(text: string, whole: boolean, root: string): 'complete' | 'truncated' | 'unknown' {
  let trailing = text.trimEnd();
  while (trailing.endsWith('-->') || trailing.endsWith('?>')) {
    const open = trailing.endsWith('-->') ? trailing.lastIndexOf('<!--') : trailing.lastIndexOf('<?');
    if (open < 0) {
      if (!whole) return 'unknown';
      break;
    }
    trailing = trailing.slice(0, open).trimEnd();
  }
  const window = root.length + 4096;
  if (!whole && trailing.length < window) return 'unknown';
  // Only the tail is lowercased: a copy of the whole document would double its memory.
  const lower = trailing.slice(-window).toLowerCase();
  if (!whole && lower.endsWith('/>')) return 'unknown';
  const selfClosed = lower.endsWith('/>') && trailing.lastIndexOf('<') === trailing.search(new RegExp(`<${root.replace(/[.]/g, '\\.')}[\\s/>]`, 'i'));
  return lower.endsWith(`</${root}>`) || selfClosed ? 'complete' : 'truncated';
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function singleLine(text: string): string {
  // Single spaces are left out of the matches: one match per word of a long body would be wasted.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 160);
}

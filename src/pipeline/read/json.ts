import { z } from 'zod';
import { InputError, type RawArticle } from '../../domain/index.ts';
import { normaliseDate } from '../text/index.ts';
import { readFeed } from './feed.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import { readPlainText } from './text.ts';

const scalar = z.union([z.string(), z.number(), z.null()]).optional();
const named = z.union([scalar, z.looseObject({ name: scalar, title: scalar })]).optional();
const textLike = z.union([scalar, z.array(z.string())]).optional();

// Field names seen in news APIs, scrapers and dumps, after lowercasing and dropping `_`/`-`
// (so `published_at`, `publishedAt` and `PublishedAt` are one key). First present wins.
const ALIASES = {
  title: ['title', 'headline', 'heading', 'name'],
  text: ['text', 'body', 'content', 'articlebody', 'article', 'story', 'fulltext', 'maintext', 'raw', 'description', 'summary', 'abstract', 'excerpt'],
  url: ['url', 'link', 'href', 'canonicalurl', 'permalink', 'webUrl'],
  source: ['source', 'publisher', 'site', 'sitename', 'sourcename', 'outlet', 'domain'],
  publishedAt: [
    'publishedat',
    'published',
    'publishdate',
    'datepublished',
    'datepublish',
    'pubdate',
    'date',
    'datetime',
    'time',
    'timestamp',
    'createdat',
    'created',
    'updatedat',
  ],
  guid: ['guid', 'uuid'],
} as const;

const articleSchema = z.object({
  title: scalar,
  text: textLike,
  url: scalar,
  source: named,
  publishedAt: z.unknown(),
  guid: scalar,
});

// Keys under which APIs wrap their list of articles.
const LIST_KEYS = ['articles', 'items', 'data', 'results', 'entries', 'posts', 'stories', 'news', 'documents', 'value', 'hits'];

/** Articles from JSON: one object, an array, `{ articles: [...] }`-style wrappers, JSON Lines, or a JSON Feed. */
export function readJson(document: string, name: string): RawArticle[] {
  const data = parseJson(document, name);
  if (isJsonFeed(data)) return readFeed(document, name);
  const articles: RawArticle[] = [];
  for (const candidate of candidates(data)) {
    const article = toArticle(candidate);
    if (article) articles.push(article);
  }
  if (articles.length === 0) {
    throw new InputError(name, 'contains no article: expected objects with a title and a text, body or content field');
  }
  return articles;
}

function parseJson(document: string, name: string): unknown {
  try {
    return JSON.parse(document);
  } catch (error) {
    const lines = document.split('\n').filter((line) => line.trim() !== '');
    if (lines.length > 1 && lines.every((line) => /^\s*[{[]/.test(line))) {
      try {
        return lines.map((line) => JSON.parse(line) as unknown);
      } catch {
        // Not JSON Lines either: report the whole-document error below.
      }
    }
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'syntax error';
    throw new InputError(name, `is not valid JSON (${reason.slice(0, 120)})`);
  }
}

function isJsonFeed(data: unknown): boolean {
  if (!isRecord(data)) return false;
  const version = data['version'];
  return typeof version === 'string' && version.includes('jsonfeed.org') && Array.isArray(data['items']);
}

function candidates(data: unknown, depth = 0): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isRecord(data) || depth > 2) return [];
  if (looksLikeArticle(data)) return [data];
  for (const key of LIST_KEYS) {
    const value = data[key];
    if (Array.isArray(value)) return value;
  }
  // Otherwise every list of objects under any key ({ "top_news": [...], "markets": [...] }), one level down too.
  const found: unknown[] = [];
  for (const value of Object.values(data)) {
    if (Array.isArray(value) && value.some(isRecord)) found.push(...value);
    else if (isRecord(value)) found.push(...candidates(value, depth + 1).filter((item) => item !== value));
  }
  return found;
}

function looksLikeArticle(record: Record<string, unknown>): boolean {
  return Object.keys(record).some((key) => {
    const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    return (ALIASES.title as readonly string[]).includes(normalised) || (ALIASES.text as readonly string[]).includes(normalised);
  });
}

function toArticle(candidate: unknown): RawArticle | null {
  if (!isRecord(candidate)) return null;
  const normalised = new Map<string, unknown>();
  for (const [key, value] of Object.entries(candidate)) {
    const normalisedKey = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!normalised.has(normalisedKey)) normalised.set(normalisedKey, value);
  }
  const pick = (aliases: readonly string[]): unknown => {
    for (const alias of aliases) {
      const value = normalised.get(alias.toLowerCase());
      if (value !== undefined && value !== null && value !== '') return value;
    }
    return undefined;
  };
  const parsed = articleSchema.safeParse({
    title: pick(ALIASES.title),
    text: pick(ALIASES.text),
    url: pick(ALIASES.url),
    source: pick(ALIASES.source),
    publishedAt: pick(ALIASES.publishedAt),
    guid: pick(ALIASES.guid) ?? stableId(normalised.get('id')),
  });
  if (!parsed.success) return null;
  const fields = parsed.data;
  const rawText = Array.isArray(fields.text) ? fields.text.join('\n\n') : (stringOf(fields.text) ?? '');
  const text = looksLikeHtml(rawText) ? htmlToText(rawText) : rawText;
  let title = stringOf(fields.title);
  if (!title && text === '') return null;

  let article: RawArticle = {
    title: title ? title.replace(/\s+/g, ' ') : undefined,
    text,
    url: urlOf(stringOf(fields.url)),
    source: sourceOf(fields.source),
    publishedAt: normaliseDate(fields.publishedAt),
    // RSS items saved as JSON (`link`, `pubDate`, `guid` keys) are feed items: their link identifies them.
    guid: stringOf(fields.guid) ?? (isFeedItem(normalised) ? urlOf(stringOf(fields.url)) : undefined),
  };
  // A dump line may carry its own header block (title, date, url lines) inside the text.
  if (!title && text !== '') {
    const fromText = readPlainText(text);
    title = fromText.title;
    article = { ...article, title, text: fromText.text, url: article.url ?? fromText.url, publishedAt: article.publishedAt ?? fromText.publishedAt };
  }
  return article;
}

function isFeedItem(fields: Map<string, unknown>): boolean {
  return fields.has('link') || fields.has('pubdate') || fields.has('guid');
}

// A bare `id` is only a feed-wide identity when it is not a small local counter.
function stableId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= 8 && !/^\d+$/.test(value) ? value : undefined;
}

function sourceOf(value: unknown): string | undefined {
  if (isRecord(value)) return stringOf(value['name']) ?? stringOf(value['title']);
  return stringOf(value);
}

function urlOf(value: string | undefined): string | undefined {
  return value && /^https?:\/\//i.test(value) ? value : undefined;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

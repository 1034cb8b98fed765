import { gunzipSync } from 'node:zlib';
import { InputError, type RawArticle } from '../../domain/index.ts';
import { decodeBytes, decodeChunks, isUnicodeLayout } from './decode.ts';
import { NO_ITEMS, readFeed, readFeedPieces } from './feed.ts';
import { readHtml } from './html.ts';
import { readJson } from './json.ts';
import { isFeedRoot, isHtmlRoot, rootElement, rootElementWithin } from './sniff.ts';
import { readPlainText } from './text.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

type Format = 'html' | 'feed' | 'json' | 'text';

// Signatures of binary formats people upload by mistake, named so the error can say what it saw.
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP or RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
];

/**
 * Reads one input (an uploaded file, a fetched page or feed, a pasted body) into raw articles.
 * The format comes from the content itself first (markup, JSON), then the content type, then the
 * file name's extension; anything else is plain text with an optional header block. A gzip
 * stream is unpacked first. Every problem is an InputError naming the input, with a one-line reason.
 */
export function readArticles(input: { name: string; bytes: Uint8Array; contentType?: string; url?: string }, limits?: { maxBytes?: number }): RawArticle[] {
  const { name } = input;
  const maxBytes = limits?.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes = input.bytes;
  if (bytes.length === 0) throw new InputError(name, 'is empty');
  if (bytes.length > maxBytes) throw new InputError(name, `is too large (${megabytes(bytes.length)}; the limit is ${megabytes(maxBytes)})`);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip(bytes, name, maxBytes);
  assertNotBinary(bytes, name);
  const hint = input.contentType === undefined ? undefined : { contentType: input.contentType };

  const streamed = readLargeFeed(bytes, hint, name);
  if (streamed !== null) return streamed;

  const text = decodeBytes(bytes, hint);
  if (text.trim() === '') throw new InputError(name, 'is empty (only whitespace)');
  assertMostlyText(text, name);

  const format = detectFormat(text, input.contentType, name);
  const articles = readAs(format, text, input);
  if (articles.length === 0) throw new InputError(name, format === 'feed' ? NO_ITEMS : 'contains no article');
  return articles;
}

// Characters decoded before deciding to read a feed piece by piece: the most any check before the
// parse looks at (prepareFeedXml's DOCTYPE search), with room for the root element's name.
const HEAD_CHARACTERS = 65_536 + 128;

/**
 * A feed longer than its head is decoded and parsed piece by piece, so the whole document is never
 * one string (a string held by every article cut from it). Only when the head alone settles every
 * check the whole text would get: its root element is a feed's and lies inside the head, the head is
 * text, and there is no DOCTYPE in the part prepareFeedXml searches. Null: read it the usual way.
 */
function readLargeFeed(bytes: Uint8Array, hint: { contentType?: string } | undefined, name: string): RawArticle[] | null {
  if (bytes.length <= HEAD_CHARACTERS) return null; // the head would be the whole document
  const pieces = decodeChunks(bytes, hint);
  let head = '';
  let next = pieces.next();
  for (; !next.done && head.length < HEAD_CHARACTERS; next = pieces.next()) head += next.value;
  if (next.done) return null; // the head is the whole document
  const root = rootElementWithin(head, 64);
  if (root === null || !isFeedRoot(root) || head.slice(0, 65_536).search(/<!DOCTYPE\s/i) >= 0) return null;
  assertMostlyText(head, name);
  return readFeedPieces(followedBy([head, next.value], pieces), root, name);
}

function* followedBy(first: string[], rest: Iterator<string>): Generator<string, void, undefined> {
  yield* first;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}

function readAs(format: Format, text: string, input: { name: string; url?: string; contentType?: string }): RawArticle[] {
  switch (format) {
    case 'html':
      return [readHtml(text, input)];
    case 'feed':
      return readFeed(text, input.name);
    case 'json':
      return readJson(text, input.name);
    case 'text': {
      const article = readPlainText(text);
      return [input.url && !article.url ? { ...article, url: input.url } : article];
    }
  }
}

// By structure first: the root element after any declaration, comments, PIs, DOCTYPE and BOM.
function detectFormat(text: string, contentType: string | undefined, name: string): Format {
  const root = rootElement(text);
  if (isFeedRoot(root)) return 'feed';
  if (isHtmlRoot(root)) return 'html';
  const start = text.trimStart().slice(0, 2048);
  if (/^[[{]/.test(start)) return 'json';

  const type = (contentType ?? '').toLowerCase();
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)(?:\.gz)?$/)?.[1] ?? '';
  const isMarkup = root !== null;
  if (/html/.test(type) || /^x?html?$/.test(extension)) return isMarkup ? 'html' : 'text';
  if (/(rss|atom|rdf|xml)/.test(type) || /^(rss|atom|xml|rdf)$/.test(extension)) return isMarkup ? 'feed' : 'text';
  if (/json/.test(type) || /^(json|jsonc|jsonl|ndjson)$/.test(extension)) return 'json';
  if (isMarkup && (start.match(/<\/?(p|div|span|a|br|h[1-6]|article|section|ul|li)[\s>/]/gi)?.length ?? 0) >= 3) return 'html';
  return 'text';
}

function assertNotBinary(bytes: Uint8Array, name: string): void {
  for (const { name: kind, bytes: signature } of MAGIC) {
    if (signature.every((byte, index) => bytes[index] === byte)) throw new InputError(name, `is binary data (${kind}), not text`);
  }
  // UTF-16 and UTF-32 text (with or without a byte order mark) is full of NUL bytes by design.
  if (isUnicodeLayout(bytes)) return;
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) throw new InputError(name, 'is binary data (it contains NUL bytes), not text');
}

// Decoded text full of control characters or undecodable bytes is binary that slipped through.
function assertMostlyText(text: string, name: string): void {
  const sample = text.slice(0, 8192);
  let suspicious = 0;
  // By UTF-16 unit: the suspicious characters are all single units, and a surrogate pair is neither
  // of its halves suspicious (iterating by character allocated a string for each).
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c) || code === 0x7f || code === 0xfffd) suspicious += 1;
  }
  if (suspicious > Math.max(8, sample.length * 0.05)) throw new InputError(name, 'is binary data (mostly control characters), not text');
}

function gunzip(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const tooLarge = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    if (tooLarge) throw new InputError(name, `is too large once unpacked (the limit is ${megabytes(maxBytes)})`);
    throw new InputError(name, 'is a damaged gzip stream');
  }
}

function megabytes(count: number): string {
  return `${(count / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

import { parseHttpUrl } from '../../../domain/index.ts';

/**
 * Untrusted text (article titles, sentences, source names) made safe for Discord.
 *
 * Every function here maps each input character independently, so a prefix of the input
 * escapes to a prefix of the output: `escapedLength` lets the renderer cut raw text at a
 * word boundary and know the exact escaped size without escaping twice.
 */

const ZERO_WIDTH_SPACE = '\u200B';

// Discord's markdown honours a backslash before any ASCII punctuation. These are the
// characters that start formatting: bold/italic (* _), strike (~), code (`), spoiler (|),
// masked links ([ ] ( )), mentions/emoji/timestamps (<), quotes (>), headings (#), escapes (\).
const MARKDOWN_SPECIAL = new Set(['\\', '*', '_', '~', '`', '|', '[', ']', '(', ')', '<', '>', '#']);

// Bidi overrides and isolates can make text read differently from what it is (a link text
// that appears reversed); control characters have no business in a chat message.
function isInvisibleControl(code: number): boolean {
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function escapeCharacter(character: string, code: number): string {
  if (isInvisibleControl(code)) return ' ';
  if (MARKDOWN_SPECIAL.has(character)) return `\\${character}`;
  // `@everyone`, `@here`: allowed_mentions is the real guarantee; the zero-width space also
  // keeps them from *looking* like pings (and from pinging if a message is ever re-posted).
  if (character === '@') return `@${ZERO_WIDTH_SPACE}`;
  return character;
}

/** Collapses runs of whitespace (newlines included) to one space and trims: a line stays one line. */
export function flattenWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Escapes untrusted text for markdown contexts (embed description, title, field name/value). */
export function escapeMarkdown(text: string): string {
  let output = '';
  for (let index = 0; index < text.length; index += 1) {
    output += escapeCharacter(text[index] ?? '', text.charCodeAt(index));
  }
  return output;
}

/** Length of `escapeMarkdown(text.slice(0, end))` for every `end`, in one pass. */
export function escapedLengths(text: string): Int32Array {
  const lengths = new Int32Array(text.length + 1);
  for (let index = 0; index < text.length; index += 1) {
    lengths[index + 1] = (lengths[index] ?? 0) + escapeCharacter(text[index] ?? '', text.charCodeAt(index)).length;
  }
  return lengths;
}

/**
 * A line start that Discord would read as a list item (`- `, `+ `, `1. `) keeps its text:
 * the marker is escaped. Headings and quotes are covered by escaping `#` and `>` everywhere.
 */
export function escapeLineStart(escaped: string): string {
  const list = /^([-+])(\s)/.exec(escaped);
  if (list !== null) return `\\${escaped}`;
  const numbered = /^(\d{1,9})([.)])(\s)/.exec(escaped);
  if (numbered !== null) return `${numbered[1]}\\${escaped.slice((numbered[1] ?? '').length)}`;
  return escaped;
}

/** For places with no markdown (embed footer, autocomplete names): only the inert-mention guard. */
export function sanitizePlain(text: string): string {
  let output = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    const code = text.charCodeAt(index);
    if (isInvisibleControl(code)) output += ' ';
    // `<#1>`, `<@&1>`, `<t:…>`: the zero-width space keeps them plain text wherever they land.
    else if (character === '@' || character === '<') output += `${character}${ZERO_WIDTH_SPACE}`;
    else output += character;
  }
  return flattenWhitespace(output);
}

/**
 * A URL that may go inside a masked link `[text](url)`, or null: only absolute http(s) URLs
 * without credentials; the characters that would end the link early are percent-encoded.
 */
export function safeLinkUrl(url: string | null | undefined, maxLength = 512): string | null {
  if (url === null || url === undefined) return null;
  const parsed = parseHttpUrl(url);
  if (parsed === null) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  const href = parsed.href.replace(/[()<>\s`"'\\[\]]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return href.length <= maxLength ? href : null;
}

/** Cuts `text` so it is at most `max` characters, at a word boundary, with "…". */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let room = text.slice(0, max - 1);
  const last = room.charCodeAt(room.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) room = room.slice(0, -1);
  const space = room.lastIndexOf(' ');
  const cut = space > max * 0.6 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:]+$/, '')}…`;
}

import { isUtf8 } from 'node:buffer';
import { loadChardet, loadIconv } from './lazy.ts';

// Labels that browsers treat as windows-1252, its superset (WHATWG Encoding).
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252', 'cp819']);

// The declaration sniffers only look at the document's start, as browsers do.
const SNIFF_BYTES = 4096;

/**
 * Turns raw bytes into text: a byte order mark wins, then the `Content-Type` charset, then an HTML
 * `<meta charset>` or XML `encoding` declaration, else detection. Bytes that are valid UTF-8 with
 * multi-byte sequences are read as UTF-8 even when a legacy single-byte charset is declared (a
 * re-saved page keeps its old declaration; Latin text is almost never valid UTF-8 by accident).
 * Newlines come out as `\n`.
 */
export function decodeBytes(bytes: Uint8Array, hint?: { contentType?: string }): string {
  const plan = decodePlan(bytes, hint?.contentType);
  const text =
    plan.kind === 'iconv'
      ? loadIconv().decode(toBuffer(bytes).subarray(plan.offset), plan.encoding)
      : new TextDecoder('utf-8', { fatal: plan.kind === 'utf-8' }).decode(bytes);
  return normaliseNewlines(text);
}

/** Bytes decoded per piece by decodeChunks: each piece stays a small string on the V8 heap. */
export const CHUNK_BYTES = 64 * 1024;

/**
 * The text decodeBytes gives, as a sequence of pieces (same rules, same result once concatenated),
 * decoded `chunkBytes` at a time so that no string of the whole document is ever built. A `\r`
 * that ends a piece waits for the next one, so `\r\n` split between pieces still becomes one `\n`.
 */
export function* decodeChunks(bytes: Uint8Array, hint?: { contentType?: string }, chunkBytes = CHUNK_BYTES): Generator<string, void, undefined> {
  const plan = decodePlan(bytes, hint?.contentType);
  const decode: (piece: Uint8Array | null) => string =
    plan.kind === 'iconv'
      ? (() => {
          const decoder = loadIconv().getDecoder(plan.encoding);
          return (piece) => (piece === null ? (decoder.end() ?? '') : decoder.write(toBuffer(piece)));
        })()
      : (() => {
          const decoder = new TextDecoder('utf-8', { fatal: plan.kind === 'utf-8' });
          return (piece) => (piece === null ? decoder.decode() : decoder.decode(piece, { stream: true }));
        })();
  // iconv-lite's multi-byte decoders recover from invalid sequences differently when one is split
  // between writes, so their pieces end just after a byte below 0x30, which no such encoding uses
  // inside a character: each write then starts and ends between characters, as the whole text would.
  const cut = plan.kind === 'iconv' && !/^(utf-?(16|32)|ucs-?2)/i.test(plan.encoding) ? lowByteBoundary : (_bytes: Uint8Array, end: number) => end;
  let atStart = true;
  let pending = '';
  for (let offset = plan.kind === 'iconv' ? plan.offset : 0; ; ) {
    const end = offset + chunkBytes >= bytes.length ? bytes.length : cut(bytes, offset + chunkBytes, offset);
    const last = end >= bytes.length;
    let text = pending + decode(bytes.subarray(offset, end));
    if (last) text += decode(null);
    pending = '';
    if (atStart && text !== '') {
      text = text.replace(/^\uFEFF/, '');
      atStart = false;
    }
    if (!last && text.endsWith('\r')) {
      pending = '\r';
      text = text.slice(0, -1);
    }
    if (text !== '') yield text.replace(NEWLINES, '\n');
    if (last) return;
    offset = end;
  }
}

// Just past the last byte below 0x30 before `end` (after `from`), else the first one after it, else the end.
function lowByteBoundary(bytes: Uint8Array, end: number, from: number): number {
  for (let index = end - 1; index > from; index -= 1) if ((bytes[index] ?? 0) < 0x30) return index + 1;
  for (let index = end; index < bytes.length; index += 1) if ((bytes[index] ?? 0) < 0x30) return index + 1;
  return bytes.length;
}

type DecodePlan = { kind: 'iconv'; encoding: string; offset: number } | { kind: 'utf-8' | 'utf-8-lenient' };

function decodePlan(bytes: Uint8Array, contentType: string | undefined): DecodePlan {
  const viaIconv = (encoding: string, offset = 0): DecodePlan => ({ kind: 'iconv', encoding, offset });
  const bom = byteOrderMark(bytes);
  if (bom) return viaIconv(bom.encoding, bom.length);
  const layout = unicodeLayout(bytes);
  if (layout) return viaIconv(layout);

  const labelled = allowed(charsetFromContentType(contentType)) ?? allowed(charsetFromMarkup(bytes));
  // A UTF-16/32 label on bytes that have neither a byte order mark nor that layout is a stale label.
  const declared = labelled !== null && /^(utf-?(16|32)|ucs-2)/.test(labelled) ? null : labelled;
  // Validated without decoding: no string of the whole document is built to find the charset.
  const utf8 = isUtf8(bytes);
  if (declared && !isUtf8Label(declared) && loadIconv().encodingExists(declared)) {
    if (utf8 && hasMultiByte(bytes) && isSingleByteLegacy(declared)) return { kind: 'utf-8' };
    return viaIconv(canonicalLabel(declared));
  }
  if (utf8) return { kind: 'utf-8' };
  // Declared UTF-8 but broken: keep what decodes and mark the rest rather than guess.
  if (declared && isUtf8Label(declared)) return { kind: 'utf-8-lenient' };
  // chardet has no Thai model: undeclared TIS-620 would come out as Latin-1 or a CJK guess.
  if (looksLikeTis620(bytes)) return viaIconv('tis-620');
  const detected = loadChardet().detect(bytes);
  if (detected && loadIconv().encodingExists(detected)) return viaIconv(canonicalLabel(detected));
  return viaIconv('windows-1252');
}

/** True when the bytes are UTF-16 or UTF-32 (by byte order mark, or by the NUL pattern of their first characters). */
export function isUnicodeLayout(bytes: Uint8Array): boolean {
  const bom = byteOrderMark(bytes);
  return (bom !== null && bom.encoding !== 'utf-8') || unicodeLayout(bytes) !== null;
}

// Without a byte order mark, a document that starts with ASCII characters ('<', whitespace, '{')
// shows its code unit size and order in its first bytes (XML 1.0 Appendix F); all 8 must agree.
function unicodeLayout(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  const zero = Array.from(bytes.subarray(0, 8), (byte) => byte === 0);
  const pattern = zero.map((isZero) => (isZero ? '0' : 'x')).join('');
  if (pattern === 'x000x000') return 'utf-32le';
  if (pattern === '000x000x') return 'utf-32be';
  if (pattern === 'x0x0x0x0') return 'utf-16le';
  if (pattern === '0x0x0x0x') return 'utf-16be';
  return null;
}

// Encodings a feed or page may really be in. Anything else declared (UTF-7 above all, whose `+ADw-`
// turns into markup) is ignored and the bytes are decoded as if nothing had been declared.
const ALLOWED_LABELS =
  /^(utf-?8|unicode-1-1-utf-8|utf-?16(le|be)?|utf-?32(le|be)?|ucs-2|(windows|cp)-?12(5\d)|iso-?8859-\d{1,2}|iso_8859-\d{1,2}|latin-?\d|l\d|us-ascii|ascii|cp819|x-cp1252|koi8-?[rut]|shift[_-]?jis|sjis|x-sjis|ms_kanji|windows-31j|cp932|euc-?(jp|kr|cn|tw)|x-euc-jp|gb2312|gbk|x-gbk|gb18030|big5(-hkscs)?|cp950|tis-?620|windows-874|cp874|iso-?8859-11|macintosh|mac|macroman|x-mac-roman|ibm866|cp866|ks_c_5601-1987|cp949|windows-949)$/;

function allowed(label: string | null): string | null {
  return label !== null && ALLOWED_LABELS.test(label) ? label : null;
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  const [first, second, third, fourth] = bytes;
  if (first === 0xef && second === 0xbb && third === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (first === 0xff && second === 0xfe && third === 0 && fourth === 0) return { encoding: 'utf-32le', length: 4 };
  if (first === 0 && second === 0 && third === 0xfe && fourth === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (first === 0xff && second === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (first === 0xfe && second === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function charsetFromContentType(contentType: string | undefined): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase() ?? null;
}

function charsetFromMarkup(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^<>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i) ?? head.match(/<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i);
  return meta?.[1]?.toLowerCase() ?? null;
}

/**
 * Thai in TIS-620 by its structure: every byte above ASCII is a TIS-620 character (0xA1–0xFB),
 * most come in runs of three or more (Thai words are unspaced), and each above/below vowel or tone
 * mark follows a consonant or another mark. Accented Latin text has short runs; Korean and Chinese
 * double-byte text breaks the mark rule.
 */
function looksLikeTis620(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  let previous = 0;
  const isConsonant = (byte: number): boolean => byte >= 0xa1 && byte <= 0xce;
  const isMark = (byte: number): boolean => byte === 0xd1 || (byte >= 0xd4 && byte <= 0xda) || (byte >= 0xe7 && byte <= 0xee);
  for (const byte of bytes) {
    if (byte >= 0x80) {
      if (byte < 0xa1 || byte > 0xfb || (byte >= 0xdb && byte <= 0xde)) return false;
      if (isMark(byte) && !isConsonant(previous) && !isMark(previous)) return false;
      high += 1;
      run += 1;
    } else {
      if (run >= 3) inRuns += run;
      run = 0;
    }
    previous = byte;
  }
  if (run >= 3) inRuns += run;
  return high >= 8 && inRuns >= high * 0.8;
}

function hasMultiByte(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function isUtf8Label(label: string): boolean {
  return label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8';
}

function isSingleByteLegacy(label: string): boolean {
  return WINDOWS_1252_LABELS.has(label) || /^(iso-?8859-\d+|windows-125\d|cp125\d|koi8-[ru]|mac(intosh|roman)?)$/.test(label);
}

function canonicalLabel(label: string): string {
  const lower = label.toLowerCase();
  if (WINDOWS_1252_LABELS.has(lower)) return 'windows-1252';
  // GB2312 and GBK documents routinely use GB18030-only characters; the superset decodes them all.
  if (lower === 'gb2312' || lower === 'gbk' || lower === 'x-gbk') return 'gb18030';
  return lower;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

const NEWLINES = /\r\n?|[\u2028\u2029\u0085]/g;

function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(NEWLINES, '\n');
}

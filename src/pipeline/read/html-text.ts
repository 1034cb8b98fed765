import { decodeInSegments } from './chunked.ts';
import { loadEntities, loadHtmlparser2 } from './lazy.ts';

/** The `entities` package's decoder, loaded with the first text that has an entity to decode. */
const decodeHTML = (text: string): string => loadEntities().decodeHTML(text);

// Elements whose content is never article text.
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'math',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'figcaption',
  'button',
  'input',
  'select',
  'textarea',
  'form',
  'label',
  'nav',
  'aside',
  'dialog',
  'head',
  'title',
  'meta',
  'link',
  'table',
]);

// Elements that start a new paragraph.
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'figure',
  'blockquote',
  'pre',
  'address',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'li',
  'hr',
  'details',
  'summary',
  'center',
  'fieldset',
  'body',
  'html',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The DOM shape this walker needs; linkedom's nodes satisfy it. */
export interface TextNodeLike {
  nodeType: number;
  localName?: string | null;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

// Runs of blanks to collapse into one space, single spaces left out: replacing each space by itself
// would make a regex match (and a part of the result being built) per word of a long text.
const BLANK_RUNS = /\s{2,}|[^\S ]/g;
const SPACE_RUNS = /[ \t\u00a0]{2,}|[\t\u00a0]/g;

/** Text of an HTML fragment (a feed description, a JSON body): paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  // Text with entities but no tags (escaped feed text, `&amp;amp;` floods) needs no DOM: decode the
  // entities as the parser would (the same library) and collapse whitespace, in linear time and memory.
  if (!html.includes('<')) return decodeInSegments(decodeHTML, html).replace(BLANK_RUNS, ' ').trim();
  // The same rendering as nodeToText, from the parser's events: no DOM is built for a fragment.
  const paragraphs: string[] = [];
  let line = '';
  let bulletPending = false;
  let skipped = 0;
  let preformatted = 0;
  const flush = (): void => {
    const trimmed = line.replace(SPACE_RUNS, ' ').trim();
    if (trimmed !== '') paragraphs.push(trimmed);
    line = '';
  };
  const { Parser } = loadHtmlparser2();
  const parser = new Parser({
    onopentag(tag) {
      if (skipped > 0 || SKIPPED.has(tag)) {
        skipped += 1;
        return;
      }
      if (tag === 'br' || BLOCKS.has(tag)) flush();
      if (tag === 'li') bulletPending = true;
      if (tag === 'pre') preformatted += 1;
    },
    ontext(text) {
      if (skipped > 0) return;
      if (bulletPending && text.trim() !== '') {
        line += '- ';
        bulletPending = false;
      }
      line += preformatted > 0 ? text : text.replace(BLANK_RUNS, ' ');
    },
    onclosetag(tag) {
      if (skipped > 0) {
        skipped -= 1;
        return;
      }
      if (tag === 'li') bulletPending = false;
      if (tag === 'pre') preformatted -= 1;
      if (BLOCKS.has(tag)) flush();
    },
  });
  parser.end(html);
  flush();
  return paragraphs.join('\n\n');
}

/** True when a string carries markup or entities worth parsing rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s/>]|&(?:[a-z]{2,8}|#\d{2,5}|#x[0-9a-f]{2,4});/i.test(text);
}

/**
 * Walks a DOM subtree and renders it as plain text: block elements become paragraphs, `<br>`
 * starts a new line, list items get a `- ` marker, media, forms, tables and captions are left out.
 */
export function nodeToText(root: TextNodeLike): string {
  const paragraphs: string[] = [];
  let line = '';
  let bulletPending = false;
  const flush = (): void => {
    const trimmed = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (trimmed !== '') paragraphs.push(trimmed);
    line = '';
  };
  const walk = (node: TextNodeLike, preformatted: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      if (bulletPending && text.trim() !== '') {
        line += '- ';
        bulletPending = false;
      }
      line += preformatted ? text : text.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = (node.localName ?? '').toLowerCase();
    if (SKIPPED.has(name)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const isBlock = BLOCKS.has(name);
    if (isBlock) flush();
    if (name === 'li') bulletPending = true;
    const children = node.childNodes;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child) walk(child, preformatted || name === 'pre');
    }
    if (name === 'li') bulletPending = false;
    if (isBlock) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n');
}

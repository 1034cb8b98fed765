import { flattenDeepHtml } from './html-depth.ts';
import { loadHtmlparser2 } from './lazy.ts';

// Elements whose content is never article text nor anything Readability or the metadata readers
// look at: dropped, with their content, before the DOM is built. JSON-LD scripts stay (they carry
// the headline and dates), and their text is kept aside too.
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math']);

/** What one streaming pass over a page found, and the page without what no reader needs. */
export interface PrunedPage {
  /** The source text less comments, the dropped elements and `<meta>`/`<link>` inside `<body>`. */
  html: string;
  /** `<meta>` attributes by each of their `property`, `name` and `itemprop` values; the first tag wins. */
  meta: Map<string, Record<string, string>>;
  /** The `href` of the first `<link rel="canonical">`. */
  canonical: string | undefined;
  /** The text of each JSON-LD script, in page order. */
  linkedData: string[];
}

/**
 * One pass of the tokenizer linkedom itself uses (htmlparser2, same options: linear time, no tree)
 * reads the page's metadata and notes the ranges of source text to leave out: comments, the content
 * of script, style, noscript, template, svg and math elements, microdata `<meta>`/`<link>` in the
 * body (they make Readability cut sentences around links). The rest is joined, so building a DOM
 * of it costs only what the story needs. An element the page never closes ends where the tokenizer
 * closes it (at an enclosing end tag or the end of the page).
 */
export function pruneHtml(page: string): PrunedPage {
  // The parser's time grows with nesting depth: hostile depth is flattened first, in linear time.
  const html = flattenDeepHtml(page);
  const cuts: number[] = [];
  const meta = new Map<string, Record<string, string>>();
  const linkedData: string[] = [];
  let canonical: string | undefined;
  let droppedAt = -1;
  let depth = 0; // inside a dropped element: its nesting depth
  let script: string | undefined; // inside a JSON-LD script: its text so far
  let bodies = 0;
  const { Parser } = loadHtmlparser2();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (depth > 0) {
          depth += 1;
          return;
        }
        const linked = name === 'script' && isLinkedData(attributes['type']);
        if (!linked && DROPPED.has(name)) {
          droppedAt = parser.startIndex;
          depth = 1;
          return;
        }
        if (linked) script = '';
        else if (name === 'body') bodies += 1;
        else if (name === 'meta') {
          for (const key of [attributes['property'], attributes['name'], attributes['itemprop']]) {
            if (key !== undefined && !meta.has(key)) meta.set(key, attributes);
          }
        } else if (name === 'link' && canonical === undefined && attributes['rel'] === 'canonical') canonical = attributes['href'];
        if (bodies > 0 && (name === 'meta' || name === 'link')) cuts.push(parser.startIndex, parser.endIndex + 1);
      },
      ontext(text) {
        if (script !== undefined) script += text;
      },
      onclosetag(name, implied) {
        if (depth === 0) {
          if (name === 'body' && bodies > 0) bodies -= 1;
          if (name === 'script' && script !== undefined) {
            linkedData.push(script);
            script = undefined;
          }
          return;
        }
        depth -= 1;
        if (depth > 0) return;
        // An implied close (by an enclosing end tag, or the end of the page) ends before the token
        // that caused it; a self-closed element (`<svg/>`) ends with its own tag.
        const end = implied && parser.startIndex > droppedAt ? parser.startIndex : parser.endIndex + 1;
        cuts.push(droppedAt, end);
      },
      oncomment() {
        if (depth === 0) cuts.push(parser.startIndex, parser.endIndex + 1);
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.end(html);
  return { html: cut(html, cuts), meta, canonical, linkedData };
}

/** The text less the ranges [cuts[0], cuts[1]), [cuts[2], cuts[3]), … (in order, not overlapping). */
function cut(text: string, cuts: number[]): string {
  if (cuts.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (let index = 0; index < cuts.length; index += 2) {
    parts.push(text.slice(from, cuts[index]));
    from = cuts[index + 1] ?? text.length;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

const isLinkedData = (type: string | undefined): boolean => type?.trim().toLowerCase() === 'application/ld+json';

import { InputError } from '../../domain/index.ts';
import type { Parser } from 'htmlparser2';
import { ChunkWindow, decodeInSegments } from './chunked.ts';
import { loadEntities, loadHtmlparser2 } from './lazy.ts';

/** The `entities` package's decoder, loaded with the first text that has an entity to decode. */
const decodeXML = (text: string): string => loadEntities().decodeXML(text);

/** One `<item>` or `<entry>` as raw XML: each child element's inner markup by its resolved name. */
export interface XmlEntry {
  kind: 'item' | 'entry';
  /** Child element name (`title`, `content:encoded`, `dcterms:issued`…) → the inner XML of each occurrence. */
  fields: Map<string, string[]>;
  /** Attributes of the first occurrence of each child element. */
  attributes: Map<string, Record<string, string>>;
  /** Atom `<link>` elements (rel, href, type), in document order. */
  links: Record<string, string>[];
}

export interface XmlFeed {
  title: string | undefined;
  link: string | undefined;
  /** How many entries were handed to `onEntry`. */
  entryCount: number;
}

// Namespace URIs mapped to the prefix the reader knows them by, whatever prefix the feed binds.
const KNOWN_NAMESPACES: Record<string, string> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/2005/Atom': '',
  'http://purl.org/atom/ns#': '',
  'http://purl.org/rss/1.0/': '',
  'http://backend.userland.com/rss2': '',
};

// Real feeds nest a handful of levels; a document nested deeper is refused rather than tracked.
export const MAX_DEPTH = 256;

/**
 * Reads an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom 0.3/1.0 document in one streaming pass (htmlparser2
 * in XML mode, entities left undecoded), given the whole document or its pieces in order: no tree is
 * built; each field of an entry is kept as a copy of its inner XML (never a view that would keep the
 * document alive) and each entry is handed to `onEntry` when it closes, so memory stays linear in
 * the document with a small factor.
 */
export function parseFeedXml(document: string | Iterator<string>, name: string, onEntry: (entry: XmlEntry) => void = () => {}): XmlFeed {
  const { Parser: ParserClass } = loadHtmlparser2();
  const prefixes = new Map<string, string>();
  const feed: XmlFeed = { title: undefined, link: undefined, entryCount: 0 };
  // Open elements as resolved names; the depths at which the current entry and channel opened.
  const open: string[] = [];
  let entry: XmlEntry | null = null;
  let entryDepth = -1;
  let channelDepth = -1;
  let fieldStart = -1;
  let fieldAttributes: Record<string, string> = {};
  let parser: Parser;
  // The document's pieces still needed: from the open field's start, else none before the last piece.
  const window = new ChunkWindow();

  const resolve = (tag: string): string => {
    const colon = tag.indexOf(':');
    if (colon < 0) return tag.toLowerCase();
    const prefix = tag.slice(0, colon);
    const uri = prefixes.get(prefix);
    const known = uri === undefined ? prefix.toLowerCase() : (KNOWN_NAMESPACES[uri] ?? prefix.toLowerCase());
    const local = tag.slice(colon + 1).toLowerCase();
    return known === '' ? local : `${known}:${local}`;
  };

  parser = new ParserClass(
    {
      onopentag(tag, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('xmlns:')) prefixes.set(attribute.slice(6), decodeXML(value).trim());
        }
        const element = resolve(tag);
        open.push(element);
        const depth = open.length;
        if (depth > MAX_DEPTH) throw new InputError(name, `feed XML is nested more than ${MAX_DEPTH} elements deep`);
        if (entry === null && (element === 'item' || element === 'entry') && depth > 1) {
          entry = { kind: element, fields: new Map(), attributes: new Map(), links: [] };
          entryDepth = depth;
          return;
        }
        if (entry === null && element === 'channel') channelDepth = depth;
        const isEntryField = entry !== null && depth === entryDepth + 1;
        const isFeedField = entry === null && (depth === channelDepth + 1 || (depth === 2 && open[0] === 'feed'));
        if (isEntryField || isFeedField) {
          fieldStart = parser.endIndex + 1;
          fieldAttributes = decodedAttributes(attributes);
        }
        if (isEntryField && element === 'link' && entry?.kind === 'entry') entry.links.push(fieldAttributes);
        if (
          isFeedField &&
          element === 'link' &&
          feed.link === undefined &&
          fieldAttributes['href'] &&
          (fieldAttributes['rel'] ?? 'alternate') === 'alternate'
        ) {
          feed.link = fieldAttributes['href'];
        }
      },
      onclosetag(_tag, isImplied) {
        const depth = open.length;
        const element = open.pop() ?? '';
        if (entry !== null && depth === entryDepth) {
          // Handed over as soon as it closes, so no entry outlives its own conversion.
          const closed = entry;
          entry = null;
          feed.entryCount += 1;
          onEntry(closed);
          return;
        }
        if (entry === null && depth === channelDepth) channelDepth = -1;
        if (fieldStart < 0) return;
        // Cut out only when a field closes (never for the elements nested in it: that would be quadratic).
        const innerXml = (): string => (isImplied ? '' : window.slice(fieldStart, parser.startIndex));
        if (entry !== null && depth === entryDepth + 1) {
          const inner = innerXml();
          const values = entry.fields.get(element);
          if (values) values.push(inner);
          else {
            entry.fields.set(element, [inner]);
            entry.attributes.set(element, fieldAttributes);
          }
          fieldStart = -1;
          window.release(parser.startIndex);
        } else if (entry === null && (depth === channelDepth + 1 || (depth === 2 && open[0] === 'feed'))) {
          const inner = innerXml();
          if (element === 'title' && feed.title === undefined) feed.title = inner;
          if (element === 'link' && feed.link === undefined && inner.trim() !== '') feed.link = xmlText(inner).trim();
          fieldStart = -1;
          window.release(parser.startIndex);
        }
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  // Given piece by piece (a string is one piece); the caller's iterator is never closed, so a reader
  // stopped by an error can still go on reading the rest of it.
  const pieces = typeof document === 'string' ? [document].values() : document;
  for (let next = pieces.next(); !next.done; next = pieces.next()) {
    window.append(next.value);
    parser.write(next.value);
    window.release(fieldStart >= 0 ? fieldStart : window.end);
  }
  parser.end();
  return feed;
}

function decodedAttributes(attributes: Record<string, string>): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [attribute, value] of Object.entries(attributes)) decoded[attribute.toLowerCase()] = value.includes('&') ? decodeXML(value) : value;
  return decoded;
}

/**
 * The character data of an element's inner XML: CDATA sections literally, the rest with XML
 * entities decoded (child tags are kept as markup for the HTML reader). One linear pass.
 */
export function xmlText(inner: string): string {
  if (!inner.includes('<![CDATA[')) return inner.includes('&') ? decodeInSegments(decodeXML, inner) : inner;
  // Concatenated, not joined: a body that is one CDATA section comes out as a slice of the inner XML, not a copy.
  let text = '';
  let position = 0;
  for (let open = inner.indexOf('<![CDATA[', position); open >= 0; open = inner.indexOf('<![CDATA[', position)) {
    text += decodeInSegments(decodeXML, inner.slice(position, open));
    const close = inner.indexOf(']]>', open + 9);
    text += inner.slice(open + 9, close < 0 ? inner.length : close);
    position = close < 0 ? inner.length : close + 3;
  }
  return text + decodeInSegments(decodeXML, inner.slice(position));
}

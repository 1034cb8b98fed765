// Declarations, comments and PIs looked through before giving up on finding the root.
const MAX_PROLOG_CONSTRUCTS = 10_000;

/**
 * The document's root element, found by structure: a byte order mark, the XML declaration,
 * processing instructions, comments, a DOCTYPE (with or without an internal subset) and
 * whitespace before it are skipped. Linear: each construct is skipped with one indexOf.
 * Returns the lowercased tag name (`rss`, `feed`, `rdf:rdf`, `html`…), `!doctype html` for an
 * HTML doctype, or null when the text does not start with markup.
 */
export function rootElement(text: string): string | null {
  return findRoot(text)?.name ?? null;
}

/**
 * rootElement of a document of which `head` is the start, when the head alone settles it: the root
 * element's `<` lies at least `margin` characters before the head's end (rootElement reads 64
 * characters of its name). Null otherwise, or when there is no root element.
 */
export function rootElementWithin(head: string, margin: number): string | null {
  const found = findRoot(head);
  return found !== null && found.position + margin <= head.length ? found.name : null;
}

function findRoot(text: string): { name: string; position: number } | null {
  let position = 0;
  let constructs = 0;
  while (position < text.length && constructs < MAX_PROLOG_CONSTRUCTS) {
    const code = text.charCodeAt(position);
    if (code === 0xfeff || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      position += 1;
      continue;
    }
    if (code !== 0x3c) return null; // '<'
    constructs += 1;
    if (text.startsWith('<?', position)) {
      position = after(text, '?>', position + 2);
    } else if (text.startsWith('<!--', position)) {
      position = after(text, '-->', position + 4);
    } else if (/^<!doctype\s/i.test(text.slice(position, position + 10))) {
      const head = text
        .slice(position + 9, position + 64)
        .trimStart()
        .toLowerCase();
      if (/^html\b/.test(head)) return { name: '!doctype html', position };
      position = doctypeEnd(text, position);
    } else {
      const name = text.slice(position + 1, position + 64).match(/^[A-Za-z_][\w.:-]*/)?.[0];
      return name ? { name: name.toLowerCase(), position } : null;
    }
    if (position < 0) return null;
  }
  return null;
}

/** True when the root element is a feed's: RSS, Atom, RSS 1.0/RDF (any prefix), or an RSS 0.9x channel. */
export function isFeedRoot(root: string | null): boolean {
  return root !== null && /^(rss|feed|channel|(?:[\w.-]+:)?rdf|(?:[\w.-]+:)?feed)$/.test(root);
}

export function isHtmlRoot(root: string | null): boolean {
  return root !== null && /^(!doctype html|html|head|body)$/.test(root);
}

/** Index just past the DOCTYPE that starts at `start`, internal subset `[...]` included; -1 when unclosed. */
export function doctypeEnd(text: string, start: number): number {
  let position = start + 9;
  let inSubset = false;
  let quote = 0;
  for (; position < text.length; position += 1) {
    const code = text.charCodeAt(position);
    if (inSubset && quote === 0 && text.startsWith('<!--', position)) {
      const close = text.indexOf('-->', position + 4);
      if (close < 0) return -1;
      position = close + 2;
    } else if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x5b) {
      inSubset = true;
    } else if (code === 0x5d) {
      inSubset = false;
    } else if (code === 0x3e && !inSubset) {
      return position + 1;
    }
  }
  return -1;
}

function after(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found < 0 ? -1 : found + marker.length;
}

import { InputError } from '../../domain/index.ts';
import { doctypeEnd } from './sniff.ts';

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// Declared entities may add at most this much text beyond the document's own size.
const MIN_EXPANSION_ALLOWANCE = 1024 * 1024;

/**
 * Rewrites what the feed parser would lose or choke on, in one linear pass per step:
 * - a DOCTYPE's internal subset: its plain-text general entities are expanded once (never external
 *   ones, never an entity that refers to another: an entity-expansion document is refused);
 * - `xhtml:body` (any prefix bound to XHTML) becomes `content:encoded`;
 * - Atom 0.3 `mode="base64"` content is decoded to escaped text.
 */
export function prepareFeedXml(document: string, name: string): string {
  let prepared = expandDoctype(document, name);
  if (prepared.includes(XHTML_NS)) prepared = rewriteXhtmlBodies(prepared);
  if (/\bmode\s*=\s*["']base64["']/i.test(prepared)) prepared = decodeBase64Content(prepared);
  return prepared;
}

function expandDoctype(document: string, name: string): string {
  const start = document.slice(0, 65_536).search(/<!DOCTYPE\s/i);
  if (start < 0) return document;
  const end = doctypeEnd(document, start);
  if (end < 0) throw new InputError(name, 'feed XML is malformed: its DOCTYPE is never closed');
  const doctype = document.slice(start, end);
  const body = document.slice(0, start) + document.slice(end);
  const subsetStart = doctype.indexOf('[');
  if (subsetStart < 0) return body;
  const entities = declaredEntities(doctype.slice(subsetStart + 1, doctype.lastIndexOf(']')), name);
  if (entities.size === 0) return body;
  return expandReferences(body, entities, name);
}

function declaredEntities(subset: string, name: string): Map<string, string> {
  const entities = new Map<string, string>();
  const declaration = /<!ENTITY\s+(%\s+)?([\w.:-]+)\s+(?:"([^"]*)"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))\s*>/g;
  for (const match of subset.matchAll(declaration)) {
    const [, parameter, entityName = '', double, single, external] = match;
    if (parameter) throw new InputError(name, 'refused: its DOCTYPE declares parameter entities (only plain-text entities are expanded)');
    if (external !== undefined) {
      entities.set(entityName, ''); // never fetched, never read from disk
      continue;
    }
    const value = double ?? single ?? '';
    const inner = value.match(/[&%]([\w.:-]+);/g)?.find((reference) => !PREDEFINED.has(reference.slice(1, -1)) && !reference.startsWith('&#'));
    if (inner !== undefined) {
      throw new InputError(name, `refused: the entity &${entityName}; expands into ${inner} (an entity-expansion, "billion laughs", document)`);
    }
    entities.set(entityName, value.replace(/</g, '&lt;'));
  }
  return entities;
}

function expandReferences(body: string, entities: Map<string, string>, name: string): string {
  let added = 0;
  const allowance = Math.max(MIN_EXPANSION_ALLOWANCE, body.length);
  const pattern = /<!\[CDATA\[|&([\w.:-]+);/g;
  let output = '';
  let position = 0;
  for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
    const entityName = match[1];
    if (entityName === undefined) {
      // CDATA is literal text: jump past it (to the end when it is never closed).
      const close = body.indexOf(']]>', pattern.lastIndex);
      pattern.lastIndex = close < 0 ? body.length : close + 3;
      continue;
    }
    const value = entities.get(entityName);
    if (value === undefined) continue;
    added += value.length;
    if (added > allowance)
      throw new InputError(name, 'refused: its declared entities expand to more text than the document itself (an entity-expansion document)');
    output += body.slice(position, match.index) + value;
    position = pattern.lastIndex;
  }
  return output + body.slice(position);
}

// `<x:body xmlns:x="…xhtml">…</x:body>` (or `<body xmlns="…xhtml">`) → `<content:encoded>` with the markup as CDATA.
function rewriteXhtmlBodies(document: string): string {
  const prefixes = new Set<string>();
  for (const match of document.matchAll(/xmlns:([\w.-]+)\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/g)) prefixes.add(match[1] ?? '');
  const opening = /<(?:([\w.-]+):)?body\b([^<>]*)>/g;
  let output = '';
  let position = 0;
  for (let match = opening.exec(document); match !== null; match = opening.exec(document)) {
    const prefix = match[1];
    const attributes = match[2] ?? '';
    const isXhtml = prefix !== undefined ? prefixes.has(prefix) : attributes.includes(XHTML_NS);
    if (!isXhtml) continue;
    const closing = `</${prefix === undefined ? '' : `${prefix}:`}body>`;
    const close = document.indexOf(closing, opening.lastIndex);
    if (close < 0) break; // no later body closes either: leave the rest to the parser
    const inner = document.slice(opening.lastIndex, close).replace(/]]>/g, ']]]]><![CDATA[>');
    output += `${document.slice(position, match.index)}<content:encoded xmlns:content="${CONTENT_NS}"><![CDATA[${inner}]]></content:encoded>`;
    position = close + closing.length;
    opening.lastIndex = position;
  }
  return output + document.slice(position);
}

// Atom 0.3 `<content mode="base64">` (and summary, title): decoded, escaped, the mode attribute dropped.
function decodeBase64Content(document: string): string {
  const opening = /<((?:[\w.-]+:)?(?:content|summary|title|tagline|info))\b([^<>]*)>/g;
  let output = '';
  let position = 0;
  for (let match = opening.exec(document); match !== null; match = opening.exec(document)) {
    const attributes = match[2] ?? '';
    if (!/\bmode\s*=\s*["']base64["']/i.test(attributes) || attributes.endsWith('/')) continue;
    const closing = `</${match[1]}>`;
    const close = document.indexOf(closing, opening.lastIndex);
    if (close < 0) break;
    const decoded = Buffer.from(document.slice(opening.lastIndex, close).replace(/\s+/g, ''), 'base64').toString('utf8');
    const escaped = decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    output += `${document.slice(position, match.index)}<${match[1]}${attributes.replace(/\s*\bmode\s*=\s*["']base64["']/i, '')}>${escaped}`;
    position = close;
    opening.lastIndex = close;
  }
  return output + document.slice(position);
}

import { InputError } from '../../domain/index.ts';
import { doctypeEnd } from './sniff.ts';

const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// Declared entities may add at most this much text beyond the document's own size.
const MIN_EXPANSION_ALLOWANCE = 1024 * 1024;

/**
 * A DOCTYPE's internal subset, which the streaming parser cannot read, is taken out and its
 * plain-text general entities are expanded once, in one linear pass (never external ones, never an
 * entity that refers to another: an entity-expansion document is refused). A document without an
 * internal subset is returned as it is (no copy).
 */
export function prepareFeedXml(document: string, name: string): string {
  const start = document.slice(0, 65_536).search(/<!DOCTYPE\s/i);
  if (start < 0) return document;
  const end = doctypeEnd(document, start);
  if (end < 0) throw new InputError(name, 'feed XML is malformed: its DOCTYPE is never closed');
  const doctype = document.slice(start, end);
  const subsetStart = doctype.indexOf('[');
  if (subsetStart < 0) return document;
  const body = document.slice(0, start) + document.slice(end);
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

import type { ReferenceEntity } from '../reference/index.ts';
import { escapeRegExp } from '../../../domain/index.ts';

const cache = new WeakMap<ReferenceEntity, RegExp | null>();
const globalCache = new WeakMap<ReferenceEntity, RegExp | null>();

/**
 * A pattern that finds the entity's name or aliases in a sentence (case as written,
 * whole words), cached per entity. Null when the entity has no usable name.
 */
export function entityPattern(entity: ReferenceEntity): RegExp | null {
  const cached = cache.get(entity);
  if (cached !== undefined) return cached;
  const names = [entity.name, ...entity.aliases]
    .map((name) => name.trim())
    .filter((name) => name.length >= 2)
    .sort((a, b) => b.length - a.length);
  const pattern = names.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  cache.set(entity, pattern);
  return pattern;
}

/**
 * The entity's pattern with the global flag, for scanning a text for every mention; cached per
 * entity, because compiling a pattern with Unicode classes costs milliseconds. Shared: a caller
 * sets `lastIndex` to 0 before each scan.
 */
export function globalEntityPattern(entity: ReferenceEntity): RegExp | null {
  const cached = globalCache.get(entity);
  if (cached !== undefined) return cached;
  const pattern = entityPattern(entity);
  const global = pattern === null ? null : new RegExp(pattern.source, 'gu');
  globalCache.set(entity, global);
  return global;
}

import type { ReferenceEntity } from '../reference/index.ts';
import { escapeRegExp } from '../../../domain/index.ts';
import { FUNCTION_WORDS, initialsOf, LEGAL_WORDS } from './initials.ts';
import { companyAliases } from './names.ts';
import { literalWholeWords, type WholeWords } from './whole-words.ts';

const cache = new WeakMap<ReferenceEntity, RegExp | null>();
const wordsCache = new WeakMap<ReferenceEntity, WholeWords | null>();

/**
 * Longest name a pattern takes. No real name comes near it; an article stored before names found by
 * their shape were bounded may hold a run of words as one, which would make a pattern too large to compile.
 */
const MAX_NAME_LENGTH = 200;

/** Whether a name is worth a pattern: two characters or more, and no longer than any real name. */
export function usableName(name: string): boolean {
  const length = name.trim().length;
  return length >= 2 && length <= MAX_NAME_LENGTH;
}

/**
 * The entity's name and aliases as a pattern lists them: trimmed, two to MAX_NAME_LENGTH characters,
 * longest first. A company's also without its legal form ("China Eastern Airlines" for "China Eastern
 * Airlines Corp Ltd") and, where a listing wrote a word in capitals beside others that are not
 * ("BIG Lots Inc"), with that word as prose writes it ("Big Lots").
 */
function namesOf(entity: ReferenceEntity): string[] {
  const written = [entity.name, ...entity.aliases];
  const names = entity.type === 'company' ? companyAliases(written).flatMap((name) => [name, ...proseCase(name)]) : written;
  // "GE" for General Electric, "AIG" for American International Group: the recogniser files an
  // article's acronym of a name it also writes in full under that name (recognizer.ts, mergeInitials).
  if (entity.type === 'company' || entity.type === 'organisation') names.push(...acronymsOf(entity.name));
  return [...new Set(names)]
    .filter(usableName)
    .map((name) => name.trim())
    .sort((a, b) => b.length - a.length);
}

/** Corporate words an acronym may leave out ("General Electric Company" → GE as well as GEC). */
const CORPORATE_WORDS: ReadonlySet<string> = new Set([...LEGAL_WORDS, 'group', 'holdings']);

/** "General Electric Company" → ["GE", "GEC"]: the initials of two to five words, with and without a closing corporate word. */
function acronymsOf(name: string): string[] {
  const words = name.split(/[\s-]+/).filter((word) => /^\p{L}/u.test(word) && !FUNCTION_WORDS.has(word.toLowerCase()));
  const core = words.filter((word) => !CORPORATE_WORDS.has(word.toLowerCase().replace(/[.,]/g, '')));
  return [...new Set([core, words].filter((list) => list.length >= 2 && list.length <= 5).map(initialsOf))];
}

/** "BIG Lots" → "Big Lots": a capitals-only word of three letters or more among words that are not. */
function proseCase(name: string): string[] {
  const words = name.split(' ');
  if (!words.some((word) => /\p{Ll}/u.test(word))) return [];
  const cased = words.map((word) => (/^\p{Lu}{3,}$/u.test(word) ? word.charAt(0) + word.slice(1).toLowerCase() : word)).join(' ');
  return cased === name ? [] : [cased];
}

/**
 * A pattern that finds the entity's name or aliases in a sentence (case as written,
 * whole words), cached per entity. Null when the entity has no usable name.
 */
export function entityPattern(entity: ReferenceEntity): RegExp | null {
  const cached = cache.get(entity);
  if (cached !== undefined) return cached;
  const names = namesOf(entity);
  const pattern = names.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  cache.set(entity, pattern);
  return pattern;
}

/**
 * What entityPattern finds, found without compiling its Unicode classes (milliseconds per entity,
 * paid for every entity an answer meets for the first time): for the hot paths. Cached per entity.
 */
export function entityNames(entity: ReferenceEntity): WholeWords | null {
  const cached = wordsCache.get(entity);
  if (cached !== undefined) return cached;
  const names = namesOf(entity);
  const words = names.length === 0 ? null : literalWholeWords(names, escapeRegExp);
  wordsCache.set(entity, words);
  return words;
}

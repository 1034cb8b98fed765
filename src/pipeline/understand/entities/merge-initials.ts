import type { ReferenceEntity, ReferenceIndex } from '../reference/index.ts';
import { FUNCTION_WORDS, initialsOf, LEGAL_WORDS } from './initials.ts';
import type { Found } from './mention-tally.ts';
import { ORGANISATION_TYPES } from './open-names.ts';

/**
 * An acronym of an organisation the same text names is that organisation ("General Electric … GE",
 * "Texas Instruments … TI", "Service Employees International Union … SEIU"): its matches are moved to
 * the entity the reference knows, else to the full name. Two listings the reference knows apart stay apart.
 */
export function mergeInitials(found: Found[], index: ReferenceIndex): void {
  const byInitials = new Map<string, ReferenceEntity | null>();
  for (const { entity } of found) {
    if (!ORGANISATION_TYPES.has(entity.type)) continue;
    const words = entity.name.split(/[\s-]+/).filter((word) => word !== '' && !FUNCTION_WORDS.has(word.toLowerCase()) && !LEGAL_WORDS.has(word.toLowerCase()));
    if (words.length < 2 || words.length > 5) continue;
    const initials = initialsOf(words);
    const known = byInitials.get(initials);
    // Two different names with the same initials: the acronym is nobody's.
    byInitials.set(initials, known === undefined || known?.id === entity.id ? entity : null);
  }
  if (byInitials.size === 0) return;
  const moves = new Map<string, ReferenceEntity>();
  for (const { entity } of found) {
    if (!ORGANISATION_TYPES.has(entity.type) || !/^[A-Z]{2,5}$/.test(entity.name)) continue;
    const full = byInitials.get(entity.name);
    if (full == null || full.id === entity.id) continue;
    const acronymKnown = index.get(entity.id) !== undefined;
    const fullKnown = index.get(full.id) !== undefined;
    if (acronymKnown && fullKnown) continue;
    if (acronymKnown) moves.set(full.id, entity);
    else moves.set(entity.id, full);
  }
  for (const match of found) {
    const target = moves.get(match.entity.id);
    if (target !== undefined) match.entity = target;
  }
}

import type { WordRoles } from './unit.ts';

// What a unit is, as bits read by the scorer's passes (sentence.ts): each pass looks for a few
// kinds of unit, and a bit test spares it a string comparison or a set lookup for every other
// unit. A sentence's marks together tell which passes can find nothing in it.

/** "to" or "into": a result state may follow ("swung to a net profit"). */
export const MARK_STATE_LINK = 1;
/** A word that introduces a baseline ("versus", "compared", "from"). */
export const MARK_BASELINE_LINK = 2;
export const MARK_MOVEMENT = 4;
export const MARK_TONE = 8;
/** A contrast or concession word ("but", "despite"): without one a sentence's clauses all weigh 1. */
export const MARK_CLAUSE = 16;

export const BASELINE_LINKS: ReadonlySet<string> = new Set(['versus', 'vs', 'compared', 'against', 'from']);

/** The marks of a unit with this key and these roles (computed once per unit: units are shared). */
export function marksOf(key: string, roles: WordRoles): number {
  let marks = 0;
  if (key === 'to' || key === 'into') marks |= MARK_STATE_LINK;
  if (BASELINE_LINKS.has(key)) marks |= MARK_BASELINE_LINK;
  if (roles.movement !== undefined) marks |= MARK_MOVEMENT;
  if (roles.tone !== undefined) marks |= MARK_TONE;
  if (roles.clause !== undefined) marks |= MARK_CLAUSE;
  return marks;
}

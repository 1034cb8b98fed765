import { CLAUSE_END, type Unit } from './unit.ts';

// How the words around a tone word or a movement change it: negation, intensifiers, the clause
// it sits in, and whether "up", "down" or "fall" are movements at all.

const NEGATION_SCOPE = 3;
const BE_VERBS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'go', 'went', 'come', 'came', 'move', 'moved']);
const STATE_VERBS = new Set([
  'be',
  'is',
  'are',
  'was',
  'were',
  'been',
  'go',
  'went',
  'come',
  'came',
  'move',
  'moved',
  'close',
  'closed',
  'end',
  'ended',
  'finish',
  'finished',
  'trade',
  'traded',
  'trading',
  'stand',
  'stood',
  'edge',
  'edged',
]);

// "up" and "down" are movements next to a figure or after a verb of state ("shares were down");
// "set up", "step down" and "up to 50 jobs" are not. Numeric-only words need a figure or a subject.
export function isMovementUse(units: readonly Unit[], position: number): boolean {
  const unit = units[position];
  if (unit === undefined) return false;
  if (unit.key === 'fall' && isSeason(units, position)) return false;
  const forms = unit.roles.movement?.forms;
  if (forms?.size === 1 && forms.has('numeric')) {
    const subject = [units[position - 1], units[position - 2]].some((near) => near?.roles.quantity !== undefined);
    return subject || hasNumberNear(units, position);
  }
  if (unit.key !== 'up' && unit.key !== 'down') return true;
  let next = position + 1;
  while (units[next]?.roles.intensity !== undefined) next += 1;
  let previous = position - 1;
  while (units[previous]?.roles.intensity !== undefined) previous -= 1;
  const following = units[next]?.key ?? '';
  const preceding = units[previous]?.key ?? '';
  // "was up to EUR 0.9 mn" is a movement, "close up to 960 stores" a ceiling.
  if (unit.key === 'up' && following === 'to') return BE_VERBS.has(preceding);
  return following === 'from' || following === 'by' || preceding === ',' || STATE_VERBS.has(preceding) || hasNumberNear(units, position);
}

// "this fall", "in the fall" (but "the fall in sales" is a movement).
function isSeason(units: readonly Unit[], position: number): boolean {
  const previous = units[position - 1]?.key ?? '';
  const next = units[position + 1]?.key ?? '';
  if (['this', 'last', 'next', 'early', 'late'].includes(previous)) return true;
  return previous === 'the' && units[position - 2]?.key === 'in' && next !== 'in' && next !== 'of';
}

export function hasNumberNear(units: readonly Unit[], position: number): boolean {
  for (let offset = -2; offset <= 3; offset += 1) {
    const unit = units[position + offset];
    if (offset !== 0 && unit?.kind === 'number' && !/^(?:19|20)\d\d$/.test(unit.key)) return true;
  }
  return false;
}

/** The strongest intensifier next to a position (marking it used), or 1. */
export function intensityAt(units: readonly Unit[], position: number, used: Uint8Array): number {
  let strongest = 1;
  for (const index of [position - 2, position - 1, position + 1]) {
    const intensity = units[index]?.roles.intensity;
    if (intensity === undefined) continue;
    if (Math.abs(Math.log(intensity)) > Math.abs(Math.log(strongest))) strongest = intensity;
    used[index] = 1;
  }
  return strongest;
}

export function isNegated(units: readonly Unit[], position: number): boolean {
  for (let index = position - 1; index >= 0 && index >= position - NEGATION_SCOPE; index -= 1) {
    const unit = units[index];
    if (unit === undefined || unit.kind === 'punctuation') return false;
    if (unit.roles.negator === true) return !(unit.key === 'not' && units[index + 1]?.key === 'only');
  }
  return false;
}

/** 0.5 inside a concession ("despite lower sales, …") and 1.3 after "but"/"however", else 1. */
export function clauseWeightsOf(units: readonly Unit[]): number[] {
  const weights: number[] = [];
  let after = 1;
  let conceding = false;
  for (const unit of units) {
    if (unit.roles.clause === 'contrast') {
      after = 1.3;
      conceding = false;
    } else if (unit.roles.clause === 'concession') {
      conceding = true;
    } else if (unit.key === ',' || CLAUSE_END.has(unit.key)) {
      conceding = false;
    }
    weights.push(conceding ? 0.5 * after : after);
  }
  return weights;
}

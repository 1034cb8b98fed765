import type { ReferenceEntity } from '../reference/index.ts';
import { overlapsAny } from './spans.ts';

export interface ListingSpan {
  start: number;
  end: number;
  entity: ReferenceEntity;
}

// "Boohoo (LSE: BOO)", "Just Eat (Other OTC: JSTLF - news)", "Pearson (Amsterdam: / PR8.AS - news)": a market and a
// symbol in parentheses right after a name, the way financial news writes where a company is listed. Anchored at
// the name's end and read over a bounded slice, so each name costs the same whatever the text holds.
const LISTING_AFTER =
  /^(?:['’]s?)?[^\S\n]*\([^\S\n]*((?:Other[^\S\n]+)?[A-Z][A-Za-z]{1,14}(?:[^\S\n]+[A-Z][A-Za-z]{1,9})?)[^\S\n]*:[^\S\n]*(?:\/[^\S\n]*)?([A-Z0-9][A-Za-z0-9.&-]{0,11})(?=[^\S\n]*(?:-[^\S\n]*news[^\S\n]*)?[);])/d;
const WINDOW = 64;

/**
 * The listings written right after organisations' names: each is that organisation's own symbol, whether or not
 * the reference knows the ticker ("Boohoo (LSE: BOO)" is Boohoo, as "Goldman Sachs (NYSE: GS)" is Goldman Sachs).
 * `names` are the organisations found, in text order; `taken` the spans already matched (not overlapping one another), which a listing may not overlap.
 */
export function listingsAfterNames(text: string, names: readonly ListingSpan[], taken: ReadonlyArray<{ start: number; end: number }>): ListingSpan[] {
  const found: ListingSpan[] = [];
  let sorted: Array<{ start: number; end: number }> | null = null;
  for (const name of names) {
    // Most names are not followed by a parenthesis within four characters: settled without a slice or a pattern.
    if (!parenthesisWithin(text, name.end, 4) || !/^['’]?s?[^\S\n]*\(/.test(text.slice(name.end, name.end + 4))) continue;
    const match = LISTING_AFTER.exec(text.slice(name.end, name.end + WINDOW));
    const market = match?.indices?.[1];
    if (match === null || market === undefined) continue;
    const start = name.end + market[0];
    const end = name.end + match[0].length;
    sorted ??= [...taken].sort((left, right) => left.start - right.start);
    if (overlapsAny(sorted, start, end)) continue;
    found.push({ start, end, entity: name.entity });
  }
  return found;
}

function parenthesisWithin(text: string, from: number, length: number): boolean {
  for (let at = from; at < from + length && at < text.length; at += 1) if (text.charCodeAt(at) === 40) return true;
  return false;
}

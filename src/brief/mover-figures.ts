// A mover's figure as the text states it: where a percentage or an amount is, the words that round
// it, and how it is shown (unsigned, the arrow giving the way).
import type { findFigures } from '../domain/index.ts';
import { isPercentMove } from './move-grammar.ts';

/** A figure as findFigures finds it in the clause. */
type FoundFigure = ReturnType<typeof findFigures>[number];

/** A figure's place in its clause: [index, end). */
export interface Figure {
  index: number;
  end: number;
  text: string;
}

/** The percentage moves among a clause's figures (`found`, from findFigures): not basis or percentage points, not the end of a range. */
export function percentFigures(clause: string, found: readonly FoundFigure[]): Figure[] {
  return (
    found
      .filter((figure) => figure.kind === 'percent' && isPercentMove(figure.text))
      .map((figure) => {
        const index = clause.indexOf(figure.text, figure.index);
        return { index, end: index + figure.text.length, text: figure.text };
      })
      // "rose by 3-5 percent": the end of a range, not a figure of its own.
      .filter((figure) => !(/^[-−]/.test(figure.text) && isDigitAt(clause, figure.index - 1)))
  );
}

function isDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
}

/** Words before a figure that round it: "almost 10 percent", "more than 5%", "about 3 percent". */
const HEDGE_BEFORE = /\b(?:almost|nearly|about|around|roughly|approximately|some|more\s+than|over|less\s+than|under|up\s+to|close\s+to|as\s+much\s+as)\s+$/i;

/** The words that round the figure ("almost", "more than"), or null when it is given exact. */
export function hedgeOf(clause: string, figure: Figure): string | null {
  const found = HEDGE_BEFORE.exec(clause.slice(Math.max(0, figure.index - 24), figure.index));
  return found === null ? null : found[0].trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The figure as a mover shows it: unsigned (the arrow gives the way; "lost -73%" is ▼ 73%), with the
 * words that round it ("almost 10 percent"); null when its sign says the other way than its verb.
 */
export function shownFigure(figure: Figure, direction: 'up' | 'down', hedge: string | null): string | null {
  const sign = /^[-+−]/.exec(figure.text)?.[0];
  if (sign !== undefined && (sign === '+') !== (direction === 'up')) return null;
  const unsigned = sign === undefined ? figure.text : figure.text.slice(1);
  return hedge === null ? unsigned : `${hedge} ${unsigned}`;
}

/** A price amount's unit right after it: "$0.59 a barrel", "$20 an ounce". */
const AMOUNT_UNIT = /\s+(?:a|an|per)\s+(?:barrel|ounce|troy\s+ounce|tonne|ton|metric\s+ton|bushel|pound|gallon|mmbtu|coin|token)\b/iy;
/** Sums in thousands or more ("$2 billion") are results or deal sizes, never a commodity's or a coin's price move. */
const LARGE_SUM = /(?:trillion|billion|million|thousand|tn|bn|mn|m|k)$/i;

/**
 * The money amounts among a clause's figures (`found`, from findFigures) that can be a price move
 * ("rose by $0.59 a barrel", "fell $1,000"), with their unit: no sums in millions or more.
 */
export function amountFigures(clause: string, found: readonly FoundFigure[]): Figure[] {
  return found
    .filter((figure) => figure.kind === 'money' && !LARGE_SUM.test(figure.text))
    .map((figure) => {
      const index = clause.indexOf(figure.text, figure.index);
      // Read in place (sticky), not from a copy of the rest of the clause for each figure.
      AMOUNT_UNIT.lastIndex = index + figure.text.length;
      const unit = AMOUNT_UNIT.exec(clause)?.[0] ?? '';
      return { index, end: index + figure.text.length + unit.length, text: `${figure.text}${unit.replace(/\s+/g, ' ')}` };
    });
}

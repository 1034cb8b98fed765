// A mover's figure as the text states it: where a percentage is, the words that round it, and how
// it is shown (unsigned, the arrow giving the way).
import { findFigures } from '../domain/index.ts';
import { isPercentMove } from './move-grammar.ts';

/** A figure's place in its clause: [index, end). */
export interface Figure {
  index: number;
  end: number;
  text: string;
}

/** The percentage moves of a clause (not basis or percentage points, not the end of a range). */
export function percentFigures(clause: string): Figure[] {
  return (
    findFigures(clause)
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

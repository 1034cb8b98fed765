import { CLAUSE_END, type Unit } from './unit.ts';
import { sentenceUnits } from './units.ts';

// Figures set against earlier ones in the same currency and scale: "EUR 5.1 mn ( EUR 4.0 mn )",
// "net sales of EUR 54.5 mn in the quarter, compared with EUR 54.3 mn". A currency conversion
// ("HK$29.6 billion ($3.8 billion)") is not a comparison.

export interface ComparedFigure {
  /** +1 when the compared quantity got better, -1 when worse. */
  value: number;
  /** The lexicon key of the quantity compared, e.g. `net_profit`. */
  quantity: string;
  description: string;
}

const CURRENCY = String.raw`(?:[A-Z]{1,3}\$|[A-Z]{3}|[$€£¥])`;
const SCALE = String.raw`(?:mn|m|mln|million|bn|b|bln|billion|k|thousand|pct|percent|cents?|euros?|eur|usd|dollars?|pence|p|yen|yuan|sek|nok|dkk|kroner|crowns)\b|%`;
const AMOUNT = new RegExp(String.raw`(?:(?<currency>${CURRENCY})\s?)?(?<number>(?<![\w.])-?\d[\d,]*(?:\.\d+)?)\s?(?<scale>${SCALE})?`, 'g');
const LINK_WORDS = String.raw`(?:compared (?:with|to)|versus|vs\.?|against|from)\s+(?:the |a |an |last year's |)?(?:year-earlier |year-ago |previous |prior |corresponding )?(?:(?:net |operating |pre-?tax )?(?:loss|profit) of )?`;
const ADJACENT_LINK = new RegExp(String.raw`^\s*(?:\(\s*(?:approximately |about |around )?|,?\s*${LINK_WORDS})$`, 'i');
const TRAILING_LINK = new RegExp(String.raw`,?\s*${LINK_WORDS}$`, 'i');
const MAX_GAP = 90;
const SCALE_NAMES: Readonly<Record<string, string>> = {
  m: 'mn',
  mln: 'mn',
  million: 'mn',
  b: 'bn',
  bln: 'bn',
  billion: 'bn',
  k: 'k',
  thousand: 'k',
  pct: '%',
  percent: '%',
  cent: 'cents',
  euro: 'eur',
  p: 'pence',
  dollar: 'usd',
};

interface Amount {
  start: number;
  end: number;
  value: number;
  currency: string;
  scale: string;
}

const TWO_NUMBERS = /\d\D+\d/;
// Two figures are linked by an opening parenthesis or one of LINK_WORDS' verbs: most sentences with
// two figures have neither, and need no search for amounts.
const ANY_LINK = /\(|compared|versus|vs|against|from/i;

/** Each comparison of a figure with an earlier one in the sentence, as a change in a quantity. */
export function comparedFigures(sentence: string): ComparedFigure[] {
  // Two figures need two runs of digits with something between them; most sentences have fewer.
  if (!TWO_NUMBERS.test(sentence) || !ANY_LINK.test(sentence)) return [];
  // Some wire copy spaces decimals as "EUR13 .6 m"; padding keeps offsets stable.
  const text = sentence.replace(/(\d) \.(\d)/g, '$1.$2 ');
  const amounts = amountsIn(text);
  const figures: ComparedFigure[] = [];
  for (let index = 1; index < amounts.length; index += 1) {
    const first = amounts[index - 1];
    const second = amounts[index];
    if (first === undefined || second === undefined || first.value === second.value) continue;
    const between = text.slice(first.end, second.start);
    const linked = ADJACENT_LINK.test(between) || (between.length <= MAX_GAP && !/[(;]/.test(between) && TRAILING_LINK.test(between));
    if (!linked || !sameUnit(first, second)) continue;
    const target = quantityBefore(text.slice(0, first.start));
    if (target === null) continue;
    const baseline = /\b(loss|profit)\b/i.exec(between)?.[1]?.toLowerCase();
    // "a profit of 5 versus a loss of 3" is a turnaround, read from the words, not the figures.
    if (baseline !== undefined && (baseline === 'loss') !== (target.roles.quantity ?? 0) < 0) continue;
    const value = Math.sign(first.value - second.value) * (target.roles.quantity ?? 0);
    if (value === 0) continue;
    figures.push({ value, quantity: target.key, description: `${first.value}>${second.value}` });
  }
  return figures;
}

function sameUnit(first: Amount, second: Amount): boolean {
  if (first.currency === '' && first.scale === '') return false; // bare numbers: counts, years
  if (first.currency !== second.currency) return false;
  // "EUR 8.77 mn compared to EUR 7.04": a repeated currency may leave out the scale.
  return first.scale === second.scale || (second.scale === '' && second.currency !== '');
}

function amountsIn(sentence: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of sentence.matchAll(AMOUNT)) {
    const groups = match.groups ?? {};
    const number = groups['number'] ?? '';
    const value = Number(number.replaceAll(',', ''));
    const scale = scaleName(groups['scale']);
    const currency = (groups['currency'] ?? '').toUpperCase();
    if (!Number.isFinite(value) || (scale === '' && currency === '' && /^(?:19|20)\d\d$/.test(number))) continue;
    amounts.push({ start: match.index, end: match.index + match[0].length, value, currency, scale });
  }
  return amounts;
}

function scaleName(scale: string | undefined): string {
  const lower = (scale ?? '').toLowerCase().replace(/s$/, '');
  return SCALE_NAMES[lower] ?? lower;
}

// The quantity compared is the last one named before the first figure, unless a movement word
// there already spoke of it ("rose to EUR 5 mn from EUR 4 mn" is the verb's news).
function quantityBefore(prefix: string): Unit | null {
  const units = sentenceUnits(prefix.slice(-160));
  for (let index = units.length - 1; index >= 0 && index >= units.length - 10; index -= 1) {
    const unit = units[index];
    if (unit === undefined || CLAUSE_END.has(unit.key) || unit.roles.movement !== undefined) return null;
    if (unit.roles.quantity !== undefined) return unit;
  }
  return null;
}

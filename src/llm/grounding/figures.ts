import { findFigures } from '../../domain/index.ts';

/** A figure reduced to what it claims: "$5.6 billion" and "US$5.6bn" are the same quantity. */
export interface Quantity {
  /** The figure as written. */
  text: string;
  /** Absolute value in base units: 5.6e9 for "$5.6bn", 21 for "21%", 0.25 for "25 bps". */
  value: number;
  /** Percent and percentage points compare with each other ("0.25%" for "25 basis points" is common usage). */
  dimension: 'percent' | 'amount';
  /** ISO-like code ("USD", "HKD"), "¥" when the yen sign could be yen or yuan, null when none is given. */
  currency: string | null;
  /** A bare count with no unit or magnitude ("2000", "90"): it may match any quantity of that value. */
  bare: boolean;
  /** Rounding step of the figure as written: 0.1e9 for "5.6bn", 1 for "21%". */
  step: number;
}

const MAGNITUDES: ReadonlyArray<[RegExp, number]> = [
  [/^(?:trillion|tn|tln)$/i, 1e12],
  [/^(?:billion|bn|bln|b)$/i, 1e9],
  [/^(?:million|mn|mln|m)$/i, 1e6],
  [/^(?:thousand|k)$/i, 1e3],
];

const SYMBOL_CURRENCIES: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  USD: 'USD',
  HK$: 'HKD',
  HKD: 'HKD',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  S$: 'SGD',
  NT$: 'TWD',
  NZ$: 'NZD',
  R$: 'BRL',
  '€': 'EUR',
  EUR: 'EUR',
  '£': 'GBP',
  '¥': '¥',
  '₹': 'INR',
  RS: 'INR',
  'RS.': 'INR',
  RMB: 'CNY',
  CNY: 'CNY',
};

const WORD_CURRENCIES: Record<string, string> = { dollars: 'USD', euros: 'EUR', pounds: 'GBP', rupees: 'INR', yen: 'JPY', yuan: 'CNY' };

const FIGURE_PARTS =
  /^(?<currency>[A-Z]{1,3}\$|\$|€|£|¥|₹|Rs\.?|USD|EUR|HKD|RMB|CNY)?\s?(?<sign>[-+−])?(?<number>\d[\d,]*(?:\.\d+)?)\s?(?<magnitude>trillion|billion|million|thousand|tln|bln|mln|tn|bn|mn|m|k|b)?\b\s?(?<unit>%|percent|per cent|percentage points?|basis points?|bps|pp|yuan|dollars|euros|pounds|rupees|yen|shares|barrels|ounces|tonnes|points)?/iu;

function decimals(number: string): number {
  const point = number.indexOf('.');
  return point < 0 ? 0 : number.length - point - 1;
}

/** The quantity a figure states, or null when the text is not a figure. */
export function parseQuantity(text: string): Quantity | null {
  const match = FIGURE_PARTS.exec(text.trim());
  const groups = match?.groups;
  if (groups === undefined || groups['number'] === undefined) return null;
  const digits = groups['number'].replaceAll(',', '');
  let value = Math.abs(Number(digits));
  if (!Number.isFinite(value)) return null;
  let step = 10 ** -decimals(digits);
  const magnitudeWord = groups['magnitude'];
  const magnitude = magnitudeWord === undefined ? 1 : (MAGNITUDES.find(([pattern]) => pattern.test(magnitudeWord))?.[1] ?? 1);
  value *= magnitude;
  step *= magnitude;
  const unit = groups['unit']?.toLowerCase();
  const symbol = groups['currency']?.toUpperCase();
  let currency = symbol === undefined ? null : (SYMBOL_CURRENCIES[symbol] ?? symbol);
  if (currency === null && unit !== undefined) currency = WORD_CURRENCIES[unit] ?? null;
  let dimension: Quantity['dimension'] = 'amount';
  if (unit !== undefined && /^(?:%|percent|per cent|percentage points?|pp)$/.test(unit)) dimension = 'percent';
  if (unit !== undefined && /^(?:basis points?|bps)$/.test(unit)) {
    dimension = 'percent';
    value /= 100;
    step /= 100;
  }
  const bare = currency === null && magnitudeWord === undefined && unit === undefined;
  // "$350 billion" may round "$353 billion": trailing zeros of a money amount are not all significant.
  const trailingZeros = /^\d*?(0+)$/.exec(digits)?.[1]?.length ?? 0;
  if (currency !== null && trailingZeros > 0 && trailingZeros < digits.length) step *= 10 ** trailingZeros;
  return { text: match?.[0].trim() ?? text, value, dimension, currency, bare, step };
}

// Wire-copy magnitudes the figure finder does not take in: "$3.3 bln", "225 mln", "$23.2b".
const WIRE_MAGNITUDE = /^(?:\s?(?:tln|bln|mln)\b|b\b)/iu;
// The far end of a range lends its magnitude to the near one: "$45 to $50 million", "$4.8-$4.85 billion".
const RANGE_END = /^\s*(?:to|and|-|–|—)\s*(?:[A-Z]{1,3}\$|\$|€|£|¥)?\s?\d[\d,]*(?:\.\d+)?\s?(trillion|billion|million|thousand|tln|bln|mln|tn|bn|mn|m|k)\b/iu;
const HAS_MAGNITUDE = /\d\s?(?:trillion|billion|million|thousand|tln|bln|mln|tn|bn|mn|m|k)\b/iu;
// The near end of a range lends its currency to the far one: "$510-530 million".
const RANGE_START = /(?:[A-Z]{1,3}\$|\$|€|£|¥)\d[\d,]*(?:\.\d+)?\s*(?:to|-|–|—)\s*$/u;

/** Every figure in a text with the quantity it states, read the way wire copy and guidance write them. */
export function figuresIn(text: string): Array<{ text: string; quantity: Quantity }> {
  const found: Array<{ text: string; quantity: Quantity }> = [];
  for (const figure of findFigures(text)) {
    const end = figure.index + figure.text.length;
    let written = figure.text;
    const wire = HAS_MAGNITUDE.test(written) ? null : WIRE_MAGNITUDE.exec(text.slice(end));
    if (wire !== null) written = `${written}${wire[0]}`;
    let quantity = parseQuantity(written);
    if (quantity === null) continue;
    const rangeEnd = HAS_MAGNITUDE.test(written) || quantity.dimension !== 'amount' ? null : RANGE_END.exec(text.slice(end));
    if (rangeEnd?.[1] !== undefined) {
      const scale = parseQuantity(`1 ${rangeEnd[1]}`)?.value ?? 1;
      quantity = { ...quantity, value: quantity.value * scale, step: quantity.step * scale, bare: false };
    }
    const rangeStart = quantity.currency === null ? RANGE_START.exec(text.slice(Math.max(0, figure.index - 24), figure.index)) : null;
    if (rangeStart !== null)
      quantity = { ...quantity, currency: parseQuantity(rangeStart[0].replace(/\s*(?:to|-|–|—)\s*$/u, ''))?.currency ?? null, bare: false };
    found.push({ text: written, quantity });
  }
  return found;
}

/** Every quantity stated in a text. */
export function quantitiesIn(text: string): Quantity[] {
  return figuresIn(text).map((figure) => figure.quantity);
}

function sameCurrency(claimed: string | null, source: string | null): boolean {
  if (claimed === null) return true;
  if (source === null) return false;
  if (claimed === source) return true;
  const yenOrYuan = (code: string): boolean => code === 'JPY' || code === 'CNY';
  return (claimed === '¥' && yenOrYuan(source)) || (source === '¥' && yenOrYuan(claimed));
}

/**
 * Whether a source quantity supports a claimed one: the same value, or the source's value rounded
 * to the claim's precision (and within 10%: "$1 trillion" does not stand for "$1.4 trillion");
 * the same dimension and, when the claim names one, the same currency.
 */
export function supports(source: Quantity, claimed: Quantity): boolean {
  const difference = Math.abs(source.value - claimed.value);
  const tolerance = Math.max(Math.abs(source.value) * 1e-9, 1e-12);
  const equal = difference <= tolerance;
  const rounded = difference <= claimed.step / 2 + tolerance && difference <= Math.abs(source.value) * 0.1 + tolerance;
  if (!equal && !rounded) return false;
  if (claimed.bare) return true;
  if (claimed.dimension !== source.dimension) return false;
  return sameCurrency(claimed.currency, source.currency);
}

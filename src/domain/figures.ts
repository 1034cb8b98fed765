/** A number with its unit as written in a text: "21%", "$5.6 billion", "HK$29.6 billion", "120 bps". */
export interface Figure {
  text: string;
  /** Index of the figure in the text it was found in. */
  index: number;
  kind: 'percent' | 'money' | 'number';
}

const MAGNITUDE = String.raw`(?:\s?(?:trillion|billion|million|thousand|tn|bn|mn|m|k)\b)?`;
const CURRENCY_PREFIX = String.raw`(?:[A-Z]{1,3}\$|\$|€|£|¥|₹|Rs\.?\s?|USD\s?|EUR\s?|HKD\s?|RMB\s?|CNY\s?)`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const PERCENT_UNIT = String.raw`\s?(?:%|percent\b|per cent\b|percentage points?\b|basis points?\b|bps\b|pp\b)`;

const FIGURE_PATTERN = new RegExp(
  [
    `(?<money>${CURRENCY_PREFIX}(?:${NUMBER})${MAGNITUDE})`,
    `(?<percent>[-+−]?(?:${NUMBER})${PERCENT_UNIT})`,
    `(?<number>(?<![\\w.])(?:${NUMBER})${MAGNITUDE}(?:\\s?(?:yuan|dollars|euros|pounds|rupees|yen|shares|barrels|ounces|tonnes|points)\\b)?)`,
  ].join('|'),
  'gu',
);

/** Every figure in the text, in order. Years alone (1990–2099) count as plain numbers. */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(FIGURE_PATTERN)) {
    const groups = match.groups ?? {};
    const kind: Figure['kind'] = groups['money'] !== undefined ? 'money' : groups['percent'] !== undefined ? 'percent' : 'number';
    figures.push({ text: match[0].trim(), index: match.index, kind });
  }
  return figures;
}

/** Where and by whom a wire story was filed: `NEW YORK (Reuters) -` gives place NEW YORK, agency Reuters. */
export interface Dateline {
  place: string | null;
  agency: string | null;
}

const MONTH_NAMES = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/*
 * Optional byline, then an upper-case place (with an optional mixed-case region: "JUNEAU, Alaska"),
 * an optional date ("March 17"), an optional agency in parentheses, then a dash.
 */
const DATELINE = new RegExp(
  "^\\s*(?:[Bb][Yy]\\s+\\p{Lu}[\\p{L}.'’ -]{2,40}?\\s+(?=\\p{Lu}{2}))?" +
    "(?<place>\\p{Lu}[\\p{Lu}.'’&-]+(?!\\p{Ll})(?:[ /]+\\p{Lu}[\\p{Lu}.'’&-]*(?!\\p{Ll}))*" +
    '(?:,\\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d)\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+){0,2})?' +
    "(?:/\\p{Lu}[\\p{Lu}.'’&-]+(?!\\p{Ll})(?:[ ]\\p{Lu}[\\p{Lu}.'’&-]*(?!\\p{Ll}))*(?:,\\s*\\p{Lu}[\\p{L}.]+)?)*)?" +
    '(?:,?\\s*(?<month>\\p{Lu}\\p{Ll}{2,8}\\.?)\\s+(?<day>\\d{1,2})(?:,?\\s+\\d{4})?)?' +
    "\\s*(?:[-–—]\\s*(?=\\())?(?:\\((?<agency>\\p{Lu}[\\p{L}./&' -]{0,38})\\)|/(?<wire>\\p{Lu}[\\p{L}&' -]{1,30})/)?" +
    '\\s*(?<dash>[-–—]{1,2}|:)?\\s*',
  'u',
);

/**
 * Splits a wire dateline off the start of a story's first paragraph. Recognised when there is an
 * agency in parentheses, or an upper-case place with a date and a dash ("WASHINGTON, June 1 -").
 * Returns the paragraph unchanged (and `dateline: null`) otherwise.
 */
export function splitDateline(paragraph: string): { dateline: Dateline | null; rest: string } {
  const match = paragraph.match(DATELINE);
  const groups = match?.groups;
  if (!match || !groups) return { dateline: null, rest: paragraph };
  const place = groups['place']?.replace(/[-–—\s]+$/, '') || null;
  const agency = (groups['agency'] ?? groups['wire'])?.trim() ?? null;
  const month = groups['month'];
  const hasDate = month !== undefined && MONTH_NAMES.test(month);
  const placeLooksRight = place !== null && /\p{Lu}{3}/u.test(place) && place.length <= 60;
  const agencyLooksRight = agency !== null && agency.split(/\s+/).length <= 4 && !/^\p{Lu}[\p{Ll}]+ [\p{Ll}]/u.test(agency);
  const dashed = groups['dash'] !== undefined && groups['dash'] !== ':';
  const recognised = agencyLooksRight ? place === null || placeLooksRight : placeLooksRight && hasDate && dashed;
  if (!recognised) return { dateline: null, rest: paragraph };
  const rest = paragraph.slice(match[0].length).trim();
  if (rest === '') return { dateline: null, rest: paragraph };
  return { dateline: { place, agency: agencyLooksRight ? agency : null }, rest: capitaliseFirst(rest) };
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

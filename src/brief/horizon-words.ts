// The period a move covers, as a clause words it: "since Jan 17", "year to date", "in extended trading".
// Every pattern is anchored or bounded, so each runs in time linear in the text it reads.

/** "lower than it was this time last week". */
const THIS_TIME_LAST = /\bthis\s+time\s+last\s+(week|month|year)\b/i;
/** "since Jan 17", "since the start of the year", "since its debut". */
const SINCE =
  /\bsince\s+(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+(?:the\s+)?[\w-]+|(?:early|mid|late)[\s-]\w+|\p{Lu}[\w.]*(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|\d{4}|(?:its|their|the)\s+(?:[\w'’-]|\.(?=\w))+\.?(?:\s+(?!(?:with|an?|and|or|to|of|for|as|on|in|at|by|from|after|amid)\b)(?:[\w'’-]|\.(?=\w))+\.?){0,3}|(?:last|this)\s+\w+)/u;
/** Words that end a since-phrase's clause ("since Lewis announced the deal in September"). */
const SINCE_CLAUSE_END =
  /^(?:to|and|or|at|on|in|for|with|as|after|amid|while|but|from|by|against|versus|than|of|when|before|until|because|which|who|that|where|despite|following)$/i;
/** The most words a since-phrase is shown with. */
const SINCE_MAX_WORDS = 10;
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A name going on after "since <Name>": another capitalised word or a possessive. */
const NAME_GOES_ON = /^(['’]s\b|\s+\p{Lu}[\w.'’-]*)/u;
/** The last word of a date or a period ("since January 21", "since the start of the year"). */
const DATE_OR_PERIOD_WORD = new RegExp(`^\\d|^(?:(?:early|mid|late)-)?(?:year|month|week|quarter|day|${MONTHS})$`, 'i');
/** A clause after a since-name starts with a lower-case word ("took office") and may then name things ("the Merrill Lynch deal"). */
const CLAUSE_OPENS = /^\s+([\p{Ll}\d][\w'’.-]*)/u;
const CLAUSE_GOES_ON = /^\s+([\p{L}\d][\w'’.-]*)/u;

/**
 * A since-phrase that names an event goes on past what SINCE matched: the rest of a name
 * ("since Boxing Day", "since Buffett's purchase") and a clause after it ("since Lewis announced the
 * Merrill Lynch acquisition", "since Obama took office"), up to a preposition, a conjunction or a
 * mark. A date ("since January 21") or a period ("since the start of the year") stops where it is.
 */
function wholeSince(text: string, match: RegExpExecArray): string {
  const words = match[0].trim().split(/\s+/);
  let rest = text.slice(match.index + match[0].length);
  // The rest of a name, or its possessive: "Boxing Day", "Buffett's".
  let name = NAME_GOES_ON.exec(rest);
  while (name !== null && words.length < SINCE_MAX_WORDS) {
    const part = name[1] ?? '';
    if (/^['’]/.test(part)) words[words.length - 1] += part;
    else words.push(part.trim());
    rest = rest.slice(name[0].length);
    name = NAME_GOES_ON.exec(rest);
  }
  // Only after a name or an event ("the takeover deal was announced"), not after a date or a period.
  if (DATE_OR_PERIOD_WORD.test(words.at(-1) ?? '')) return words.join(' ');
  // The clause: lower-case words first ("announced"), then any ("the Merrill Lynch acquisition").
  const base = words.length;
  const wordAt = (from: string) => (words.length === base ? CLAUSE_OPENS : CLAUSE_GOES_ON).exec(from);
  for (let next = wordAt(rest); next !== null && words.length < SINCE_MAX_WORDS; next = wordAt(rest)) {
    const word = (next[1] ?? '').replace(/\.$/, '');
    if (SINCE_CLAUSE_END.test(word)) break;
    words.push(word);
    rest = rest.slice(next[0].length);
    if (/\.$/.test(next[1] ?? '') && !/\.\w/.test(next[1] ?? '')) break;
  }
  // Not ending on an article or a possessive pronoun ("since Lewis announced the").
  while (words.length > base && /^(?:the|a|an|its|their|his|her)$/i.test(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

/** A superlative or a first time a few words before "since": the clause states a record. */
const RECORD_BEFORE =
  /\b(?:worst|best|biggest|largest|highest|lowest|steepest|sharpest|strongest|weakest|heaviest|deepest|greatest|smallest|longest|most|least|first)\b(?:\s+[\w'’-]+){0,3}\s*$/i;

/**
 * "For November, the S&P ended down 0.5 percent", "down 2 percent for October", "For the month of
 * March alone, …": a month after "for" is the move's period where it opens the text read (a clause,
 * the words before a figure, a sentence's opening) or follows a comma or the figure right away.
 * Elsewhere it dates something else ("a listing planned for March"), and a contract month ("crude for
 * March delivery") is no period at all.
 */
const FOR_MONTH = new RegExp(
  `(?<=^\\s*|[,;]\\s*)for\\s+(?:the\\s+month\\s+of\\s+)?(?:${MONTHS})(?:\\s+\\d{4})?\\b(?!\\s+(?:delivery|contracts?|futures|options|settlement|shipments?|loading)\\b)`,
);

const HORIZON_PATTERNS: readonly RegExp[] = [
  SINCE,
  THIS_TIME_LAST,
  FOR_MONTH,
  /\b(?:so\s+far\s+)?(?:this|last)\s+(?:year|month|week|quarter)\b/i,
  /\bso\s+far\s+in\s+\d{4}\b/i,
  /\b(?:year|month|quarter)[\s-]to[\s-]date\b|\bYTD\b/,
  /\b(?:on|for|over|during)\s+the\s+(?:week|month|year|quarter|session|day)\b/i,
  /\bin\s+the\s+(?:(?:first|second|third|fourth|final|latest|last)\s+)?(?:quarter|half)\b|\bin\s+the\s+year\s+to\s+\w+/i,
  /\bin\s+(?:the\s+)?(?:extended(?:[\s-]hours)?|after[\s-]hours|premarket|pre-market|late|early|overnight|electronic|grey[\s-]market|gray[\s-]market|morning|afternoon|midday|lunchtime|opening|thin|holiday-thinned)\s+trad(?:e|ing)\b/i,
  // "from its peak", "from a 12-year low", and a possessive: "from March's closing low", "from last year's high".
  /\b(?:from|off|below|above)\s+(?:its|their|a|the|that|this|(?:(?:the|last|this)\s+)?[\p{L}\d&.-]+['’]s)\s+(?:[\w$.,-]+\s+){0,2}(?:peak|high|highs|low|lows|record|top|level|close|price|debut)\b/iu,
  /\b(?:in|over|within)\s+(?:the\s+)?(?:past|last|previous|first)\s+(?:\w+\s+){0,2}(?:hours?|days?|weeks?|months?|years?|sessions?|half|quarter)\b/i,
  /\bin\s+(?:\w+\s+){0,2}(?:straight\s+|consecutive\s+)?(?:sessions|hours|days|weeks|months)\b/i,
  /\bthroughout\s+(?:\d{4}|the\s+(?:year|month|week|quarter|session|day))\b|\bover\s+the\s+course\s+of\s+the\s+(?:year|month|week|quarter|session|day)\b/i,
  /\bthe\s+(?:last|previous)\s+session\b/i,
  new RegExp(`\\bin\\s+(?:\\d{4}|${MONTHS})\\b`),
  /\bin\s+(?:its|their)\s+(?:(?:stock\s+)?market\s+|trading\s+)?debut\b/i,
];

/** The period a move covers, as the clause words it ("since Jan 17", "year to date"), else null. */
export function horizonIn(written: string): string | null {
  const text = written.replace(TITLE_CASE_TIME_WORD, (word) => word.toLowerCase());
  let best: { at: number; text: string } | null = null;
  for (const pattern of HORIZON_PATTERNS) {
    const match = pattern.exec(text);
    if (match === null || (best !== null && match.index >= best.at)) continue;
    // "its worst day since the 1987 crisis", "the lowest level since 2003": a record, not the move's period.
    if (pattern === SINCE && RECORD_BEFORE.test(text.slice(Math.max(0, match.index - 60), match.index))) continue;
    best = { at: match.index, text: (pattern === SINCE ? wholeSince(text, match) : match[0]).trim().replace(/[.,;:]+$/, '') };
  }
  if (best === null) return null;
  // "since new shares were issued in February 2006": a period inside a since-clause SINCE cannot
  // read is that clause's, not the move's; no horizon is better than "in February".
  // A record's since ("its highest since 2003 in extended trading") says nothing of the move's period.
  const since = /\bsince\b/i.exec(text);
  const record = since !== null && RECORD_BEFORE.test(text.slice(Math.max(0, since.index - 60), since.index));
  if (since !== null && !record && since.index < best.at && !/^since\b/i.test(best.text)) return null;
  // "8.8% lower than it was this time last week": shown as "from this time last week".
  const timeLast = THIS_TIME_LAST.exec(best.text);
  if (timeLast?.[1] !== undefined) return `from this time last ${timeLast[1].toLowerCase()}`;
  // "The last session saw LTC drop 0.7%": shown as "in the last session".
  if (/^the\s+(?:last|previous)\s+session$/i.test(best.text)) return `in ${best.text.toLowerCase()}`;
  return /^(?:So|This|Last|Since|In|On|For|Over|From|Off|Below|Above|Within|During|Throughout)\b/.test(best.text)
    ? best.text[0]?.toLowerCase() + best.text.slice(1)
    : best.text;
}

/**
 * Words of a period that a headline capitalises ("Up 12% Since March", "In Last Week") but prose does
 * not: read and shown in lower case. Not "Day" (Boxing Day), nor months, weekdays and acronyms.
 */
const TITLE_CASE_TIME_WORD =
  /\b(?:The|Last|Past|Previous|Next|This|Week|Weeks|Month|Months|Year|Years|Hour|Hours|Session|Sessions|Quarter|Quarters|Trading|Trade|Early|Late|To|Date|Far|So|Since|In|On|For|Over|From|During|Within|Throughout|Half|First|Second|Third|Fourth|Straight|Consecutive|Morning|Afternoon|Midday|Premarket|Extended|Debut|Start|Beginning|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve)\b/g;

/** A clause that is only a time phrase ("Since January", "So far this year") lends its horizon to the next. */
export function isTimePhrase(text: string): boolean {
  const horizon = horizonIn(text);
  return horizon !== null && text.trim().length <= horizon.length + 12;
}

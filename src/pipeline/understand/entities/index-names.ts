// Where an index's name names something else: the firm that compiles it ("S&P cut its rating"), the
// publication of its name ("the Nikkei said"), or another index of its family ("the S&P energy index").
import type { Token } from '../name-keys/index.ts';
import type { TokenContext } from './context.ts';

// "The Nikkei said", "Dow Jones Newswires": an index does not report; the publication of its name does. And
// "Nasdaq Composite-listed", "FTSE 100-based": hyphened to a lower-case word, its name only describes something else.
const PUBLICATION_CUES = /^(said|says|reported|reports|quoted|cited|newspaper|daily|business|newswires?)$/;

// An index is named after the firm that compiles it ("S&P", "FTSE", "Nikkei"), and news about the
// firm names it alone: an index neither rates debt nor has analysts, and "the S&P energy index" is
// another index of the same family.
const ORGANISATION_ACTS =
  /^(cut|cuts|downgraded?|downgrades|upgraded?|upgrades|lowered|affirmed|affirms|revised|rated|rates|rating|ratings|analysts?|assigned|placed|warned|kept|expects|estimates)$/;
/** Words that may sit between a name and its verb: "S&P on Friday cut its rating". */
const TIME_WORDS = /^(on|late|earlier|also|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Words between a family's name and "index" that do not make another index: "the S&P 500 stock index". */
const SAME_INDEX_WORDS =
  /^(stock|stocks|share|shares|equity|equities|benchmark|composite|main|broad|broader|key|blue|chip|futures|industrial|industrials|average)$/;
const RATING_AGENCY_AFTER = /^\s*(?:,|and|or|&)\s*(?:Moody|Fitch)/;
const RATING_AGENCY_BEFORE = /(?:Moody['’]s|Fitch)(?:\s+(?:Investors\s+Service|Ratings))?\s*(?:,|and|or|&)\s*(?:the\s+)?$/;

/** "S&P said", "S&P on Friday cut its rating", "an S&P analyst": the firm acting, within a few words. */
function actsAsOrganisation(context: TokenContext, end: number): boolean {
  for (let position = end; position < Math.min(end + 4, context.tokens.length); position += 1) {
    const key = (context.tokens[position] as Token).key;
    if (ORGANISATION_ACTS.test(key)) return true;
    if (!TIME_WORDS.test(key)) return false;
  }
  return false;
}

/** Words that close an index's name ("… 500 Index", "… Industrial Average"). */
const INDEX_HEADS = /^(index|indices|indexes|average|composite)$/;

/** "The Standard & Poor's 500 Index": a head word after an index's name is part of it, not the start of another name. */
export function closesIndexName(token: Token): boolean {
  return INDEX_HEADS.test(token.key);
}

/**
 * "The S&P energy index", "the S&P Insurance Index .GSPINSC", "the STOXX Europe 600 banking index": a
 * sector index of the same family, which no list holds. The token after "index", or -1.
 */
export function anotherIndexEnd(context: TokenContext, end: number): number {
  let words = 0;
  for (let position = end; position < Math.min(end + 6, context.tokens.length); position += 1) {
    const token = context.tokens[position] as Token;
    // A code in brackets or a RIC (".FTEU3") between the name and "index" is part of the name.
    const before = context.text.charCodeAt(token.start - 1);
    if (before === 0x2e || before === 0x28 || token.text === ')') continue;
    if (token.key === 'index' || token.key === 'indices' || token.key === 'indexes') return words > 0 ? position + 1 : -1;
    if (token.shape === 'number' || SAME_INDEX_WORDS.test(token.key) || words === 3) return -1;
    words += 1;
  }
  return -1;
}

/** "ratings from S&P, Moody's and Fitch": the rating agency beside its peers. */
function besideRatingAgency(context: TokenContext, first: number, end: number): boolean {
  const start = (context.tokens[first] as Token).start;
  const after = (context.tokens[end - 1] as Token).end;
  return RATING_AGENCY_AFTER.test(context.text.slice(after, after + 16)) || RATING_AGENCY_BEFORE.test(context.text.slice(Math.max(0, start - 40), start));
}

/** Whether the index name at tokens [first, end) names the firm, the publication or a description rather than the index. */
export function namesSomethingElse(context: TokenContext, first: number, end: number): boolean {
  const last = context.tokens[end - 1] as Token;
  const next = context.tokens[end];
  if (next !== undefined && (PUBLICATION_CUES.test(next.key) || (last.hyphenAfter && next.shape === 'lower'))) return true;
  return actsAsOrganisation(context, end) || besideRatingAgency(context, first, end);
}

// The period a mover's figure covers, read from its clause and the sentence around it.
import { horizonIn, isTimePhrase, MONTHS } from './horizon-words.ts';
import { hasMove } from './move-grammar.ts';
import type { Figure } from './mover-figures.ts';

/** The horizon after the figure (up to the next figure), else before it in its clause, else a lone time phrase before the clause. */
export function horizonOf(clause: string, figure: Figure, figures: readonly Figure[], leadIn: string | null): string | null {
  const next = figures.find((other) => other.index > figure.index);
  const last = figures.at(-1);
  const tail = clause.slice(figure.end, next?.index ?? clause.length);
  // Coordinated figures ("1.4% and 1.1% this week") share the horizon after the last of them.
  const shared = next !== undefined && /^\s*(?:,|and|,\s*and)\s*$/i.test(tail) && last !== undefined ? clause.slice(last.end) : tail;
  // Before the figure, not inside a relative clause that closed before it: "BP stock, which lagged
  // rivals by 16 percent last year, jumped 2 percent" is no move of last year.
  const prefix = clause.slice(0, figure.index);
  let from = 0;
  for (const closed of prefix.matchAll(CLOSED_RELATIVE)) from = (closed.index ?? 0) + closed[0].length;
  const before = prefix.slice(from);
  return horizonIn(nearTail(shared)) ?? horizonIn(before) ?? leadIn;
}

/** A relative clause set off by commas: ", which lagged rivals by 16 percent last year,". */
const CLOSED_RELATIVE = /(?:^|,)\s*(?:which|who|whose)\b[^,]{0,200},/g;

/** A sentence's words up to its first comma, when few: where a time phrase for the whole sentence stands. */
const SENTENCE_OPENING = /^\s*([^,;]{3,40}),/;
/** A clause that names its day has its own time ("while Ethereum rose 3% on Monday"). */
const OWN_DAY = /\b(?:(?:on|by|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+day)|today|yesterday|overnight)\b/i;

/** Words after a figure that can still say its period. */
const NEAR_WORDS = 8;

/**
 * The words right after a figure that can still say its period: up to a comma, a new clause
 * ("after the maker reported … in 2009" tells why, not over what period) and a few words at most.
 */
function nearTail(tail: string): string {
  // "rose 30 cents, or 2.3 percent, in extended trading", "0.6 percent, to $42.36 in premarket trading":
  // a comma right after the figure before its level or period does not end what is said of it.
  const clause = tail.replace(/^\s*,\s*(?=(?:to|at)\s+[$€£¥\d]|in\s)/, ' ').split(/[,;]\s+(?!\d)/)[0] ?? '';
  const cut =
    /\b(?:after|as|because|when|while|which|who|(?<!\b(?:from|off|since|below|above)\s)that|where|amid|following|but|than(?!\s+(?:(?:it|they)\s+(?:was|were)\s+)?this\s+time\s+last\b)|despite|on\s+(?:news|hopes|fears|worries|concerns|reports))\b(?!-)/i.exec(
      clause,
    );
  const near = cut === null ? clause : clause.slice(0, cut.index);
  // Eight words, or up to ten past a "since" among them ("against the euro since the start of the year").
  const words = near.trim().split(/\s+/);
  const since = words.slice(0, NEAR_WORDS).findIndex((word) => /^since$/i.test(word));
  return words.slice(0, since === -1 ? NEAR_WORDS : since + 10).join(' ');
}

/**
 * A time phrase opening the sentence before a comma ("For the year, the Dow is up 9.9 percent, while
 * the S&P 500 is up 8.8 percent"): the period of each of its clauses that states none of its own.
 */
export function sentencePeriod(sentence: string): string | null {
  const opening = SENTENCE_OPENING.exec(sentence)?.[1];
  if (opening !== undefined && isTimePhrase(opening)) return horizonIn(opening);
  // "For the week the Dow rose 2 percent, the S&P 500 gained 1.5 percent": without a comma.
  const bare = OPENING_PERIOD.exec(sentence)?.[0];
  return bare === undefined ? null : horizonIn(bare);
}

/** A period that opens a sentence with no comma after it ("For July the Dow gained…", "For the week the Dow rose…"). */
const OPENING_PERIOD = new RegExp(
  `^\\s*(?:for|on|over)\\s+(?:the\\s+(?:week|month|year|quarter)|(?:the\\s+month\\s+of\\s+)?(?:${MONTHS})(?:\\s+\\d{4})?)\\b(?!\\s*,)(?=\\s+(?:the\\s+)?\\p{Lu})`,
  'iu',
);

/** The sentence's period for a clause, unless the clause names its own day. */
export function clausePeriod(clause: string, sentenceLead: string | null): string | null {
  return OWN_DAY.test(clause) ? null : sentenceLead;
}

/** "in that time", "over the same period": the clause refers to a period stated before it. */
const SAME_PERIOD = /\b(?:in|over|during|for|within)\s+(?:that|the\s+same|this)\s+(?:time|period|span|stretch|timeframe|time\s+frame)\b/i;
/** Right before the move word, a standing state ("is down", "are up", "has gained", "have now lost"): a level reached over some period. */
const STANDING = /\b(?:is|are|has|have|remains?)\s+(?:(?:now|still|already|also|been|so\s+far)\s+)*$/i;
/** A text about the market's moves: a percentage or a market noun ("Stocks have had a bad run for the year so far"). */
const MARKET_WORDS = /\d\s?(?:%|percent|per cent)|\b(?:stocks|shares|index|indexes|indices|markets?|prices)\b/i;

/** A text's parts that may each state a period of their own: between commas, semicolons, "and" and "while". */
function periodParts(text: string): string[] {
  return text.split(/[,;]|\band\b|\bwhile\b/i);
}

/** The last period a text states, in the last of its comma- or "and"-separated parts that has one, and that part. */
function lastPeriod(text: string): { period: string; part: string } | null {
  const parts = periodParts(text);
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    const part = parts[index] ?? '';
    const period = horizonIn(part);
    if (period !== null) return { period, part };
  }
  return null;
}

/**
 * The period of a figure whose clause states none, carried from what was said just before it (the
 * sentence's earlier clauses, else the previous sentence), when the clause says it is the same
 * period ("rising about 50 percent in that time": any period stated before) or states a standing
 * level after a move over a period ("Stocks are down sharply for the year so far. The Dow is down 8
 * percent": for the year; the period's own words must state a move or a percentage, so "paring the
 * losses of the past year" lends nothing). A past move ("Citigroup gained 0.9 percent") and a clause
 * naming its own day keep no period. Undefined when the clause refers to a period that nothing before
 * states: the move's period is unknown.
 */
export function carriedPeriod(clause: string, moveAt: number, sentenceBefore: string, previousSentence: string): string | null | undefined {
  const same = SAME_PERIOD.test(clause);
  if (!same && (OWN_DAY.test(clause) || !STANDING.test(clause.slice(0, moveAt)))) return null;
  for (const said of [sentenceBefore, previousSentence]) {
    if (!MARKET_WORDS.test(said)) continue;
    const last = lastPeriod(said);
    if (last === null) continue;
    if (same || /\d\s?(?:%|percent|per cent)/i.test(last.part) || hasMove(last.part, 'up') || hasMove(last.part, 'down')) return last.period;
  }
  return same ? undefined : null;
}

/** A move a sentence stated: the type of what moved and the period it was given (null: none). */
export interface StatedMove {
  type: string;
  horizon: string | null;
}

/** A sentence and what it said: the moves credited in it, and how many of its figures had a move word. */
export interface SaidBefore {
  sentence: string;
  moves: StatedMove[];
  figures: number;
}

/** The move being read: its sentence and clause, where its subject starts, its type and how many figures its clause states. */
export interface NextMove {
  sentence: string;
  clause: string;
  subjectAt: number;
  type: string;
  figures: number;
}

/** Before the subject of a sentence that goes on with a list: "But the", "The broad", "And the tech-heavy". */
const LIST_GOES_ON = /^\s*(?:(?:but|and|meanwhile)\s+)?(?:the\s+)?(?:[\p{Ll}&-]+\s+){0,3}$/iu;
/** A word that says when, or that the move is a day's or a session's: the sentence has a time of its own. */
const TIME_WORD =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|overnight|session|intraday|day|daily|morning|afternoon|earlier|now|week|weekly|month|year|quarter)\b/i;

/** Whether a sentence states no period but the one that opens it ("For the week, the Dow lost 4.2 percent and …"). */
function onlyPeriod(sentence: string, period: string): boolean {
  return periodParts(sentence).every((part) => {
    const stated = horizonIn(part);
    return stated === null || stated === period;
  });
}

/**
 * The period of a move that goes on with the list of moves the sentence before opened with a period
 * ("For the week, the Dow lost 4.2 percent and the S&P 500 slid 4.4 percent. The Nasdaq tumbled 5.9
 * percent.": the Nasdaq's is for the week too): the sentence before opens with a period, states no
 * other, and every move in it was given that period and is of the same kind as this one (indices
 * after indices: "… RIM jumped 4.4 percent" after the indices' week is a company's day); this
 * sentence is one clause whose subject opens it, with no time word and no figure but its move (a
 * level or a point change is a session's report, "The broader Topix fell 0.12 percent to 1,774.53").
 */
export function continuedPeriod(before: SaidBefore | null, move: NextMove): string | null {
  if (before === null || before.moves.length === 0 || before.moves.length !== before.figures) return null;
  const opening = sentencePeriod(before.sentence);
  if (opening === null || !onlyPeriod(before.sentence, opening)) return null;
  if (!before.moves.every((said) => said.type === move.type && said.horizon === opening)) return null;
  if (move.figures !== 1 || move.clause.trim() !== move.sentence.trim() || TIME_WORD.test(move.sentence)) return null;
  return LIST_GOES_ON.test(move.clause.slice(0, move.subjectAt)) ? opening : null;
}

/** The clause before the one being read in its sentence: its text and end, the periods its moves were given, and whether by a contrast. */
export interface ClauseBefore {
  text: string;
  end: number;
  horizons: (string | null)[];
  contrast: boolean;
}

/**
 * A period that is the same for every move stated over it: a calendar one ("this year", "so far in
 * 2008", "in 2012", "for the week", "year to date") or a window back from now ("in the past year",
 * "over the past 24 hours"); not one of the subject's own ("since the deal was announced").
 */
const SHARED_PERIOD =
  /^(?:so\s+far\s+)?(?:this|last)\s+(?:year|month|week|quarter)$|^so\s+far\s+in\s+\d{4}$|^in\s+\d{4}$|^(?:year|month|quarter)[\s-]to[\s-]date$|^YTD$|^(?:for|on|over|during)\s+the\s+(?:week|month|year|quarter)$|^since\s+the\s+(?:start|beginning)\s+of\s+the\s+year$|^(?:in|over|within)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?)$/i;
/** A calendar month ("for October", "for the month of March"): shared like "in 2012". */
const SHARED_MONTH = new RegExp(`^for\\s+(?:the\\s+month\\s+of\\s+)?(?:${MONTHS})(?:\\s+\\d{4})?$`);
/** What joins a clause to the one before it in a contrast: ", while", "whereas". */
const CONTRAST_JOIN = /^\s*,?\s*(?:while|whereas)\s*$/i;
/** "… while the S&P 500 fell 1.1 percent and the Nasdaq slipped 0.6 percent": the contrast's side goes on. */
const AND_JOIN = /^\s*,?\s*and\s*$/i;

/** The one period a clause's moves were given, or else the one its words state next to a move and a percentage. */
function periodOf(before: ClauseBefore): string | null {
  if (before.horizons.length > 0) {
    const first = before.horizons[0] ?? null;
    return before.horizons.every((horizon) => horizon === first) ? first : null;
  }
  // "The TSX was up 4 percent in 2012": a move whose owner the reference does not know still states its period.
  const text = before.text;
  if (!/\d\s?(?:%|percent|per cent)/i.test(text) || !(hasMove(text, 'up') || hasMove(text, 'down'))) return null;
  return horizonIn(text);
}

/**
 * The period of a move contrasted with one over a period all share (SHARED_PERIOD) ("USG has fallen 60 percent this
 * year, while the S&P 500 sank 36 percent": the S&P 500's is this year's too), when this clause has
 * no time word of its own ("This year, Bitcoin is up 40%, while Ethereum rose 3% on Monday" keeps
 * Ethereum's none). The contrast's side may go on with "and" ("…, while the S&P 500 fell 1.1 percent
 * and the Nasdaq slipped 0.6 percent"). A period of the subject's own ("since the deal was announced",
 * "in early trade") is not carried: it may not be the other side's.
 */
export function contrastPeriod(before: ClauseBefore & { between: string }, clause: string): string | null {
  if (!(CONTRAST_JOIN.test(before.between) || (before.contrast && AND_JOIN.test(before.between))) || TIME_WORD.test(clause)) return null;
  const period = periodOf(before);
  return period !== null && (SHARED_PERIOD.test(period) || SHARED_MONTH.test(period)) ? period : null;
}

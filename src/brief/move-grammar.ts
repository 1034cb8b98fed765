// The small grammar of a market move, as news writes it: "<subject> <move verb> [qualifier] <N%>
// [horizon]". Used to decide whose move a percentage is, and whether it is a price move at all.
// Every pattern is anchored or bounded, so each runs in time linear in the clause it reads.

const UP_WORDS =
  'rose|rise[sn]?|rising|increas(?:ed|ing)|climb(?:ed|s|ing)?|gain(?:ed|s|ing)?|jump(?:ed|s|ing)?|surg(?:e|ed|es|ing)|rall(?:y|ied|ies|ying)|soar(?:ed|s|ing)?|advanc(?:e|ed|es|ing)|rebound(?:ed|s|ing)?|up|higher|added|adding|spik(?:e|ed|es|ing)|leap(?:t|ed|s|ing)?|firm(?:ed|s|ing)?|strengthen(?:ed|s|ing)?|appreciat(?:e|ed|es|ing)|edg(?:e|ed|es|ing) up|ticked up|ended up|closed up';
const DOWN_WORDS =
  'fell|fall(?:s|ing|en)?|decreas(?:ed|ing)|drop(?:ped|s|ping)?|declin(?:e|ed|es|ing)|slump(?:ed|s|ing)?|plung(?:e|ed|es|ing)|plummet(?:ed|s|ing)?|tumbl(?:e|ed|es|ing)|sli(?:d|de|des|ding)|lost|los(?:e|es|ing)|down|lower|sank|sink(?:s|ing)?|shed(?:ding|s)?|slipp(?:ed|ing)|slips?|crash(?:ed|es|ing)?|retreat(?:ed|s|ing)?|skid(?:ded|s|ding)?|dipp(?:ed|ing)|dips?|weaken(?:ed|s|ing)?|depreciat(?:e|ed|es|ing)|eas(?:e|ed|es|ing)|edg(?:e|ed|es|ing) down|ticked down';
/** One move word, e.g. to tell "oil rose" (the asset moved) from "oil field" (a modifier). */
export const MOVE_WORD = new RegExp(`^(?:${UP_WORDS}|${DOWN_WORDS})$`, 'i');
const UP = new RegExp(`^(?:${UP_WORDS})$`, 'i');
const DOWN = new RegExp(`^(?:${DOWN_WORDS})$`, 'i');

const UP_SOMEWHERE = new RegExp(`(?<![\\p{L}-])(?:${UP_WORDS})(?![\\p{L}-])`, 'iu');
const DOWN_SOMEWHERE = new RegExp(`(?<![\\p{L}-])(?:${DOWN_WORDS})(?![\\p{L}-])`, 'iu');

/** Which way one word moves ("tumbled": down, "rallies": up), or null for a word that is no move. */
export function moveDirection(word: string): 'up' | 'down' | null {
  if (UP.test(word)) return 'up';
  return DOWN.test(word) ? 'down' : null;
}

/** Whether a text has a move word going `direction` anywhere ("Stocks tumbled" has one going down). */
export function hasMove(text: string, direction: 'up' | 'down'): boolean {
  return (direction === 'up' ? UP_SOMEWHERE : DOWN_SOMEWHERE).test(text);
}

/** The directions a headline's single move words point ("Apple Jumps 5%": up), to tell two moves apart. */
export function moveDirectionsIn(text: string): Set<'up' | 'down'> {
  const directions = new Set<'up' | 'down'>();
  for (const [word] of text.matchAll(/\p{L}+/gu)) {
    const direction = moveDirection(word);
    if (direction !== null) directions.add(direction);
  }
  return directions;
}
/** Words allowed between the move verb and its figure: "fell almost 10 percent", "rose by a further 2%". */
const QUALIFIER =
  /^(?:by|of|or|\$?[\d.,]+|cents?|pence|points?|nearly|almost|about|around|roughly|some|just|over|under|than|more|less|as|much|a|an|further|another|additional|full|whopping|sharp|steep|modest|hefty|solid|staggering|[a-z]+ly)$/i;
const MAX_QUALIFIERS = 4;
/** Verbs that give a move back: before a move noun ("shed gains", "pared losses") the figure is that earlier move's. */
const REVERSAL =
  /^(?:shed|sheds|shedding|pared|pares|paring|pare|trimmed|trims|trimming|erased|erases|erasing|reversed|reverses|reversing|wiped|cut|cuts|cutting)$/i;
/** "1.5 percent higher": a comparative right after the figure. */
const COMPARATIVE_AFTER = /^\s+(higher|lower)\b(?!\s+than\b(?!\s+(?:(?:it|they)\s+(?:was|were)\s+)?this\s+time\s+last\b))/i;
/** Verbs of where a price stands or ended, then at most a qualifier, right before the figure: "closed", "was trading nearly". */
const STANDS_BEFORE =
  /\b(?:closed|closing|ended|ending|finished|finishing|settled|settling|trading|traded|trade|trades|opened|opening|stood|was|were|is|are|quoted|last)(?:\s+(?:up|down|about|around|nearly|almost|some|roughly|just|a|an|more\s+than|less\s+than))?\s+$/i;
/** "a 5% drop in", "posted a 3 percent gain": the move noun right after the figure. */
const MOVE_NOUN_AFTER = /^[\s-]+(gain|rise|jump|rally|surge|advance|increase|climb|drop|fall|decline|slide|slump|plunge|loss|tumble|decrease|dip)s?\b/i;
const NOUN_UP = /^(?:gain|rise|jump|rally|surge|advance|increase|climb)$/i;

/**
 * Words that make the figure something other than the price or level of a traded instrument:
 * results, stakes, shares of a market, forecasts, ratios, spreads, yields, macro data, deal terms.
 * Looked for in the clause up to the figure and right after it.
 */
const MEASURE =
  /\b(?:profits?|earnings|income|revenues?|sales|turnover|margins?|ebitda|eps|per[\s-]share|dividends?|payouts?|stakes?|holdings?|share\s+of|market\s+share|owns|owned|forecasts?|outlook|guidance|estimates?|estimated|targets?|expect(?:s|ed|ations?)?|predict(?:s|ed)?|projected|ratios?|yields?|spreads?|growth|output|production|exports?|imports?|inflation|unemployment|jobless|gdp|payrolls?|volumes?|orders|deliveries|shipments|costs?|expenses|spending|debt|loans|deposits|assets|capital|capex|premium|discount|valuation|bid|offer|tax|fees|rates?|workforce|jobs|staff|employees|subscribers|users|listings|traffic|passengers|capacity|investment|budget|bonus|salary|pay|wages|funding|buyback|net\s+loss|operating\s+loss|quarterly|year[\s-](?:on|over)[\s-]year|y\/y|from\s+a\s+year|than\s+a\s+year|a\s+year\s+(?:earlier|ago)|same\s+(?:period|quarter|month)|could|would|might|may|will|plans?\s+to|aims?\s+to|poll|survey|analysts?\s+(?:said|say|expect)|averag(?:ed|es|ing)|compensation|pay\s+package|contribution|orders|bookings|backlog|reserves?|holdings|balances?|accounts?)\b/i;
/** "rose 4 percent to $1.29 billion": a sum that large is a result, not a share price. */
const TO_SUM = /^\s*,?\s*(?:to|at)\s+(?:a\s+)?(?:record\s+)?(?:[A-Z]{0,3}[$€£¥]|(?:US|C|A|HK)\$)?\s?[\d.,]+\s*(?:billion|million|trillion|bln|mln|bn|m)\b/;
/**
 * Prices are a measure of a company ("cut prices 10%") but the move itself of a commodity or crypto;
 * a company's own "stock price" or "share price" is its move ("Coinbase Stock Price Jumps 12%").
 */
const PRICE_WORD = /(?<!\b(?:stock|share)\s+)\bprices?\b/i;
/** What right after the figure turns it into a share of something: "5% of the company". */
const PART_OF = /^\s*(?:of|stake|holding|owned|share)\b/i;

/** Splits a clause into words with their offsets (letters, digits, and joined punctuation). */
function wordsBefore(text: string): string[] {
  return text.split(/[\s,]+/).filter((word) => word !== '');
}

export interface MoveWord {
  direction: 'up' | 'down';
  /** Where the move word starts in the clause. */
  at: number;
}

/**
 * The move verb that governs a figure: the figure must follow the verb with only qualifiers
 * between ("fell almost 10 percent", "up 3%"), or be followed by a move noun ("a 5% drop").
 */
export function moveWordOf(clause: string, figureAt: number, figureEnd: number): MoveWord | null {
  const before = clause.slice(Math.max(0, figureAt - 80), figureAt);
  const words = wordsBefore(before);
  for (let back = 1, qualifiers = 0; back <= words.length && qualifiers <= MAX_QUALIFIERS; back += 1) {
    const word = (words[words.length - back] ?? '').replace(/[^\p{L}-]/gu, '');
    const pair = back < words.length ? `${(words[words.length - back - 1] ?? '').toLowerCase()} ${word.toLowerCase()}` : '';
    const isUp = UP.test(word) || UP.test(pair);
    const isDown = !isUp && (DOWN_TEST.test(word) || DOWN_TEST.test(pair));
    if (isUp || isDown) {
      // "shed gains of 3 percent", "pared losses of 2%": an earlier move given back, not one made.
      if (REVERSAL.test(words[words.length - back - 1] ?? '') && /s$/i.test(word)) return null;
      const at = figureAt - (before.length - before.lastIndexOf(word));
      return { direction: isUp ? 'up' : 'down', at: Math.max(0, at) };
    }
    if (!QUALIFIER.test(word) && !QUALIFIER.test((words[words.length - back] ?? '').replace(/[,;]$/, ''))) break;
    qualifiers += 1;
  }
  // "closed 1.5 percent higher", "was trading 2% lower": a comparative after the figure, after a verb of where a price stands.
  const comparative = COMPARATIVE_AFTER.exec(clause.slice(figureEnd, figureEnd + 48));
  if (comparative?.[1] !== undefined && STANDS_BEFORE.test(before)) return { direction: /^higher$/i.test(comparative[1]) ? 'up' : 'down', at: figureEnd };
  const noun = MOVE_NOUN_AFTER.exec(clause.slice(figureEnd, figureEnd + 24));
  if (noun?.[1] !== undefined) {
    if (/^loss$/i.test(noun[1])) return null; // "a 5% loss" is as often a result as a move
    return { direction: NOUN_UP.test(noun[1]) ? 'up' : 'down', at: figureEnd };
  }
  return null;
}
const DOWN_TEST = new RegExp(`^(?:${DOWN_WORDS})$`, 'i');

/** True when the figure is a percentage (not basis points or percentage points). */
export function isPercentMove(figureText: string): boolean {
  return /(?:%|\bpercent|\bper cent)$/i.test(figureText.trim());
}

/**
 * The month May after a preposition or before a day ("in May", "for the month of May", "mid-May",
 * "May 5"): a date, not the modal "may" MEASURE reads as a forecast. Case-sensitive.
 */
const MONTH_MAY = /(?<=\b(?:in|for|of|since|until|by|from|to|through|early|mid|late|end)\s+|\bmid-)May\b|\bMay(?=\s+\d)/g;

/** Whether a text has a measure word, the month May read as a month. */
function hasMeasure(text: string): boolean {
  return MEASURE.test(text.replace(MONTH_MAY, 'month'));
}

/** "…its production fell 53%, while Nissan logged a 22% decline": a bare move noun shares the sentence's measure. */
export function sentenceMeasures(sentence: string): boolean {
  return hasMeasure(sentence);
}

/** Whether a measure word makes the figure something other than a price move. */
export function measureBlocks(clause: string, figureAt: number, figureEnd: number, priceIsMove: boolean): boolean {
  const before = clause.slice(0, figureAt);
  const after = clause.slice(figureEnd, figureEnd + 40);
  if (PART_OF.test(after) || TO_SUM.test(after)) return true;
  // "underperforming a 9.4 percent tumble by the Nikkei": the figure is another instrument's move.
  if (COMPARED.test(before.slice(-48)) || NOUN_MOVE_OF.test(after)) return true;
  if (hasMeasure(before) || hasMeasure(after.split(/[,;]/)[0] ?? '')) return true;
  return !priceIsMove && PRICE_WORD.test(before);
}

/** A comparison just before the figure: the figure is the benchmark's, not the subject's. */
const COMPARED = /\b(?:underperform\w*|outperform\w*|compared\s+(?:with|to)|versus|vs\.?|than|lagg\w*|trail\w*|beat(?:ing)?|against)\b[^,;]*$/i;
/** "a 9.4 percent tumble by/in/of X": a move noun after the figure names whose move it is. */
const NOUN_MOVE_OF =
  /^\s*(?:percent|per\s+cent|%)?\s*(?:\w+\s+)?(?:tumble|fall|drop|decline|slump|slide|plunge|rise|gain|jump|rally|surge|advance|climb|loss)e?s?\s+(?:by|in|of|for|at)\b/i;

const CLAUSE_BREAK =
  /;|,?\s+(?:and|but|while|whereas|as|after|because|when|before|until|since|so)\s+(?=(?:they|it|he|she|we|these|those|this)\s)|,?\s+(?:and|but|while|whereas|although|though|as|after|because|when|before|with|even\s+as)\s+(?=(?:the\s+|its\s+|shares\s+(?:of|in)\s+)?\p{Lu})|,?\s+(?:while|whereas|although|though)\s+|,\s+(?=(?:the|its|their|which|who|whose)\s)/gu;
/** A sentence opening with a subordinate clause of contrast, up to its comma: "While Apple fell 2%, …". */
const LEADING_SUBORDINATE = /^((?:While|Whereas|Although|Though|Even\s+as)\s[^,;]{3,160}?),\s+(?=\S)/u;
const HAS_MOVE = new RegExp(`\\b(?:${UP_WORDS}|${DOWN_WORDS})\\b`, 'i');
/** A pronoun opening what follows a break, or a contrast in the break: a subject of its own comes next. */
const PRONOUN_NEXT = /^(?:they|it|he|she|we|these|those|this)\s/;
const CONTRAST = /\b(?:while|whereas|although|though)\b/i;
/** Figures that only say when ("In the past 24 hours, Bitcoin and Ethereum shed 1.4% and 2.2%"): no move's figure. */
const TIME_FIGURES = /\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?|sessions?)\b|\b(?:19|20)\d\d\b/gi;
const HAS_MOVE_OR_FIGURE = new RegExp(`\\d|\\b(?:${UP_WORDS}|${DOWN_WORDS})\\b`, 'i');

/**
 * Splits a sentence into clauses, each with its own subject: at semicolons, at a conjunction or a
 * subordinator that starts a new subject ("…, while the Hang Seng fell", "… after Exxon jumped"),
 * at ", the/its …" and before a relative clause (", which …", whose subject is the name before it).
 * A piece with neither a figure nor a move word is part of a coordinated subject ("Exxon Mobil and
 * Chevron rose 1.4% and 1.1%") and stays joined to what follows.
 */
export function clauses(sentence: string): string[] {
  const pieces: string[] = [];
  let carried = '';
  // "While Apple fell 2% after its results, Microsoft rose 1%": a subordinate clause opening the
  // sentence with a move of its own is a clause of its own (an opening phrase without one, "While
  // markets were closed, …", is not).
  const leading = LEADING_SUBORDINATE.exec(sentence);
  const opening = leading?.[1];
  const start = opening !== undefined && HAS_MOVE.test(opening) && /\d/.test(opening) ? (leading?.[0].length ?? 0) : 0;
  if (start > 0 && opening !== undefined) pieces.push(opening);
  let from = start;
  for (const match of sentence.slice(start).matchAll(CLAUSE_BREAK)) {
    const at = start + match.index;
    const piece = sentence.slice(from, at);
    // Nothing is carried into a pronoun's clause ("… after they rose 20 percent") or across a contrast
    // ("…, while crude oil declined as much as 6 percent"): each has a subject of its own.
    const ownSubject = CONTRAST.test(match[0]) || PRONOUN_NEXT.test(sentence.slice(at + match[0].length, at + match[0].length + 8));
    if (!ownSubject && !HAS_MOVE_OR_FIGURE.test(piece.replace(TIME_FIGURES, ' ')) && match[0] !== ';' && !/^,\s*$/.test(match[0])) carried += piece + match[0];
    else {
      pieces.push(carried + piece);
      carried = '';
    }
    from = at + match[0].length;
  }
  pieces.push(carried + sentence.slice(from));
  // "oil rose 3% and gold fell 1%": two complete moves joined by a lower-case "and".
  const split = pieces.flatMap((piece) => {
    const parts = piece.split(/\s+and\s+(?!\d)/);
    return parts.length === 2 && parts.every((part) => /\d/.test(part) && HAS_MOVE.test(part)) ? parts : [piece];
  });
  return split.map((part) => part.trim()).filter((part) => part.length > 0);
}

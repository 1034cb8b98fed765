import { marketSubjectEnds } from './market-subject.ts';
import { hasMove, moveDirection } from './move-grammar.ts';

/**
 * What a question asks about, beyond the names in it: its measure (price, rate, yield, profit…), its
 * time (a year, a month) and its subject words. A passage answers only when it matches all three;
 * the answerer says that nothing stored answers rather than quote a sentence that shares one word.
 */

/** Measures a question can ask for, each with the words a passage uses for it (as stems, see `stem`). */
const MEASURES: ReadonlyArray<{ asks: readonly string[]; says: readonly string[] }> = [
  {
    asks: ['price', 'prices', 'priced', 'cost', 'costs', 'worth', 'value', 'trading', 'trade', 'quote'],
    says: ['price', 'cost', 'worth', 'value', 'quote', 'ounce', 'barre', 'rose', 'fell', 'gaine', 'lost', 'rise', 'fall', 'jumpe', 'slid', 'climb', 'dropp'],
  },
  { asks: ['rate', 'rates'], says: ['rate'] },
  { asks: ['yield', 'yields'], says: ['yield'] },
  { asks: ['profit', 'profits', 'earnings', 'income', 'eps'], says: ['profi', 'earni', 'incom', 'eps', 'loss', 'losse'] },
  { asks: ['revenue', 'revenues', 'sales', 'turnover'], says: ['reven', 'sales', 'turno'] },
  { asks: ['inflation', 'cpi'], says: ['infla', 'cpi', 'consu'] },
  { asks: ['dividend', 'dividends', 'payout'], says: ['divid', 'payou'] },
  { asks: ['forecast', 'forecasts', 'guidance', 'outlook'], says: ['forec', 'guida', 'outlo', 'expec'] },
  { asks: ['unemployment', 'jobs', 'payrolls', 'employment'], says: ['unemp', 'jobs', 'payro', 'emplo', 'joble'] },
  { asks: ['gdp', 'growth'], says: ['gdp', 'growt', 'econo'] },
];

/**
 * Verbs of a move ("why did stocks fall"): what moved is the subject, and a passage about
 * something else that fell does not answer; the verb still ranks passages (answer.ts).
 */
const MOVES = new Set(
  [
    'fall',
    'rise',
    'drop',
    'jump',
    'slide',
    'slump',
    'gain',
    'lose',
    'surge',
    'plunge',
    'tumble',
    'climb',
    'sink',
    'soar',
    'rally',
    'decline',
    'crash',
    'rebound',
    'dip',
    'spike',
  ].map((word) => word.slice(0, 5)),
);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Past forms of the verbs news uses for moves and deals, as their base ("fell" is "fall"). */
const IRREGULAR = new Map(
  Object.entries({
    fell: 'fall',
    fallen: 'fall',
    rose: 'rise',
    risen: 'rise',
    sank: 'sink',
    sunk: 'sink',
    slid: 'slide',
    lost: 'lose',
    grew: 'grow',
    grown: 'grow',
    shrank: 'shrink',
    shrunk: 'shrink',
    sold: 'sell',
    bought: 'buy',
    paid: 'pay',
    spent: 'spend',
    won: 'win',
    held: 'hold',
    led: 'lead',
    took: 'take',
    taken: 'take',
    gave: 'give',
    given: 'give',
    broke: 'break',
    broken: 'break',
    drove: 'drive',
    driven: 'drive',
    began: 'begin',
    begun: 'begin',
    fought: 'fight',
    struck: 'strike',
    swung: 'swing',
    sought: 'seek',
    rang: 'ring',
    kept: 'keep',
    left: 'leave',
    met: 'meet',
    made: 'make',
  }),
);

/** The forms of each verb by its base: "fall" → fall, fell, fallen. */
const FORMS = new Map<string, string[]>();
for (const [form, base] of IRREGULAR) FORMS.set(base, [...(FORMS.get(base) ?? [base]), form]);

/**
 * The words as given, then with each word that has other forms ("fall", "fell") put in its next
 * form, as many lists as the most forms a word has: a search for every word of each finds a
 * passage whatever form it uses.
 */
export function withOtherForms(words: readonly string[]): string[][] {
  const forms = words.map((word) => {
    const all = FORMS.get(IRREGULAR.get(word.toLowerCase()) ?? word.toLowerCase());
    return all === undefined ? [word] : [word, ...all.filter((form) => form !== word.toLowerCase())];
  });
  const variants = Math.max(1, ...forms.map((list) => list.length));
  return Array.from({ length: variants }, (_unused, index) => forms.map((list) => list[Math.min(index, list.length - 1)] ?? ''));
}

/**
 * Crude stem: lowercase, a past form as its base ("fell" is "fall"), a plural's final s dropped
 * ("rates" is "rate", "loss" stays), then the first five letters, enough to match
 * surge/surged/surges and rate/rates.
 */
export function stem(word: string): string {
  const lower = IRREGULAR.get(word.toLowerCase()) ?? word.toLowerCase();
  const singular = lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
  return singular.slice(0, 5);
}

export interface QuestionFocus {
  /** For each measure asked about, the stems a passage must contain one of. */
  measures: ReadonlyArray<ReadonlySet<string>>;
  /** Years named in the question ("in 2017"). */
  years: readonly number[];
  /** Month names in the question. */
  months: readonly string[];
  /** The other content words, as stems. */
  subject: readonly string[];
  /** The question's move verbs, as stems ("why did gold rise": "rise"). */
  moves: readonly string[];
  /** Which way the question's move goes ("fall": down), or null when it asks about no move or both ways. */
  direction: 'up' | 'down' | null;
  /** Whether what moved is the stock market at large ("why did stocks fall"), set by the caller. */
  market?: boolean;
}

/** Splits the question's content words (names already taken out) into measure, time and subject. */
export function questionFocus(words: readonly string[]): QuestionFocus {
  const measures: Array<ReadonlySet<string>> = [];
  const years: number[] = [];
  const months: string[] = [];
  const subject: string[] = [];
  const moves: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    const measure = MEASURES.find((candidate) => candidate.asks.includes(lower));
    if (measure !== undefined) {
      const says = new Set(measure.says.map(stem));
      if (!measures.some((existing) => [...existing].every((value) => says.has(value)))) measures.push(says);
    } else if (/^(19|20)\d\d$/.test(lower)) years.push(Number(lower));
    else if (MONTHS.includes(lower)) months.push(lower);
    else if (MOVES.has(stem(lower))) moves.push(stem(lower));
    else if (!/^\d+$/.test(lower)) subject.push(stem(lower));
  }
  const directions = new Set(words.filter((word) => MOVES.has(stem(word.toLowerCase()))).map((word) => moveDirection(word)));
  const direction = directions.size === 1 ? ([...directions][0] ?? null) : null;
  return { measures, years, months, subject: [...new Set(subject)], moves: [...new Set(moves)], direction };
}

/**
 * Whether a passage matches what the question asks: every measure asked about, the time asked about
 * (the year in the passage or its publication date), and — when no name in the question already pins
 * the subject — at least half of the subject words (one at least).
 */
export function matchesFocus(
  focus: QuestionFocus,
  passage: { stems: ReadonlySet<string>; text: string; publishedAt: string | null },
  namesEntity: boolean,
): boolean {
  for (const measure of focus.measures) if (![...measure].some((wanted) => passage.stems.has(wanted))) return false;
  if (focus.years.length > 0) {
    const published = passage.publishedAt === null ? Number.NaN : new Date(passage.publishedAt).getUTCFullYear();
    if (!focus.years.some((year) => year === published || passage.text.includes(String(year)))) return false;
  }
  if (focus.months.length > 0) {
    const published = passage.publishedAt === null ? '' : (MONTHS[new Date(passage.publishedAt).getUTCMonth()] ?? '');
    const lower = passage.text.toLowerCase();
    if (!focus.months.some((month) => month === published || lower.includes(month))) return false;
  }
  if (!namesEntity && focus.subject.length > 0) {
    const found = focus.subject.filter((wanted) => passage.stems.has(wanted)).length;
    if (found < Math.max(1, Math.ceil(focus.subject.length / 2))) return false;
  }
  return true;
}

/** "Why did bitcoin fall?", "what drove oil higher": the question asks for a cause. */
export function asksWhy(question: string): boolean {
  return /^\s*why\b|\bwhat\s+(?:caused|drove|sent|pushed|is\s+behind|was\s+behind|explains)\b/i.test(question);
}

/** A passage that gives a cause: "amid the collapse of FTX", "after the Fed signalled…", "on fears of…". */
export function givesCause(text: string): boolean {
  return CAUSE.test(text);
}

const CAUSE =
  /\b(?:because|amid|after|due\s+to|owing\s+to|thanks\s+to|following|in\s+the\s+wake\s+of|on\s+(?:news|fears?|hopes?|worries|concerns?|reports?|expectations?|optimism|pessimism)|(?:driven|weighed(?:\s+down)?|sparked|triggered|fu?elled|prompted|hit|hurt|boosted|lifted|dragged(?:\s+down)?)\s+by|as\s+(?:investors|traders|markets?))\b/i;

/** A word of a sentence, as movesAsAsked reads them ("U.S.", "Hong Kong-listed", "it's"). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** What between a subject and a verb puts them in different clauses. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;

/** A symbol in brackets right after a name belongs to it: "Bitcoin (BTC) rose", "Ford Motor Co (F.N) fell". */
const SYMBOL_AFTER = /\s*\(\$?[A-Z][A-Z0-9.^=-]{0,11}\)/y;

/** Words a move verb may follow its subject by: "Spot gold rises", "U.S. gold futures rise", "gold prices have risen". */
const SUBJECT_TO_VERB = 4;
/** Words (as stems) for what a named company's holders trade: with a name in the question they are the name's own. */
const INSTRUMENT_WORDS = new Set(['share', 'stock', 'price', 'equit']);
/** A move under a modal has not happened: "stocks could fall further", "will … send the index tumbling" ("May" the month is none). */
const MODAL = /^(?:[Ww]ill|[Ww]ould|[Cc]ould|[Mm]ight|may|[Ss]hall|[Ss]hould|[Cc]an)$|['’]ll$/;
/** How far before a subject a modal still governs its move, within the clause: "will push yields up and send the index tumbling". */
const MODAL_BEFORE_CHARACTERS = 100;

/**
 * Whether the sentence has what the question asks about moving the way it asks: a subject word or
 * a name, then one of the question's move verbs within a few words ("Spot gold rises by nearly $90"
 * for "why did gold rise"), not a move of something else that mentions it ("a rise in royalties on
 * gold exports").
 */
export function movesAsAsked(
  sentence: string,
  focus: QuestionFocus,
  names: ReadonlyArray<{ find(text: string, from?: number): { start: number; end: number } | null }>,
): boolean {
  // Most sentences have no move the way the question asks: nothing to place.
  if (focus.moves.length === 0 || !movesTheWayAsked(sentence, focus)) return false;
  // Any verb going the way asked: "why did stocks fall" is answered by "Stocks tumbled".
  const asked = (word: string) => (focus.direction === null ? focus.moves.includes(stem(word)) : moveDirection(word) === focus.direction);
  // Whether one of the few words after `end` moves as asked: read there and no further, so each
  // subject costs a few words whatever the sentence's length.
  const word = new RegExp(WORD.source, 'gu');
  // A comma or a bracket on the way ends the subject's clause: "the top drag on the Dow, down almost
  // 10 percent" is the drag's move, not the index's.
  const moveAfter = (subjectEnd: number): boolean => {
    if (modalBefore(sentence, subjectEnd)) return false;
    SYMBOL_AFTER.lastIndex = subjectEnd;
    const end = SYMBOL_AFTER.test(sentence) ? SYMBOL_AFTER.lastIndex : subjectEnd;
    word.lastIndex = end;
    for (let count = 0, from = end; count < SUBJECT_TO_VERB; count += 1) {
      const found = word.exec(sentence);
      if (found === null || CLAUSE_BREAK.test(sentence.slice(from, found.index))) return false;
      // "Stocks with exposure to China fell", "snake oil with unprecedented ease": what follows "with"
      // describes the subject; a move after it is not the subject's own.
      if (found[0].toLowerCase() === 'with' || MODAL.test(found[0])) return false;
      if (asked(found[0])) return true;
      from = found.index + found[0].length;
    }
    return false;
  };
  if (focus.subject.length > 0) {
    for (const found of sentence.matchAll(WORD)) {
      const wanted = stem(found[0]);
      if (!focus.subject.includes(wanted)) continue;
      // "Why did Facebook shares fall": with a name asked about, "shares" are its shares ("He said
      // shares have fallen"), not another company's ("Knight Capital shares fell 0.5 percent and
      // Facebook shares rose"); the name's own are found by the name below.
      if (names.length > 0 && INSTRUMENT_WORDS.has(wanted) && namedBefore(sentence, found.index ?? 0)) continue;
      if (moveAfter((found.index ?? 0) + found[0].length)) return true;
    }
  }
  if (focus.market === true) for (const end of marketSubjectEnds(sentence)) if (moveAfter(end)) return true;
  for (const matcher of names) {
    for (let found = matcher.find(sentence); found !== null; found = matcher.find(sentence, found.end)) if (moveAfter(found.end)) return true;
  }
  return false;
}

/** Whether the word before `at` is a name's (capitalised, or a possessive): "Knight Capital shares", "Micron's stock". */
function namedBefore(sentence: string, at: number): boolean {
  const before = /([\p{L}\p{N}.&'’]+)\s+$/u.exec(sentence.slice(Math.max(0, at - 40), at))?.[1];
  return before !== undefined && (/^\p{Lu}/u.test(before) || /['’]s?$/.test(before));
}

/** Whether a modal stands in the clause before the subject that ends at `subjectEnd` (up to a comma, a colon or a bracket). */
function modalBefore(sentence: string, subjectEnd: number): boolean {
  const before = sentence.slice(Math.max(0, subjectEnd - MODAL_BEFORE_CHARACTERS), subjectEnd);
  const clause = before.split(CLAUSE_BREAK).at(-1) ?? '';
  for (const found of clause.matchAll(WORD)) if (MODAL.test(found[0])) return true;
  return false;
}

/** Whether a sentence has a move the way the question asks anywhere ("tumbled" for "fall"). */
export function movesTheWayAsked(sentence: string, focus: QuestionFocus): boolean {
  if (focus.direction !== null) return hasMove(sentence, focus.direction);
  const stems = new Set((sentence.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
  return focus.moves.some((move) => stems.has(move));
}

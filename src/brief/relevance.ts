import { moveDirection } from './move-grammar.ts';

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

// Whose move a figure is: the name a list gives after it, else its clause's subject, and what that
// name prices (a coin in brackets after it, nobody when it names a sum held or another symbol).
import { namesAHeldSum, type Candidate, isRelativeClause, type Mention, subjectMentions } from './clause-subject.ts';
import { sentenceMeasures } from './move-grammar.ts';
import type { Figure } from './mover-figures.ts';

/** For these, "prices rose 3%" is the instrument's own move; for a company it is what it charges. */
export const PRICED_TYPES = new Set(['commodity', 'crypto', 'currency']);

/** "2.6 percent at Citigroup", "a 5% drop in Exxon shares": the name right after the figure owns it. */
const LIST_LINK =
  /^\s*(?:(?:[\s-]*(?:gain|rise|jump|rally|surge|advance|increase|climb|drop|fall|decline|slide|slump|plunge|tumble|dip)s?\s+)?(?:at|for|in|on)\s+(?:the\s+)?(?:shares\s+of\s+)?)$/i;

/** "sent", "sending" right before a name: the name is the object set moving ("sent Dow Jones shares soaring"). */
const SENT_BEFORE = /\b(?:sent|sends|send|sending)\s+(?:the\s+)?$/i;
/** Between that name and the figure: its shares or prices, then the way they moved ("shares soaring", "prices up by"). */
const SENT_MOVING =
  /^(?:['’]s)?\s+(?:(?:shares|stock|prices?)\s+)?(?:\p{L}+ing|up|down|higher|lower)\b(?:\s+(?:by|as\s+much\s+as|almost|nearly|about|over))?\s*[-+]?\$?$/u;

const RELATIVE_PRONOUN = /^(?:which|who|that)\s/i;
/** The noun a name is the object of, right before it: "sales" in "Car sales at Ford", "earnings" in "the earnings of maker Honeywell". */
export const HEAD_BEFORE = /(\p{L}+)\s+(?:at|of|for|in)\s+(?:the\s+)?(?:\p{Ll}[\p{L}-]*\s+)?$/u;

/**
 * Whether a relative clause's move measures what its name was the object of ("Car sales at Ford,
 * which includes the Focus, increased 24 percent"); "…, whose shares rose 6.2 percent" says whose.
 */
export function headMeasures(clause: string, head: string): boolean {
  return head !== '' && sentenceMeasures(head) && !/^whose\s+(?:shares|stock|(?:share|stock)\s+price)\b/i.test(clause);
}

/** Figures given for several names at once: "respectively", or two figures joined by "and" or a comma. */
function forSeveral(clause: string, figures: readonly Figure[]): boolean {
  if (/\brespectively\b/i.test(clause)) return true;
  return figures.some((figure, i) => i > 0 && /^\s*(?:,|and|,\s*and)\s*$/i.test(clause.slice(figures[i - 1]?.end ?? 0, figure.index)));
}

/**
 * Whose move a figure is, or null when that is not certain: the name a list gives right after it,
 * else the subject of its clause; coordinated subjects take the coordinated figures in order
 * ("A and B rose 1% and 2%"), and any other count of subjects and figures is left out.
 */
export function ownerOf(clause: string, figure: Figure, figures: readonly Figure[], mentions: readonly Mention[], inherited: Mention | null): Mention | null {
  const after = mentions.find((mention) => mention.start >= figure.end && LIST_LINK.test(clause.slice(figure.end, mention.start)));
  if (after !== undefined) return after;
  // "News Corp's bid sent Dow Jones shares soaring 54.69 percent": what was sent moving is what moved.
  const sent = mentions.find(
    (mention) =>
      mention.end <= figure.index &&
      SENT_BEFORE.test(clause.slice(Math.max(0, mention.start - 16), mention.start)) &&
      SENT_MOVING.test(clause.slice(mention.end, figure.index)),
  );
  if (sent !== undefined) return sent;
  // "…, which tracks how Dow stocks trade in Frankfurt, was down 1.1 percent": a relative pronoun is
  // the subject, standing for the name before it; a name after it is its object.
  const subjects = RELATIVE_PRONOUN.test(clause) ? [] : subjectMentions(clause, mentions);
  // "…BAND and LTC, which jumped 57% and 38%, respectively": figures for several names are not the last name's.
  if (subjects.length === 0) return isRelativeClause(clause) && !forSeveral(clause, figures) ? inherited : null;
  const subjectEnd = subjects.at(-1)?.end ?? 0;
  if (figure.index < subjectEnd) return null;
  if (subjects.length === 1) return subjects[0] ?? null;
  const listed = figures.filter((other) => other.index >= subjectEnd);
  const coordinated = listed.every((other, i) => i === 0 || /^\s*(?:,|and|,\s*and)\s*$/i.test(clause.slice(listed[i - 1]?.end ?? 0, other.index)));
  if (!coordinated || listed.length !== subjects.length) return null;
  return subjects[listed.indexOf(figure)] ?? null;
}

/** The coin, currency or commodity a name's brackets give right after it ("Binance (BNB)"), when it is another entity. */
function bracketedInstrument(clause: string, owner: Mention, mentions: readonly Mention[], typeOf: ReadonlyMap<string, string>): Mention | null {
  const open = /^\s*\(\s*/.exec(clause.slice(owner.end));
  if (open === null) return null;
  const inside = mentions.find((mention) => mention.start === owner.end + open[0].length && /^\s*\)/.test(clause.slice(mention.end)));
  if (inside?.entityId == null || inside.entityId === owner.entityId) return null;
  return PRICED_TYPES.has(typeOf.get(inside.entityId) ?? '') ? inside : null;
}

/**
 * A bare symbol right after the name that is none of its listings' names another thing: in brackets
 * after a company ("Cronos (CRO) Up 4%" is a token, not Cronos Group, CRON), or owned by it
 * ("Shiba Inu's BONE Up 10%" is BONE's move; "Solana's SOL" is Solana's own).
 */
function namesAnotherSymbol(clause: string, owner: Mention, candidates: readonly Candidate[]): boolean {
  const after = clause.slice(owner.end);
  const bracketed = /^\s*\(\s*([A-Z]{2,6})\s*\)/.exec(after)?.[1];
  const owned = /^['’]s\s+([A-Z]{2,6})\b/.exec(after)?.[1];
  const candidate = candidates.find((entry) => entry.id === owner.entityId);
  const symbol = bracketed !== undefined && candidate?.type === 'company' ? bracketed : owned;
  const tickers = candidate?.tickers;
  if (symbol === undefined || tickers === undefined || tickers.length === 0) return false;
  return !tickers.some((ticker) => ticker === symbol || ticker.split(/[.\-:]/)[0] === symbol);
}

/**
 * What a clause's owner of a figure priced: the coin in brackets after it ("Binance (BNB) has
 * witnessed a decline of 17%"), else itself; nobody when a bare symbol after it is none of its
 * listings (namesAnotherSymbol) or when its name is a sum held ("Deposit Insurance Fund", namesAHeldSum).
 */
export function instrumentOf(
  clause: string,
  owner: Mention | null,
  mentions: readonly Mention[],
  candidates: readonly Candidate[],
  typeOf: ReadonlyMap<string, string>,
): Mention | null {
  if (owner === null) return null;
  const priced = bracketedInstrument(clause, owner, mentions, typeOf) ?? owner;
  const candidate = candidates.find((entry) => entry.id === priced.entityId);
  return namesAnotherSymbol(clause, priced, candidates) || namesAHeldSum(clause, priced, candidate) ? null : priced;
}

import { type Article, findFigures, type Mover } from '../domain/index.ts';
import { entityNames, type ReferenceIndex, splitSentences } from '../pipeline/index.ts';
import { type Candidate, isRelativeClause, type Mention, mentionsIn, namesAHeldSum, subjectMentions } from './clause-subject.ts';
import { clauses, horizonIn, isTimePhrase, measureBlocks, moveWordOf, sentenceMeasures } from './move-grammar.ts';
import { amountFigures, type Figure, hedgeOf, percentFigures, shownFigure } from './mover-figures.ts';
import { carriedPeriod, clausePeriod, horizonOf, sentencePeriod } from './mover-horizon.ts';
import { candidatesOf } from './mention-candidates.ts';
import { headlineCompany, namesAnotherCompany, sharesOfItFrom } from './anaphora.ts';

/** At most this many movers in a brief: a desk reads them at a glance (see docs/brief.md). */
export const MAX_MOVERS = 6;
const MOVER_TYPES = new Set(['index', 'company', 'crypto', 'commodity', 'currency']);
/** For these, "prices rose 3%" is the instrument's own move; for a company it is what it charges. */
const PRICED_TYPES = new Set(['commodity', 'crypto', 'currency']);

/** "2.6 percent at Citigroup", "a 5% drop in Exxon shares": the name right after the figure owns it. */
const LIST_LINK =
  /^\s*(?:(?:[\s-]*(?:gain|rise|jump|rally|surge|advance|increase|climb|drop|fall|decline|slide|slump|plunge|tumble|dip)s?\s+)?(?:at|for|in|on)\s+(?:the\s+)?(?:shares\s+of\s+)?)$/i;

const LISTED_AFTER = /^\s*(?:(?:at|for|in|on)\s+[^,;\d]{1,40}?)?\s*(?:,|and|,\s*and|while)\s*$/i;

/** Types whose price move may be given as an amount ("gold fell $20 an ounce"); a company's amounts are too often results. */
const AMOUNT_TYPES = new Set(['commodity', 'crypto']);
/** "higher"/"lower" at the move word: "higher over $1,300" states a level. Sticky: read in place. */
const LEVEL_WORD = /(?:higher|lower)\b/iy;

function levelWordAt(clause: string, at: number): boolean {
  LEVEL_WORD.lastIndex = at;
  return LEVEL_WORD.test(clause);
}
/** What every money figure starts with (findFigures' currency prefixes before a digit). */
const MAY_STATE_AMOUNT = /(?:[$€£¥₹]|Rs\.?|USD|EUR|HKD|RMB|CNY)\s?\d/;

/** What every percent figure (findFigures' percent unit after a digit) contains, checked before a sentence is parsed. */
const MAY_STATE_PERCENT = /\d\s?(?:%|percent|per cent|percentage point|basis point|bps|pp)/u;

interface Found extends Omit<Mover, 'name' | 'ticker' | 'entityId'> {}

/** "sent", "sending" right before a name: the name is the object set moving ("sent Dow Jones shares soaring"). */
const SENT_BEFORE = /\b(?:sent|sends|send|sending)\s+(?:the\s+)?$/i;
/** Between that name and the figure: its shares or prices, then the way they moved ("shares soaring", "prices up by"). */
const SENT_MOVING =
  /^(?:['’]s)?\s+(?:(?:shares|stock|prices?)\s+)?(?:\p{L}+ing|up|down|higher|lower)\b(?:\s+(?:by|as\s+much\s+as|almost|nearly|about|over))?\s*[-+]?\$?$/u;

const RELATIVE_PRONOUN = /^(?:which|who|that)\s/i;
/** The noun a name is the object of, right before it: "sales" in "Car sales at Ford", "earnings" in "the earnings of maker Honeywell". */
const HEAD_BEFORE = /(\p{L}+)\s+(?:at|of|for|in)\s+(?:the\s+)?(?:\p{Ll}[\p{L}-]*\s+)?$/u;

/**
 * Whether a relative clause's move measures what its name was the object of ("Car sales at Ford,
 * which includes the Focus, increased 24 percent"); "…, whose shares rose 6.2 percent" says whose.
 */
function headMeasures(clause: string, head: string): boolean {
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
function ownerOf(clause: string, figure: Figure, figures: readonly Figure[], mentions: readonly Mention[], inherited: Mention | null): Mention | null {
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

/** The clause with each name found in it blanked out (same length, so positions hold). */
function withoutNames(clause: string, mentions: readonly Mention[]): string {
  let blanked = '';
  let at = 0;
  for (const { start, end } of mentions) {
    blanked += `${clause.slice(at, start)}${'_'.repeat(end - start)}`;
    at = end;
  }
  return blanked + clause.slice(at);
}

/** The moves one article states, keyed by entity: the first statement of each. */
function movesIn(article: Article, candidates: readonly Candidate[], typeOf: ReadonlyMap<string, string>): Map<string, Found> {
  const found = new Map<string, Found>();
  /** Entities whose move found so far is a rounded figure ("almost 10 percent"). */
  const approximate = new Set<string>();
  /** Moves given as an amount ("Oil rose by $0.59 a barrel"), for the entities no percentage is found for. */
  const byAmount = new Map<string, Found>();
  const subject = headlineCompany(article.title, candidates);
  // The headline last: a move only the headline states ("Solana's SOL Token Surges 20% as …") still
  // counts, but the body's own wording comes first. A question ("1,400% Rally Possible?") states nothing.
  const headline = /\?\s*$/.test(article.title) ? [] : [article.title];
  // The sentence before the one being read: a period it states may be the next one's ("… for the year so far. The Dow is down 8 percent").
  const body = splitSentences(article.text);
  for (const [index, sentence] of [...body, ...headline].entries()) {
    const sentenceBefore = index < body.length ? (body[index - 1] ?? '') : '';
    // A move is stated with a percentage, or for a commodity or a coin an amount of money: a sentence with neither has no figure.
    if (!MAY_STATE_PERCENT.test(sentence) && !MAY_STATE_AMOUNT.test(sentence)) continue;
    // "the firm's shares slid 11.6 percent" is the headline's company when nothing else is named.
    const anaphor = subject !== null && !namesAnotherCompany(sentence, subject, candidates) ? subject : null;
    let inherited: Mention | null = null;
    // Where in the sentence the inherited name starts, and where the clause being read starts.
    let inheritedAt = 0;
    // What that name is the object of in its clause: "Car sales at Ford, which includes …, increased 24
    // percent" measures sales, whichever name the relative clause stands for.
    let inheritedHead = '';
    let searchFrom = 0;
    let leadIn: string | null = null;
    const sentenceLead = sentencePeriod(sentence);
    for (const clause of clauses(sentence)) {
      const at = sentence.indexOf(clause, searchFrom);
      const clauseStart = at < 0 ? searchFrom : at;
      searchFrom = clauseStart + clause.length;
      // A relative clause's move is quoted from its name on ("Alibaba, which has been at the forefront
      // of this rally with a nearly 70% surge…"), not from "which".
      const quoted = (owner: Mention | null): string =>
        owner !== null && owner === inherited ? sentence.slice(inheritedAt, clauseStart + clause.length).trim() : clause;
      const lead = leadIn ?? clausePeriod(clause, sentenceLead);
      const mentions = mentionsIn(clause, candidates);
      // The clause's figures, found once for its percentages and its amounts.
      const inClause = findFigures(clause);
      const figures = percentFigures(clause, inClause);
      let previous: { end: number; direction: 'up' | 'down' } | null = null;
      for (const figure of figures) {
        // "gains of 2.6 percent at Citigroup and 3.4 percent at JPMorgan": a listed figure shares the move word.
        const listed: { direction: 'up' | 'down' } | null = previous !== null && LISTED_AFTER.test(clause.slice(previous.end, figure.index)) ? previous : null;
        const move: { direction: 'up' | 'down'; at?: number } | null = moveWordOf(clause, figure.index, figure.end) ?? listed;
        previous = move === null ? null : { end: figure.end, direction: move.direction };
        if (move === null) continue;
        let owner = ownerOf(clause, figure, figures, mentions, inherited);
        const excerpt = quoted(owner);
        // Where the move's own words start: the clause, or "the firm's shares slid 11.6 percent" within it.
        let from = 0;
        if (owner === null && anaphor !== null && move.at !== undefined && move.at < figure.index) {
          const sharesAt = sharesOfItFrom(clause.slice(0, move.at));
          if (sharesAt !== null) [owner, from] = [{ entityId: anaphor, start: sharesAt, end: sharesAt }, sharesAt];
        }
        owner = instrumentOf(clause, owner, mentions, candidates, typeOf);
        const type = owner?.entityId == null ? undefined : typeOf.get(owner.entityId);
        if (owner?.entityId == null || type === undefined || !MOVER_TYPES.has(type)) continue;
        if (owner === inherited && headMeasures(clause, inheritedHead)) continue;
        const earlier = found.get(owner.entityId);
        // A later, exact figure for the same move replaces a rounded one ("down almost 10 percent",
        // then "shed 9.7 percent to $64.57"); otherwise the first statement stands.
        const hedge = hedgeOf(clause, figure);
        const shown = shownFigure(figure, move.direction, hedge);
        if (shown === null) continue;
        if (earlier !== undefined && !(approximate.has(owner.entityId) && hedge === null && earlier.direction === move.direction)) continue;
        // The names are not measure words: "HSBC Holdings fell 3%", "Capital One Financial fell 5%".
        if (measureBlocks(withoutNames(clause, mentions).slice(from), figure.index - from, figure.end - from, PRICED_TYPES.has(type))) continue;
        const bareNoun = (move.at ?? 0) >= figure.end && !/^[\s-]*\p{L}+\s+(?:in|at|for)\b/u.test(clause.slice(figure.end));
        if (bareNoun && sentenceMeasures(sentence)) continue;
        // No period of its own: one said just before ("The Dow is down 8 percent" after "… for the year so far"), or unknown.
        const horizon =
          horizonOf(clause, figure, figures, lead) ?? carriedPeriod(clause, move.at ?? figure.end, sentence.slice(0, clauseStart), sentenceBefore);
        if (horizon === undefined || (earlier !== undefined && earlier.horizon !== horizon)) continue;
        found.set(owner.entityId, { direction: move.direction, figure: shown, horizon, excerpt, articleId: article.id });
        if (hedge !== null) approximate.add(owner.entityId);
        else approximate.delete(owner.entityId);
      }
      // "Oil rose by $0.59 a barrel to $67.90": a commodity's or a coin's move given as an amount,
      // kept when the article states no percentage for it (below).
      const amounts = amountFigures(clause, inClause);
      for (const figure of amounts) {
        const move = moveWordOf(clause, figure.index, figure.end);
        // The verb before the amount ("rose by $0.59"): "rose to $67.90" is a level, not a move, and
        // so is "higher over $1,300".
        if (move === null || move.at >= figure.index || levelWordAt(clause, move.at)) continue;
        const named = ownerOf(clause, figure, amounts, mentions, inherited);
        const owner = instrumentOf(clause, named, mentions, candidates, typeOf);
        const type = owner?.entityId == null ? undefined : typeOf.get(owner.entityId);
        if (owner?.entityId == null || type === undefined || !AMOUNT_TYPES.has(type) || byAmount.has(owner.entityId)) continue;
        if (named === inherited && headMeasures(clause, inheritedHead)) continue;
        if (measureBlocks(withoutNames(clause, mentions), figure.index, figure.end, true)) continue;
        const horizon = horizonOf(clause, figure, amounts, lead);
        const shown = shownFigure(figure, move.direction, hedgeOf(clause, figure));
        if (shown === null) continue;
        byAmount.set(owner.entityId, { direction: move.direction, figure: shown, horizon, excerpt: quoted(named), articleId: article.id });
      }
      // A relative clause ("…, which fell 3%") is about the name that ends the clause before it.
      const last = mentions.at(-1);
      // The name may be the symbol in brackets after it: "Marathon Digital (MARA), which rose 24%".
      inherited = last !== undefined && /^\s*\)?(?:\([^()]{0,20}\)|Inc\.?|Corp\.?|shares|stock|\s)*$/.test(clause.slice(last.end)) ? last : null;
      inheritedAt = inherited === null ? 0 : clauseStart + inherited.start;
      inheritedHead = inherited === null ? '' : (HEAD_BEFORE.exec(clause.slice(0, inherited.start))?.[1] ?? '');
      leadIn = isTimePhrase(clause) ? horizonIn(clause) : null;
    }
  }
  for (const [id, move] of byAmount) if (!found.has(id)) found.set(id, move);
  return found;
}

/**
 * What a clause's owner of a figure priced: the coin in brackets after it ("Binance (BNB) has
 * witnessed a decline of 17%"), else itself; nobody when a bare symbol after it is none of its
 * listings (namesAnotherSymbol) or when its name is a sum held ("Deposit Insurance Fund", namesAHeldSum).
 */
function instrumentOf(
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

/**
 * Price or level moves of traded instruments (shares, indices, currencies, commodities, crypto)
 * that the articles state with a percentage (a commodity or a coin also with an amount of money),
 * at most one per entity, from the first article (in
 * the order given) that states it. A figure is credited only to the subject of its own clause and
 * only when no measure word makes it a result, stake, share, forecast, ratio or spread; when
 * that cannot be settled the figure is left out. The moves of `focus` (entity ids a reader asked
 * about) come first, in its order, before the list is cut to `limit`.
 */
export function findMovers(articles: readonly Article[], reference: ReferenceIndex, limit = MAX_MOVERS, focus: readonly string[] = []): Mover[] {
  if (focus.length === 0) return allMovers(articles, reference, limit);
  const rank = (entityId: string) => {
    const position = focus.indexOf(entityId);
    return position === -1 ? focus.length : position;
  };
  return allMovers(articles, reference, Number.POSITIVE_INFINITY)
    .map((mover, index) => ({ mover, index }))
    .sort((a, b) => rank(a.mover.entityId) - rank(b.mover.entityId) || a.index - b.index)
    .slice(0, limit)
    .map(({ mover }) => mover);
}

function allMovers(articles: readonly Article[], reference: ReferenceIndex, limit: number): Mover[] {
  const movers: Mover[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    const candidates = candidatesOf(article, reference);
    if (!article.entities.some((mention) => MOVER_TYPES.has(mention.type))) continue;
    const typeOf = new Map(article.entities.map((mention) => [mention.id, mention.type as string]));
    const found = movesIn(article, candidates, typeOf);
    // Most-mentioned entities first, as the article ranks them.
    for (const mention of article.entities) {
      const move = found.get(mention.id);
      if (move === undefined || seen.has(mention.id)) continue;
      movers.push({ entityId: mention.id, name: mention.name, ticker: mention.ticker, ...move });
      seen.add(mention.id);
      if (movers.length >= limit) return movers;
    }
  }
  return movers;
}

import { type Article, findFigures, type Mover } from '../domain/index.ts';
import { entityNames, type ReferenceIndex, splitSentences } from '../pipeline/index.ts';
import { type Candidate, type Mention, mentionsIn } from './clause-subject.ts';
import { reportsStatistic } from './data-release.ts';
import { horizonIn, isTimePhrase } from './horizon-words.ts';
import { clauses, measureBlocks, moveWordOf, sentenceMeasures } from './move-grammar.ts';
import { amountFigures, type Figure, hedgeOf, percentFigures, shownFigure } from './mover-figures.ts';
import {
  type ClauseBefore,
  carriedPeriod,
  clausePeriod,
  continuedPeriod,
  contrastPeriod,
  horizonOf,
  type SaidBefore,
  sentencePeriod,
} from './mover-horizon.ts';
import { HEAD_BEFORE, headMeasures, instrumentOf, ownerOf, PRICED_TYPES } from './mover-owner.ts';
import { candidatesOf } from './mention-candidates.ts';
import { headlineCompany, namesAnotherCompany, sharesOfItFrom } from './anaphora.ts';

/** At most this many movers in a brief: a desk reads them at a glance (see docs/brief.md). */
export const MAX_MOVERS = 6;
const MOVER_TYPES = new Set(['index', 'company', 'crypto', 'commodity', 'currency']);

/** Words before a figure (after the figure before it) that make it a peak during the session, not where the move ended. */
const INTRADAY_PEAK_BEFORE =
  /\b(?:(?:intraday|session|intra-day)\s+(?:high|low|peak)|at\s+one\s+(?:point|stage)|at\s+(?:its|the)\s+(?:session['’]s\s+)?(?:high|low|peak)s?)\b[^,;]*$/i;
/** …or right after it: "up 3 percent at one point". */
const INTRADAY_PEAK_AFTER = /^\s*(?:higher|lower)?\s*at\s+one\s+(?:point|stage)\b/i;

function isIntradayPeak(clause: string, figure: Figure, figures: readonly Figure[]): boolean {
  const before = figures.filter((other) => other.end <= figure.index).at(-1);
  const from = Math.max(before?.end ?? 0, figure.index - 48);
  // "up 3 percent at one point before closing up 1.5 percent": the words after the figure before are its own.
  const between = clause.slice(from, figure.index).replace(INTRADAY_PEAK_AFTER, '');
  return INTRADAY_PEAK_BEFORE.test(between) || INTRADAY_PEAK_AFTER.test(clause.slice(figure.end, figure.end + 30));
}
/** A clause with no name of its own that says where the move before it ended: "but closed up 1.2 percent". */
const CLOSE_GOES_ON = /^(?:(?:but|and|then|before)\s+)?(?:closed|ended|finished|settled|closing|ending|finishing|settling)\b/i;
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

/** How many figures a clause states besides its names' own digits ("S&P 500", "Nikkei 225"). */
function countFigures(clause: string, mentions: readonly Mention[]): number {
  return findFigures(withoutNames(clause, mentions)).length;
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
  let said: SaidBefore = { sentence: '', moves: [], figures: 0 };
  for (const [index, sentence] of [...body, ...headline].entries()) {
    const sentenceBefore = index < body.length ? (body[index - 1] ?? '') : '';
    // The moves the sentence before stated: the next may go on with them ("For the week, the Dow lost
    // 4.2 percent and the S&P 500 slid 4.4 percent. The Nasdaq tumbled 5.9 percent.").
    const saidBefore = index < body.length ? said : null;
    said = { sentence, moves: [], figures: 0 };
    // A move is stated with a percentage, or for a commodity or a coin an amount of money: a sentence with neither has no figure.
    if (!MAY_STATE_PERCENT.test(sentence) && !MAY_STATE_AMOUNT.test(sentence)) continue;
    if (reportsStatistic(sentence)) continue;
    // "the firm's shares slid 11.6 percent" is the headline's company when nothing else is named.
    const anaphor = subject !== null && !namesAnotherCompany(sentence, subject, candidates) ? subject : null;
    let inherited: Mention | null = null;
    // Where in the sentence the inherited name starts, and where the clause being read starts.
    let inheritedAt = 0;
    // What that name is the object of in its clause: "Car sales at Ford, which includes …, increased 24
    // percent" measures sales, whichever name the relative clause stands for.
    let inheritedHead = '';
    let searchFrom = 0;
    // The name credited in the clause before, and where that clause starts: "…hit an intraday high up
    // 1.6 percent but closed up 1.2 percent" closes the same name's move.
    let credited: { owner: Mention; at: number } | null = null;
    let leadIn: string | null = null;
    const sentenceLead = sentencePeriod(sentence);
    // The clause before in this sentence: a contrast with it may share its period ("USG has fallen 60
    // percent this year, while the S&P 500 sank 36 percent").
    let clauseBefore: ClauseBefore = { text: '', end: 0, horizons: [], contrast: false };
    for (const clause of clauses(sentence)) {
      const at = sentence.indexOf(clause, searchFrom);
      const clauseStart = at < 0 ? searchFrom : at;
      const joined = { ...clauseBefore, between: sentence.slice(clauseBefore.end, clauseStart) };
      clauseBefore = { text: clause, end: clauseStart + clause.length, horizons: [], contrast: false };
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
      // How many figures the clause states besides its names' digits, counted when first needed.
      let stated: number | undefined;
      for (const figure of figures) {
        // "gains of 2.6 percent at Citigroup and 3.4 percent at JPMorgan": a listed figure shares the move word.
        const listed: { direction: 'up' | 'down' } | null = previous !== null && LISTED_AFTER.test(clause.slice(previous.end, figure.index)) ? previous : null;
        const move: { direction: 'up' | 'down'; at?: number } | null = moveWordOf(clause, figure.index, figure.end) ?? listed;
        previous = move === null ? null : { end: figure.end, direction: move.direction };
        if (move === null) continue;
        said.figures += 1;
        let owner = ownerOf(clause, figure, figures, mentions, inherited);
        const closes = owner === null && mentions.length === 0 && credited !== null && CLOSE_GOES_ON.test(clause) ? credited : null;
        if (closes !== null) owner = closes.owner;
        const excerpt = closes !== null ? sentence.slice(closes.at, clauseStart + clause.length).trim() : quoted(owner);
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
        // "hit an intraday high up 1.6 percent but closed up 1.2 percent": a peak during the session is
        // shown as how far it went, and the close said after it replaces it.
        const hedge = hedgeOf(clause, figure) ?? (isIntradayPeak(clause, figure, figures) ? 'as much as' : null);
        const shown = shownFigure(figure, move.direction, hedge);
        if (shown === null) continue;
        // The names are not measure words: "HSBC Holdings fell 3%", "Capital One Financial fell 5%".
        if (measureBlocks(withoutNames(clause, mentions).slice(from), figure.index - from, figure.end - from, PRICED_TYPES.has(type))) continue;
        const bareNoun = (move.at ?? 0) >= figure.end && !/^[\s-]*\p{L}+\s+(?:in|at|for)\b/u.test(clause.slice(figure.end));
        if (bareNoun && sentenceMeasures(sentence)) continue;
        // No period of its own: one said just before ("The Dow is down 8 percent" after "… for the year so far"), or unknown.
        const own = horizonOf(clause, figure, figures, lead) ?? carriedPeriod(clause, move.at ?? figure.end, sentence.slice(0, clauseStart), sentenceBefore);
        // Or the period that opened the sentence before, when this one goes on with its list of moves,
        // or the shared period ("this year") of the move this one is contrasted with.
        const continued =
          own === null
            ? continuedPeriod(saidBefore, { sentence, clause, subjectAt: owner.start, type, figures: (stated ??= countFigures(clause, mentions)) })
            : null;
        const contrast = own === null && continued === null ? contrastPeriod(joined, clause) : null;
        const horizon = own === null ? (continued ?? contrast) : own;
        clauseBefore.horizons.push(horizon ?? null);
        if (contrast !== null) clauseBefore.contrast = true;
        said.moves.push({ type, horizon: horizon ?? null });
        if (horizon === undefined) continue;
        if (earlier !== undefined && !(approximate.has(owner.entityId) && hedge === null && earlier.direction === move.direction)) continue;
        if (earlier !== undefined && earlier.horizon !== horizon) continue;
        found.set(owner.entityId, { direction: move.direction, figure: shown, horizon, excerpt, articleId: article.id });
        if (closes === null) credited = { owner, at: clauseStart };
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

// The ranking of a search over its newest matches only (SearchQuery.newest, newestStored), done
// here rather than by FTS5's bm25 over the whole table: bm25 counts each word's articles (it reads
// the word's entire doclist for every query), a cost that grows with the store. Here every walk
// is newest first and stops at the window's start or a LIMIT, so the cost is that of the window;
// bm25 runs only over words few articles hold (docs/performance.md, "/ask at 1M").
import type { SQLInputValue, StatementSync } from 'node:sqlite';

/** A word in the title counts this much more than one in the text, as bm25(3.0, 1.0) weighs the columns (migration 11). */
const TITLE_WEIGHT = 3;
/** bm25's term-frequency saturation (FTS5's k1). */
const K1 = 1.2;
/** A word's share of the articles is measured over the span its newest this many matches reach back. */
const RARITY_SAMPLE = 1_000;
/** A word in at least this share of the articles is read as one text over the window, a rarer one walked row by row. */
const DENSE = 0.25;
/** Every word within this many tokens of one another: about a sentence. */
const NEAR_TOKENS = 10;
/**
 * The most articles holding the words (summed) an every-word search lets FTS5's bm25 rank: it reads
 * each word's whole doclist (about 0.3 µs an entry at 100k) and scores every article holding them
 * all (about 2 µs each at 100k; "labs", 92 ms at 1M, was over 5,000).
 */
const BM25_BUDGET = 5_000;

/**
 * The SQL the ranking runs, for plan checks. Every walk is newest first and stopped by a LIMIT or by
 * the caller: FTS5 takes a rowid range but still reads a word's doclist past it (measured: a range
 * holding 2% of a word's matches cost as much as all of them), while a walk stopped early reads
 * only what it returns.
 */
export const NEWEST_STATEMENTS = {
  /** The oldest rowid among the newest `?` matches. */
  bound: 'SELECT min(rowid) AS bound FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)',
  /** The rowids of the newest `?` matches at or after a rowid, as one text (a row each costs more than the walk). */
  since: `SELECT group_concat(rowid) AS rowids FROM
            (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) WHERE rowid >= ?`,
  /** How many of the newest `?` matches there are (fewer when the word is rarer), and the oldest of them. */
  reach: 'SELECT count(*) AS count, min(rowid) AS oldest FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)',
  /** Every match newest first, for a walk the caller stops at a rowid (FTS5 reads no further). */
  walk: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC',
  /** The matches in FTS5's rank order (bm25, title weighted 3); the rank itself is not asked for (that computes bm25 a second time a row). */
  ranked: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank',
  /** The newest rowid stored. */
  top: 'SELECT max(rowid) AS top FROM articles',
} as const;

/** How many of the best are picked out first in one pass; the rest are sorted only if a caller reads past them. */
const FIRST_PICK = 32;

type Scored = [rowid: number, score: number];

/** Better first: the higher score, then the newer (higher rowid). */
function better(a: Scored, b: Scored): number {
  return b[1] - a[1] || b[0] - a[0];
}

/** The scored rowids best first, lazily: a search reads a handful, sorting thousands would cost more than ranking them. */
export function* bestFirst(scores: Map<number, number>): Generator<Scored> {
  const picked: Scored[] = [];
  for (const entry of scores) {
    if (picked.length === FIRST_PICK && better(entry, picked[FIRST_PICK - 1] as Scored) >= 0) continue;
    let at = Math.min(picked.length, FIRST_PICK - 1);
    picked[at] = entry;
    for (; at > 0 && better(picked[at] as Scored, picked[at - 1] as Scored) < 0; at -= 1) {
      [picked[at], picked[at - 1]] = [picked[at - 1] as Scored, picked[at] as Scored];
    }
  }
  yield* picked;
  if (scores.size <= picked.length) return;
  const last = picked.at(-1) as Scored;
  yield* [...scores].filter((entry) => better(entry, last) > 0).sort(better);
}

type Prepared = (sql: string) => StatementSync;

/** The rowids of the newest `limit` matches of `match` at or after `from`, newest first. */
function newestMatches(prepared: Prepared, match: string, limit: number, from = 0): number[] {
  const joined = prepared(NEWEST_STATEMENTS.since).get(match, limit, from)?.['rowids'];
  return typeof joined === 'string' && joined !== '' ? joined.split(',').map(Number) : [];
}

/**
 * The rowids of the newest `limit` matches at or after `from`, walked newest first until either
 * is reached: for a walk that must stop at a rowid (a LIMIT as large as the window would read on
 * past it when the matches are sparse).
 */
function walkNewest(prepared: Prepared, match: string, from: number, limit = Number.POSITIVE_INFINITY): number[] {
  const walk = prepared(NEWEST_STATEMENTS.walk);
  walk.setReturnArrays(true);
  const found: number[] = [];
  for (const row of walk.iterate(match) as Iterable<SQLInputValue[]>) {
    const rowid = Number(row[0]);
    if (rowid < from || found.length >= limit) break;
    found.push(rowid);
  }
  return found;
}

/**
 * How common a word is, from the span its newest RARITY_SAMPLE matches reach back (the newest
 * thousand articles for a word in every one, the whole store for a rare word, whose doclist is
 * short): bm25's inverse document frequency over that span (FTS5's, floored as FTS5 floors it),
 * and the articles holding it in the whole store, exact for a rare word, else estimated from that
 * span, and the share of that span's articles holding it. Rowids are never reused, so one removed
 * since is still counted.
 */
function rarity(prepared: Prepared, term: string, top: number): { idf: number; holding: number; share: number } {
  const row = prepared(NEWEST_STATEMENTS.reach).get(term, RARITY_SAMPLE);
  const holding = Number(row?.['count'] ?? 0);
  const articles = Math.max(1, top - Number(row?.['oldest'] ?? top) + 1);
  return {
    idf: Math.max(1e-6, Math.log((articles - holding + 0.5) / (holding + 0.5))),
    holding: holding < RARITY_SAMPLE ? holding : Math.round((holding / articles) * top),
    share: holding / articles,
  };
}

/**
 * The window's every-word matches ranked by FTS5's bm25 over the words it can afford: the rarest
 * first while the articles holding them add up to at most `budget` (bm25 reads each word's whole
 * doclist and scores every article holding them all, inside the window or not). Null when even
 * the rarest word is over it.
 */
function rankByRareWords(prepared: Prepared, words: Array<{ term: string; holding: number }>, window: number[], budget: number): Map<number, number> | null {
  const affordable: string[] = [];
  let holding = 0;
  for (const word of [...words].sort((a, b) => a.holding - b.holding)) {
    if (holding + word.holding > budget) break;
    affordable.push(word.term);
    holding += word.holding;
  }
  if (affordable.length === 0) return null;
  const inWindow = new Set(window);
  const ranked = prepared(NEWEST_STATEMENTS.ranked);
  ranked.setReturnArrays(true);
  const scores = new Map<number, number>();
  // Scores by place in FTS5's order: asking for the rank itself computes bm25 a second time a row.
  let place = 0;
  for (const [rowid] of ranked.iterate(affordable.join(' AND ')) as Iterable<[number]>) {
    place += 1;
    if (inWindow.has(Number(rowid))) scores.set(Number(rowid), 1 / place);
  }
  return scores;
}

/**
 * Ranks the newest `newest` articles matching the quoted FTS5 `terms` (among the newest `stored`
 * articles stored, when given), any of them or, with `every`, all: the scores by rowid, for bestFirst to order (ties to the newer). Every word: by
 * FTS5's bm25 over the rarer words when affordable (rankByRareWords). Otherwise a word found
 * scores as bm25 scores an article holding it once in its text (without bm25's length
 * normalisation), with the inverse document frequency of rarity(); when the title holds any of the
 * words, the article's best word scores as if once in its title too (weighted TITLE_WEIGHT).
 * Every word, either way: the articles holding them close together first (nearFirst).
 */
export function rankNewest(
  prepared: Prepared,
  terms: string[],
  window: { newest: number; stored?: number | undefined; every?: boolean | undefined },
  budget = BM25_BUDGET,
): Map<number, number> {
  const { newest, every = false } = window;
  const none = new Map<number, number>();
  if (terms.length === 0 || newest <= 0) return none;
  const match = terms.join(every ? ' AND ' : ' OR ');
  const top = Number(prepared(NEWEST_STATEMENTS.top).get()?.['top'] ?? 0);
  // Every word: the window's matches themselves. Any word: the oldest of them, each word's matches walked to it.
  // Only the newest `stored` articles are searched (rowids are never reused: one removed since still counts).
  const floor = window.stored === undefined ? 0 : top - window.stored + 1;
  const all = every ? (floor <= 1 ? newestMatches(prepared, match, newest) : walkNewest(prepared, match, floor, newest)) : [];
  const bound = every ? all.at(-1) : prepared(NEWEST_STATEMENTS.bound).get(match, newest)?.['bound'];
  if (typeof bound !== 'number' && typeof bound !== 'bigint') return none;
  const from = Math.max(Number(bound), floor);
  const words = terms.map((term) => ({ term, ...rarity(prepared, term, top) }));
  const byBm25 = every ? rankByRareWords(prepared, words, all, budget) : null;
  if (byBm25 !== null) return nearFirst(prepared, terms, byBm25, from);
  // Each word's score in an article, and the best of them (the word the title is taken to hold).
  const scores = new Map<number, number>(all.map((rowid) => [rowid, 0]));
  const best = new Map<number, number>();
  for (const { term, idf, share } of words) {
    // A common word's matches as one text: the window holds at most one a rowid, so a walk of that
    // many reaches past it, reading little beyond. A rarer word's walked one by one to the window's
    // start: that many of them would reach far back.
    const anywhere = every ? all : share >= DENSE ? newestMatches(prepared, term, top - from + 1, from) : walkNewest(prepared, term, from);
    for (const rowid of anywhere) {
      scores.set(rowid, (scores.get(rowid) ?? 0) + idf * saturated(1));
      best.set(rowid, Math.max(best.get(rowid) ?? 0, idf));
    }
  }
  // One walk for the titles holding any of the words (one a word cost as much each as the search).
  const inTitle = `title : (${terms.join(' OR ')})`;
  for (const rowid of walkNewest(prepared, every ? `${match} AND ${inTitle}` : inTitle, from)) {
    const idf = best.get(rowid);
    if (idf !== undefined) scores.set(rowid, (scores.get(rowid) ?? 0) + idf * (saturated(TITLE_WEIGHT + 1) - saturated(1)));
  }
  return every ? nearFirst(prepared, terms, scores, from) : scores;
}

/**
 * Every word: the articles holding all the words within NEAR_TOKENS of one another (FTS5's NEAR,
 * one walk over the window) before the others, each group in its own order. /ask quotes a sentence
 * naming the company with what was asked; such an article is likelier to hold one (at 100k, 247 of
 * 310 /ask replies cite sources with it, 236 without; main's bm25 237).
 */
function nearFirst(prepared: Prepared, terms: string[], scores: Map<number, number>, from: number): Map<number, number> {
  if (terms.length < 2) return scores;
  let top = 0;
  for (const score of scores.values()) top = Math.max(top, score);
  for (const rowid of walkNewest(prepared, `NEAR(${terms.join(' ')}, ${NEAR_TOKENS})`, from)) {
    const score = scores.get(rowid);
    if (score !== undefined) scores.set(rowid, score + top + 1);
  }
  return scores;
}

/** bm25's term-frequency part for a weighted frequency `f`, without length normalisation. */
function saturated(f: number): number {
  return (f * (K1 + 1)) / (f + K1);
}

// The ranking of an any-word search over its newest matches only (SearchQuery.newest), done here
// rather than by FTS5's bm25: bm25 counts each word's articles over the whole table (it reads the
// word's entire doclist), a cost that grows with the store. Here every count is over the newest
// matches' rowid range, which FTS5 walks cheaply, so the cost stays that of the window.
import type { SQLInputValue, StatementSync } from 'node:sqlite';

/** A word in the title counts this much more than one in the text, as bm25(3.0, 1.0) weighs the columns (migration 11). */
const TITLE_WEIGHT = 3;
/** bm25's term-frequency saturation (FTS5's k1). */
const K1 = 1.2;

/** One quoted FTS5 term per word (the words are freeTextToFtsQuery's, already plain letters and digits). */
export function quotedTerms(match: string): string[] {
  return match.split(' OR ');
}

/** The SQL the ranking runs, for plan checks: the window's lower bound, then one walk per word and column. */
export const NEWEST_STATEMENTS = {
  /** The oldest rowid among the newest `?` matches: FTS5 walks its doclists newest first to the Nth. */
  bound: 'SELECT min(rowid) AS bound FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)',
  /** The newest rowid stored: the window is the rowids from the bound to it. */
  top: 'SELECT max(rowid) AS top FROM articles',
  /** The rowids in the window holding a word (in a column, with a `title : ` filter), as one text. */
  word: 'SELECT group_concat(rowid) AS rowids FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ?',
} as const;

export interface RankedRowids {
  /** Rowids best first: more (and rarer) words, in the title above the text, then the newer. */
  rowids: number[];
  scores: number[];
}

function rowidsOf(statement: StatementSync, parameters: SQLInputValue[]): number[] {
  const joined = statement.get(...parameters)?.['rowids'];
  return typeof joined === 'string' && joined !== '' ? joined.split(',').map(Number) : [];
}

/**
 * Ranks the newest `newest` articles matching any of the quoted `terms` (a FTS5 OR query). Each
 * word found scores as bm25 would score an article holding it once in its text and, when the title
 * holds it, once in its title (weighted TITLE_WEIGHT), without bm25's length normalisation; its
 * inverse document frequency is counted over the window: the articles stored from the oldest of
 * those matches on.
 */
export function rankNewest(prepared: (sql: string) => StatementSync, terms: string[], newest: number): RankedRowids {
  const none = { rowids: [], scores: [] };
  if (terms.length === 0 || newest <= 0) return none;
  const bound = prepared(NEWEST_STATEMENTS.bound).get(terms.join(' OR '), newest)?.['bound'];
  if (typeof bound !== 'number' && typeof bound !== 'bigint') return none;
  const from = Number(bound);
  const top = Number(prepared(NEWEST_STATEMENTS.top).get()?.['top'] ?? from);
  // Articles stored in the window (rowids are never reused; one removed since is still counted).
  const stored = Math.max(1, top - from + 1);
  const word = prepared(NEWEST_STATEMENTS.word);
  const found = new Uint8Array(stored);
  const inTitle = new Uint8Array(stored);
  const scores = new Float64Array(stored);
  for (const term of terms) {
    const anywhere = rowidsOf(word, [term, from]);
    if (anywhere.length === 0) continue;
    // FTS5's bm25 idf, floored as FTS5 floors it, over the window.
    const idf = Math.max(1e-6, Math.log((stored - anywhere.length + 0.5) / (anywhere.length + 0.5)));
    for (const rowid of rowidsOf(word, [`title : ${term}`, from])) inTitle[rowid - from] = 1;
    for (const rowid of anywhere) {
      const at = rowid - from;
      const f = TITLE_WEIGHT * (inTitle[at] ?? 0) + 1;
      scores[at] = (scores[at] ?? 0) + (idf * (f * (K1 + 1))) / (f + K1);
      found[at] = 1;
    }
    for (const rowid of anywhere) inTitle[rowid - from] = 0;
  }
  const matched: number[] = [];
  for (let at = stored - 1; at >= 0; at -= 1) if (found[at] === 1) matched.push(at);
  // Newest first already; a stable sort keeps the newer first among equal scores.
  matched.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  return { rowids: matched.map((at) => at + from), scores: matched.map((at) => scores[at] ?? 0) };
}

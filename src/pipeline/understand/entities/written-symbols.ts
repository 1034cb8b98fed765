// A ticker written right after a name is the writer telling which instrument they mean: "Cronos (CRO)" in a
// crypto article is Crypto.com's token, not Cronos Group Inc (CRON), whose name the gazetteer found.
import type { Token } from '../name-keys/index.ts';
import { phraseWords } from '../name-keys/index.ts';
import type { ReferenceEntity, ReferenceIndex } from '../reference/index.ts';
import { ACRONYMS } from './acronyms.ts';
import type { TokenContext } from './context.ts';
import type { Found } from './mention-tally.ts';
import { slugify } from './names.ts';
import type { OpenEntity } from './open-names.ts';
import { ORGANISATION_TYPES } from './open-words.ts';
import { acronymExpansion, bracketPieces, prefixedPiece } from './symbols.ts';

/** A name found (by the reference or by its shape), relinked in place. */
type Named = { start: number; end: number; entity: ReferenceEntity; weak?: boolean };

/** What one article's texts (body, then headline) have shown: names that are another instrument, and whether it is about crypto. */
export interface WrittenSymbols {
  /** `entity id \0 name keys` → the instrument that name is in this article. */
  relinked: Map<string, ReferenceEntity>;
  crypto: boolean;
}

export const writtenSymbols = (): WrittenSymbols => ({ relinked: new Map(), crypto: false });

// One or more bracketed groups right after the name ("( 7203.T )( TM.N )"), or a cashtag ("Cronos $CRO").
const AFTER_NAME = /^['’]?s?[^\S\n]*(?:((?:\([^()\n]{1,40}\)[^\S\n]*)+)|\$([A-Za-z][A-Za-z0-9]{0,5})(?![\p{L}\p{N}]))/du;
const SYMBOL = /^\$?[A-Z0-9]{1,9}[a-z]?(?:[.\-/][A-Z]{1,3})?$/;
/** A symbol as crypto tokens are written: capitals, no market suffix or exchange. */
const BARE = /^[A-Z][A-Z0-9]{1,5}$/;
const CRYPTO_WORDS = /\b(?:crypto\w*|blockchains?|stablecoins?|altcoins?|tokens?|DeFi|NFTs?)\b/i;

/**
 * Relinks names whose written symbol contradicts the reference entity the name found (it has tickers and none is
 * the symbol, however suffixed or spelled): to the reference entity the symbol is, or, in a crypto text, to an
 * open crypto asset of that name and symbol. Then every match of that entity under the same words, here and in
 * the article's other text, is relinked (`apply`). A curated big name (rank 3) is trusted over the symbol unless
 * it is the tail of a longer capitalised name ("Industrial and Commercial Bank of China Ltd ( 601398.SS )"): in
 * Reuters a code after such a name is a typo ("ConocoPhillips ( CVX.N )") or a former ticker ("Facebook ( FB.O )")
 * more often than another company. "Prudential's M&G ( PRU.L )": after a possessive the symbol may be the owner's.
 * In crypto news an asset or currency ending a longer name is that name's token ("Wrapped Bitcoin (WBTC)", this
 * mention only), and a symbol after an asset or currency is never a listed company's ("Litecoin (LITE)").
 */
export function relinkByWrittenSymbols(
  context: TokenContext,
  found: readonly Named[],
  symbols: readonly Found[],
  index: ReferenceIndex,
  state: WrittenSymbols,
): Set<Named> {
  const { text } = context;
  // Names found inside a token's longer name: no mentions of their own.
  const inside = new Set<Named>();
  state.crypto ||= CRYPTO_WORDS.test(text) || found.some((match) => !match.weak && match.entity.type === 'crypto');
  for (const name of found) {
    const entity = name.entity;
    const organisation = ORGANISATION_TYPES.has(entity.type);
    if (!(organisation || entity.type === 'crypto' || entity.type === 'currency') || entity.tickers.length === 0) continue;
    if (text.charCodeAt(name.end) !== 40 && text.charCodeAt(name.end + 1) !== 40 && !text.slice(name.end, name.end + 8).includes('$')) continue;
    const after = AFTER_NAME.exec(text.slice(name.end, name.end + 100));
    if (after === null || /['’]s\s$/.test(text.slice(Math.max(0, name.start - 3), name.start))) continue;
    const pieces = written(after, name.end);
    if (pieces.length === 0 || pieces.some((piece) => index.byTicker(piece.ticker).includes(entity))) continue;
    // Where the longer capitalised name that this one ends starts ("Wrapped Bitcoin (WBTC)"), or null; in
    // crypto news it may hold an issuer's name ("Binance USD (BUSD)") or another name ("Sakura Exchange BitCoin").
    const longerSpan = longerName(context, name, found, state.crypto && !organisation && pieces.length === 1 && pieces[0]?.bare === true);
    const longer = longerSpan?.start ?? null;
    // "Litecoin (LITE)", "Wrapped Ethereum (WETH)" in crypto news: a token's symbol, not the listed company's.
    const listed =
      organisation || !state.crypto ? [] : symbols.filter((symbol) => pieces.some((piece) => piece.start === symbol.start) && symbol.entity.type === 'company');
    for (const symbol of listed) {
      symbol.weak = true;
      symbol.counted = false;
    }
    // "Litecoin (LITE)", "ConocoPhillips ( CVX.N )": an asset, currency or big name by itself is trusted over the symbol.
    if ((!organisation || (entity.rank ?? 0) >= 3) && longer === null) continue;
    const another = organisation ? symbols.find((symbol) => pieces.some((piece) => piece.start === symbol.start) && symbol.entity !== entity) : undefined;
    let meant: ReferenceEntity | undefined = another?.entity;
    if (another !== undefined) another.counted = false;
    else if (state.crypto && pieces.length === 1) meant = openAsset(context, longer ?? name.start, name.end, pieces[0] as Piece, index, listed.length > 0);
    if (meant === undefined) continue;
    if (name.weak !== undefined) name.weak = false;
    // The words found name the other instrument only as part of the longer name: this mention alone is relinked.
    if (longer !== null) {
      if (another === undefined) name.start = longer;
      name.entity = meant;
      for (const other of longerSpan?.inside ?? []) inside.add(other);
    } else state.relinked.set(relinkKey(entity, text.slice(name.start, name.end)), meant);
  }
  apply(text, found, state);
  return inside;
}

/** Relinks the matches of `found` (in `text`) that this article has shown to be another instrument. */
export function apply(text: string, found: readonly Named[], state: WrittenSymbols): void {
  if (state.relinked.size === 0) return;
  for (const match of found) {
    const meant = state.relinked.get(relinkKey(match.entity, text.slice(match.start, match.end)));
    if (meant !== undefined) match.entity = meant;
  }
}

const relinkKey = (entity: ReferenceEntity, written: string): string =>
  `${entity.id}\u0000${phraseWords(written.replace(/['’]s$/, ''))
    .map((word) => word.key)
    .join(' ')}`;

interface Piece {
  start: number;
  ticker: string;
  bare: boolean;
}

/** The symbols written after the name, with where each starts in the text; empty when any piece is not a symbol. */
function written(after: RegExpExecArray, offset: number): Piece[] {
  const cashtag = after[2];
  if (cashtag !== undefined) return [{ start: offset + (after.indices?.[2]?.[0] ?? 0) - 1, ticker: cashtag.toUpperCase(), bare: true }];
  const pieces: Piece[] = [];
  const groups = after[1] ?? '';
  const base = offset + (after.indices?.[1]?.[0] ?? 0);
  for (const group of groups.matchAll(/\(([^()]*)\)/g)) {
    for (const { start, text: piece } of bracketPieces(group[1] ?? '', base + group.index + 1)) {
      const ticker = prefixedPiece(piece) ?? null;
      if (ticker !== null) pieces.push({ start, ticker, bare: false });
      else if (SYMBOL.test(piece)) pieces.push({ start, ticker: piece.replace(/^\$/, ''), bare: BARE.test(piece.replace(/^\$/, '')) });
      else return [];
    }
  }
  return pieces;
}

/**
 * Where a longer capitalised name written right before the name found starts, or null, and the other
 * names found inside it: none unless `absorb` (a coin or currency in crypto news: "Binance USD",
 * "Sakura Exchange BitCoin"), where a name found that ends right before is part of the token's name.
 */
function longerName(context: TokenContext, name: Named, found: readonly Named[], absorb: boolean): { start: number; inside: Named[] } | null {
  const { tokens, sentenceStart, text } = context;
  let position = tokens.findIndex((token) => token.start === name.start);
  let start: number | null = null;
  const inside: Named[] = [];
  for (let words = 0; position > 0 && words < 4 && sentenceStart[position] !== 1; words += 1) {
    const previous = tokens[position - 1] as Token;
    if (previous.shape !== 'capitalized' && previous.shape !== 'upper') break;
    if (text.slice(previous.end, (tokens[position] as Token).start) !== ' ' || /['’]s$/.test(previous.text)) break;
    const other = found.find((match) => match !== name && match.start < previous.end && previous.start < match.end);
    if (other !== undefined && !(absorb && other.end === previous.end)) break;
    // A name found is taken whole: "Sakura Exchange" before "BitCoin".
    const first = other === undefined ? position - 1 : tokens.findIndex((token) => token.start === other.start);
    if (first < 0) break;
    if (other !== undefined) inside.push(other);
    words += position - 1 - first;
    start = (tokens[first] as Token).start;
    position = first;
  }
  return start === null ? null : { start, inside };
}

/** An unlisted crypto asset named as written ("Cronos", ticker CRO), when the symbol is no known instrument and no acronym. */
function openAsset(context: TokenContext, start: number, end: number, piece: Piece, index: ReferenceIndex, listed: boolean): ReferenceEntity | undefined {
  const symbol = piece.ticker;
  if (!piece.bare || (index.byTicker(symbol).length > 0 && !listed) || ACRONYMS.has(symbol) || index.isCommonWord(symbol.toLowerCase())) return undefined;
  if (acronymExpansion(context, end, symbol) !== null) return undefined;
  const written = context.text.slice(start, end).replace(/['’]s$/, '');
  const slug = slugify(written);
  if (slug === '') return undefined;
  const id = index.get(`crypto:${slug}`) === undefined ? `crypto:${slug}` : `crypto:${slug}-${slugify(symbol)}`;
  const entity: OpenEntity = { id, name: written, type: 'crypto', ticker: symbol, tickers: [symbol], aliases: [], topics: ['crypto'], rank: 0 };
  return entity;
}

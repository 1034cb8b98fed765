import { ACRONYMS } from './acronyms.ts';
import type { TokenContext } from './context.ts';
import type { Gazetteer } from './gazetteer.ts';
import { EXCHANGE_PREFIXES, MARKET_SUFFIXES, prefixedTicker } from '../name-keys/index.ts';
import { nameKey, type ReferenceEntity, type ReferenceIndex } from '../reference/index.ts';

/** A ticker written out in the text: a cashtag, a RIC or symbol in parentheses, or an exchange-prefixed symbol. */
export interface SymbolMatch {
  start: number;
  end: number;
  entity: ReferenceEntity;
  /** True when it only repeats the name just before it ("Exxon Mobil ( XOM.N )"): it is not counted again. */
  repeatsName: boolean;
}

/** Where a name was found by the gazetteer, so a symbol right after it can confirm it. */
export interface NameSpan {
  start: number;
  end: number;
  entity: ReferenceEntity;
}

const CASHTAG = /(?<![\p{L}\p{N}$])\$([A-Za-z][A-Za-z0-9]{0,5}(?:[.\-][A-Za-z]{1,3})?)(?![\p{L}\p{N}])/gu;
const PARENTHESES = /\(([^()\n]{1,80})\)/g;
const PREFIXED = new RegExp(
  `\\b(${Object.keys(EXCHANGE_PREFIXES).join('|')}|NYSE American|NYSE Arca|Nasdaq|NasdaqGS)\\s*:\\s*([A-Za-z0-9]{1,8}(?:[.\\-][A-Za-z]{1,3})?)\\b`,
  'g',
);
// Currency prefixes written like cashtags: "$A", "$US", "$HK".
const NOT_CASHTAGS = new Set(['A', 'C', 'S', 'R', 'US', 'HK', 'NZ', 'AU', 'CA', 'SG', 'NT', 'M', 'K', 'B', 'BN', 'MN', 'MLN', 'BLN', 'TRN']);
// Reuters writes index RICs with a dot (".SPX") and futures with a "c1" tail ("LCOc1"); Yahoo spells them differently.
const INDEX_RICS: Readonly<Record<string, string>> = { SPX: '^GSPC', INX: '^GSPC', SSEC: '000001.SS', CSI300: '000300.SS', HSCE: '^HSCE' };
const FUTURES_ROOTS: Readonly<Record<string, string>> = {
  LCO: 'BZ=F',
  CL: 'CL=F',
  NG: 'NG=F',
  GC: 'GC=F',
  SI: 'SI=F',
  HG: 'HG=F',
  W: 'ZW=F',
  C: 'ZC=F',
  S: 'ZS=F',
  SB: 'SB=F',
  KC: 'KC=F',
  CC: 'CC=F',
  CT: 'CT=F',
  RB: 'RB=F',
};

export function findSymbols(context: TokenContext, index: ReferenceIndex, gazetteer: Gazetteer, names: readonly NameSpan[]): SymbolMatch[] {
  const { text } = context;
  const found: SymbolMatch[] = [];
  // Characters already inside a symbol found (symbols are short, so checking a span's characters stays linear).
  let taken: Uint8Array | null = null;
  const claimed = (start: number, end: number): boolean => taken !== null && taken.subarray(start, end).includes(1);
  const push = (start: number, end: number, entity: ReferenceEntity | undefined): void => {
    if (entity === undefined || claimed(start, end)) return;
    taken ??= new Uint8Array(text.length);
    taken.fill(1, start, end);
    found.push({ start, end, entity, repeatsName: repeatsName(text, names, start, entity) });
  };

  for (const match of text.matchAll(PREFIXED)) {
    const [whole, exchange = '', symbol = ''] = match;
    const ticker = prefixedTicker(exchange.replace(/\s+/g, ''), symbol.toUpperCase()) ?? prefixedTicker(exchange.split(/\s/)[0] ?? '', symbol);
    if (ticker !== null) push(match.index, match.index + whole.length, index.byTicker(ticker)[0]);
  }
  for (const match of text.matchAll(CASHTAG)) {
    const symbol = match[1] ?? '';
    if (NOT_CASHTAGS.has(symbol.toUpperCase())) continue;
    push(match.index, match.index + match[0].length, index.byTicker(symbol)[0]);
  }
  for (const match of text.matchAll(PARENTHESES)) {
    for (const { start, text: piece } of bracketPieces(match[1] ?? '', match.index + 1)) {
      const entity = resolveSymbol(piece, start, context, index, gazetteer, names);
      push(start, start + piece.length, entity ?? undefined);
    }
  }
  return found;
}

/** A bracket's contents cut at commas, semicolons, slashes, "and" and "or" ("AAPL.O, MSFT.O"), each piece trimmed, with where it starts. */
export function bracketPieces(inner: string, offset: number): Array<{ start: number; text: string }> {
  const pieces: Array<{ start: number; text: string }> = [];
  let at = offset;
  // The separators are captured, at the odd places.
  for (const [place, piece] of inner.split(/([,;/]|\s+and\s+|\s+or\s+)/).entries()) {
    const trimmed = piece.trim();
    const start = at + piece.indexOf(trimmed);
    at += piece.length;
    if (place % 2 === 0 && trimmed !== '') pieces.push({ start, text: trimmed });
  }
  return pieces;
}

const PREFIXED_PIECE = /^([A-Za-z ]{2,14}?)\s*:\s*([A-Za-z0-9.\-]{1,10})$/;

/** "NYSE: XOM" as the reference spells it ("XOM"); null for an exchange it does not know; undefined when the piece has no exchange. */
export function prefixedPiece(piece: string): string | null | undefined {
  const prefixed = PREFIXED_PIECE.exec(piece);
  if (prefixed?.[1] === undefined || prefixed[2] === undefined) return undefined;
  return prefixedTicker(prefixed[1].replace(/\s+/g, ''), prefixed[2]);
}

function resolveSymbol(
  symbol: string,
  start: number,
  context: TokenContext,
  index: ReferenceIndex,
  gazetteer: Gazetteer,
  names: readonly NameSpan[],
): ReferenceEntity | null {
  const first = (candidates: readonly ReferenceEntity[]): ReferenceEntity | null => candidates[0] ?? null;
  const indexRic = /^\.([A-Z0-9]{2,12})$/.exec(symbol);
  if (indexRic?.[1] !== undefined) return first(index.byTicker(INDEX_RICS[indexRic[1]] ?? `^${indexRic[1]}`));
  const quote = /^([A-Z]{3,6})=$/.exec(symbol);
  if (quote?.[1] !== undefined)
    return first(index.byTicker(quote[1].slice(0, 3) === 'USD' && quote[1].length === 6 ? quote[1].slice(3) : quote[1].slice(0, 3)));
  const future = /^([A-Z]{1,3})c\d$/.exec(symbol);
  if (future?.[1] !== undefined) {
    const root = FUTURES_ROOTS[future[1]];
    return root === undefined ? null : first(index.byTicker(root));
  }
  const suffixed = /^([A-Z0-9&]{1,9}[a-z]?)\.([A-Z]{1,3})$/.exec(symbol);
  if (suffixed?.[2] !== undefined) {
    const known = MARKET_SUFFIXES.has(suffixed[2]) || /^(O|OQ|N|K|A|P|Q|PK|OB|Z|B|S|VX|F|SG)$/.test(suffixed[2]);
    return known ? first(index.byTicker(symbol)) : null;
  }
  const prefixed = prefixedPiece(symbol);
  if (prefixed !== undefined) return prefixed === null ? null : first(index.byTicker(prefixed));
  if (!/^[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z])?$/.test(symbol) || gazetteer.isSingleWordAlias(symbol.toLowerCase())) return null;
  // A bare symbol in parentheses: trusted right after its own company's name, otherwise only when it cannot
  // be an acronym being defined ("artificial intelligence (AI)") or an everyday word.
  const candidates = index.byTicker(symbol).filter((entity) => (entity.rank ?? 0) >= 1 || entity.type !== 'company');
  const named = candidates.find((entity) => repeatsName(context.text, names, start, entity));
  if (named !== undefined) return named;
  const entity = candidates[0];
  if (entity === undefined || symbol.length < 2 || ACRONYMS.has(symbol) || index.isCommonWord(symbol)) return null;
  if (definesAcronym(context, start, symbol)) return null;
  const before = lastTokenBefore(context, start);
  return before !== undefined && before.shape !== 'lower' && before.shape !== 'number' ? entity : null;
}

/** True when a name of the same entity ends just before the symbol's opening parenthesis. */
function repeatsName(text: string, names: readonly NameSpan[], start: number, entity: ReferenceEntity): boolean {
  // Names are in text order and do not overlap: a binary search finds the last one ending before the symbol.
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((names[middle] as NameSpan).end <= start) low = middle + 1;
    else high = middle;
  }
  const name = names[low - 1];
  if (name === undefined || start - name.end > 40) return false;
  return name.entity === entity && /^['’s\s,]*\(\s*(?:[A-Za-z ]{2,14}:\s*)?[^()]*$/.test(text.slice(name.end, start));
}

/** "Securities and Exchange Commission (SEC)": the initials of the words before the parenthesis spell the symbol. */
function definesAcronym(context: TokenContext, start: number, symbol: string): boolean {
  return acronymExpansion(context, start, symbol) !== null;
}

/** Where the words whose initials spell `symbol` start, when they end right before `start`; null when they do not. */
export function acronymExpansion(context: TokenContext, start: number, symbol: string): number | null {
  const wanted = symbol.toLowerCase();
  let initials = '';
  let from: number | null = null;
  for (let position = lastTokenIndexBefore(context, start); position >= 0 && initials.length < wanted.length; position -= 1) {
    const token = context.tokens[position];
    if (token === undefined) break;
    if (/^(of|and|for|the|&|in|on)$/.test(token.key)) continue;
    initials = (token.key.charAt(0) ?? '') + initials;
    from = token.start;
  }
  return initials === wanted ? from : null;
}

/**
 * Acronyms the text defines as something else: "External commercial borrowings (ECB)" makes every later
 * "ECB" in that text the borrowings, not the European Central Bank.
 */
export function redefinedAcronyms(context: TokenContext, index: ReferenceIndex): Set<string> {
  const redefined = new Set<string>();
  for (const match of context.text.matchAll(/\((\p{Lu}{2,6})s?\)/gu)) {
    const acronym = match[1] ?? '';
    const from = acronymExpansion(context, match.index, acronym);
    if (from === null) continue;
    const meant = index.byNameKey(nameKey(context.text.slice(from, match.index)));
    const usual = index.byNameKey(acronym.toLowerCase());
    if (usual.length > 0 && !usual.some((entity) => meant.includes(entity))) redefined.add(acronym.toLowerCase());
  }
  return redefined;
}

function lastTokenIndexBefore(context: TokenContext, start: number): number {
  let low = 0;
  let high = context.tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((context.tokens[middle]?.end ?? Infinity) <= start) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function lastTokenBefore(context: TokenContext, start: number): TokenContext['tokens'][number] | undefined {
  return context.tokens[lastTokenIndexBefore(context, start)];
}

import type { EntityMention } from '../../../domain/index.ts';
import { analyseText, type SharedTokens, type TokenContext } from './context.ts';
import { type AliasEntry, buildGazetteer, type Gazetteer, type TrieNode } from './gazetteer.ts';
import { ACRONYMS } from './acronyms.ts';
import { findSymbols, type NameSpan, redefinedAcronyms } from './symbols.ts';
import { findOpenOrganisations, type OpenAliases, ORGANISATION_TYPES } from './open-names.ts';
import { type Found, summarise } from './mention-tally.ts';
import { findPeople } from './people.ts';
import { mergeInitials } from './merge-initials.ts';
import { movesByFigure, opensClause } from './judge-cues.ts';
import { listingsAfterNames } from './listings.ts';
import { claimedTokens, overlapsAny } from './spans.ts';
import { apply as relinkWritten, relinkByWrittenSymbols, type WrittenSymbols, writtenSymbols } from './written-symbols.ts';
import { anotherIndexEnd, closesIndexName, namesSomethingElse } from './index-names.ts';
import { MARKET_SUFFIXES, phraseWords, type Token } from '../name-keys/index.ts';
import type { ReferenceEntity, ReferenceIndex } from '../reference/index.ts';

export interface EntityRecognizer {
  /** Entities the title and text mention, resolved to the reference, most mentioned first. */
  /** `tokens`: the title's and text's tokens (tokenize) when the caller shares them with other passes. */
  recognize(title: string, text: string, tokens?: SharedTokens): EntityMention[];
  /** Where in `text` each accepted mention is (for highlighting and evaluation), in text order. */
  locate(text: string): EntityLocation[];
}

export interface EntityLocation {
  start: number;
  end: number;
  entity: ReferenceEntity;
}

const NONE: ReadonlySet<string> = new Set();
const LEGAL_SUFFIX = /^(inc|corp|co|ltd|plc|llc|ag|sa|nv|se)$/;
const COMPANY_CUES = /^(inc|corp|co|ltd|plc|shares|stock|said|says|reported|posted|announced|unveiled|launched|shareholders|ceo|executives|stake)$/;
// Words after a one-word name that show it is part of a longer proper name, unlike "Apple Inc" or "Apple's".
const CORPORATE_TAIL = /^(inc|corp|co|ltd|plc|group|holdings|shares?|stock|sa|ag|nv|se|llc|lp)$/;

export function createEntityRecognizer(index: ReferenceIndex): EntityRecognizer {
  const gazetteer = buildGazetteer(index);
  return {
    recognize(title: string, text: string, tokens?: SharedTokens): EntityMention[] {
      // The body first: names it introduces ("Zignal Labs Inc") are then recognised in the headline too.
      const aliases: OpenAliases = new Map();
      const written = writtenSymbols();
      const body = findAll(text, gazetteer, index, aliases, written, tokens?.text);
      const found = [...findAll(title, gazetteer, index, aliases, written, tokens?.title), ...body];
      // "Cronos (CRO)" in the headline only: the body's "Cronos" is that asset too.
      relinkWritten(text, body, written);
      mergeInitials(found, index);
      return summarise(found);
    },
    locate(text: string): EntityLocation[] {
      const found = findAll(text, gazetteer, index, new Map(), writtenSymbols());
      mergeInitials(found, index);
      const strong = new Set(found.filter((match) => !match.weak).map((match) => match.entity));
      return found
        .filter((match) => !match.weak || strong.has(match.entity))
        .sort((left, right) => left.start - right.start)
        .map(({ start, end, entity }) => ({ start, end, entity }));
    },
  };
}

function findAll(text: string, gazetteer: Gazetteer, index: ReferenceIndex, aliases: OpenAliases, written: WrittenSymbols, tokens?: readonly Token[]): Found[] {
  if (text.trim() === '') return [];
  const context = analyseText(text, tokens);
  // Words that name no entity but must not be read as an unknown organisation either ("S&P energy index").
  const unnamed: Array<{ start: number; end: number }> = [];
  const names = matchNames(context, gazetteer, index, unnamed);
  const symbols = findSymbols(context, index, gazetteer, names);
  // A symbol that overlaps a name ("NYSE" inside "(NYSE: GS)") replaces it.
  const sortedSymbols = [...symbols].sort((left, right) => left.start - right.start);
  const kept = symbols.length === 0 ? names : names.filter((name) => !overlapsAny(sortedSymbols, name.start, name.end));
  const known: Found[] = [...kept, ...symbols.map((symbol) => ({ ...symbol, weak: false, counted: !symbol.repeatsName }))];
  // Names no list holds: organisations by shape and context, then people by their roles.
  // Unsure matches ("Tavistock" the little-known listing) do not stop a longer open name from being read.
  const claimed = claimedTokens(context.tokens, [...known.filter((match) => !match.weak), ...unnamed]);
  const open = findOpenOrganisations(context, claimed, index, aliases);
  // "Cronos (CRO)": a symbol written after a name that contradicts the entity found says which instrument is meant.
  // "Binance USD (BUSD)": a name found inside a token's longer name is no mention of its own.
  const inside = relinkByWrittenSymbols(context, [...kept, ...open], known.slice(kept.length), index, written);
  for (const match of kept) if (inside.has(match)) Object.assign(match, { weak: true, counted: false });
  if (inside.size > 0) open.splice(0, open.length, ...open.filter((span) => !inside.has(span)));
  // Once "Nikkei Inc" is named, a bare "Nikkei" in the same article is that company, not the index.
  if (aliases.size > 0) {
    for (const match of known) {
      if (ORGANISATION_TYPES.has(match.entity.type)) continue;
      const keys = phraseWords(text.slice(match.start, match.end)).map((word) => word.key);
      const alias = aliases.get(keys[0] ?? '')?.find((candidate) => candidate.keys.join(' ') === keys.join(' '));
      if (alias !== undefined && ORGANISATION_TYPES.has(alias.entity.type)) {
        match.entity = alias.entity;
        match.weak = false;
      }
    }
  }
  const withOpen = claimedTokens(context.tokens, open, claimed);
  const organisations = [...known.filter((match) => !match.weak), ...open].sort((left, right) => left.start - right.start);
  const people = findPeople(context, organisations, withOpen, index);
  // "Boohoo (LSE: BOO)": a listing after an organisation's name is its symbol, known to the reference or not; not counted again.
  const listings = listingsAfterNames(
    text,
    organisations.filter((match) => ORGANISATION_TYPES.has(match.entity.type)),
    [...known, ...open],
  );
  return [
    ...known,
    ...[...open, ...people].map((span) => ({ ...span, weak: false, counted: true })),
    ...listings.map((span) => ({ ...span, weak: false, counted: false })),
  ];
}

function matchNames(context: TokenContext, gazetteer: Gazetteer, index: ReferenceIndex, unnamed: Array<{ start: number; end: number }>): Found[] {
  const { tokens } = context;
  const found: Found[] = [];
  const redefined = context.text.includes('(') ? redefinedAcronyms(context, index) : NONE;
  let position = 0;
  while (position < tokens.length) {
    const token = tokens[position] as Token;
    if (token.shape === 'upper' && redefined.has(token.key)) {
      position += 1;
      continue;
    }
    const match = longestMatch(context, gazetteer, position);
    if (match !== null && !overtaken(context, gazetteer, position, match.end)) {
      const another = match.entry.entity?.type === 'index' ? anotherIndexEnd(context, match.end) : -1;
      if (another > 0) {
        unnamed.push({ start: token.start, end: (tokens[another - 1] as Token).end });
        position = another;
        continue;
      }
      const last = tokens[match.end - 1] as Token;
      // "NEW YORK (Reuters) -": a news agency's credit line, not a mention of it.
      const credit = /\(\s*$/.test(context.text.slice(token.start - 2, token.start)) && /^\s*\)\s*[-–—]/.test(context.text.slice(last.end, last.end + 4));
      if (match.entry.entity !== null && !credit) {
        found.push({ start: token.start, end: last.end, entity: match.entry.entity, weak: match.weak, counted: true });
      }
      position = match.end;
      continue;
    }
    const ticker = bareTicker(context, position, index, gazetteer);
    // Three letters make many words and acronyms ("PSA", "CVS"): such a ticker counts only beside the name.
    if (ticker !== null) found.push({ start: token.start, end: token.end, entity: ticker, weak: /^[A-Z]{3}$/.test(token.text), counted: true });
    position += 1;
  }
  return found;
}

/** True when an alias starting inside [first, end) runs past `end`: "the Nasdaq 100" is the index, not "the Nasdaq". */
function overtaken(context: TokenContext, gazetteer: Gazetteer, first: number, end: number): boolean {
  for (let position = first + 1; position < end; position += 1) {
    const later = longestMatch(context, gazetteer, position);
    if (later !== null && later.end > end) return true;
  }
  return false;
}

/** The longest alias starting at `first` that its context accepts, trying shorter ones when a longer one is refused. */
function longestMatch(context: TokenContext, gazetteer: Gazetteer, first: number): { entry: AliasEntry; end: number; weak: boolean } | null {
  // Most tokens start no alias: settled by the filter of first words, or one lookup, before any allocation.
  const opening = context.tokens[first];
  if (opening === undefined || !gazetteer.firstWords.mayHold(opening.key)) return null;
  let node: TrieNode | undefined = gazetteer.root.next?.get(opening.key);
  if (node === undefined) return null;
  const candidates: Array<{ entries: AliasEntry[]; end: number }> = [];
  // The walk goes on from the node of the opening word, looked up once.
  for (let position = first + 1; ; position += 1) {
    if (node.entries !== null) candidates.push({ entries: node.entries, end: position });
    // A word joined by a hyphen to a longer phrase's end is still part of it ("Nasdaq-100"); other punctuation is not checked.
    if (node.next === null || position >= context.tokens.length) break;
    const key = (context.tokens[position] as Token).key;
    if (!gazetteer.laterWords.mayHold(key)) break;
    node = node.next.get(key);
    if (node === undefined) break;
  }
  for (let candidate = candidates.length - 1; candidate >= 0; candidate -= 1) {
    const { entries, end } = candidates[candidate] as { entries: AliasEntry[]; end: number };
    let weakMatch: AliasEntry | null = null;
    for (const entry of entries) {
      const verdict = judge(context, entry, first, end);
      if (verdict === 'strong') return { entry, end, weak: false };
      if (verdict === 'weak') weakMatch ??= entry;
    }
    if (weakMatch !== null) return { entry: weakMatch, end, weak: true };
  }
  return null;
}

/** Whether the words at [first, end) really are this alias: their capitals, their neighbours, their sentence. */
function judge(context: TokenContext, entry: AliasEntry, first: number, end: number): 'strong' | 'weak' | 'no' {
  const { tokens, sentenceStart, informative } = context;
  const opensSentence = sentenceStart[first] === 1;
  const prose = informative[first] === 1;
  const aliasHasCapitals = entry.shapes.some((shape) => shape === 'upper' || shape === 'capitalized');
  for (let offset = 0; offset < entry.shapes.length; offset += 1) {
    const wanted = entry.shapes[offset];
    const shape = (tokens[first + offset] as Token).shape;
    if (wanted === 'upper' && shape !== 'upper') return 'no';
    if (wanted === 'capitalized' && shape === 'lower') return 'no';
    // A lower-case alias word may be capitalised only where capitals mean nothing: opening a sentence, in a
    // headline, or inside a capitalised name ("Bank Of America").
    if (wanted === 'lower' && shape !== 'lower' && !(aliasHasCapitals || !prose || (offset === 0 && opensSentence))) return 'no';
  }
  const last = tokens[end - 1] as Token;
  const next = tokens[end];
  const previous = tokens[first - 1];
  if (entry.startsWithThe && last.hyphenAfter) return 'no';
  // "(LSE: BVS)": an exchange written as a ticker prefix is not itself news.
  if (entry.entity?.type === 'exchange' && /^\s*:\s*[A-Z0-9]/.test(context.text.slice(last.end, last.end + 12))) return 'no';
  if (entry.possessive && !/['’]s$/i.test(last.text)) return 'no';
  // "Nikkei Inc": a legal suffix makes the words a company's name, not the index or commodity of that name.
  if (entry.entity !== null && !ORGANISATION_TYPES.has(entry.entity.type) && next !== undefined && LEGAL_SUFFIX.test(next.key)) return 'no';
  if (entry.entity?.type === 'index' && namesSomethingElse(context, first, end)) return 'no';
  // Only words joined by plain spaces make one name: "Helen Schwab" does, "Google, Facebook" does not.
  const opening = tokens[first] as Token;
  const followsName =
    previous !== undefined &&
    !opensSentence &&
    isNameWord(previous) &&
    !opensClause(context, first - 1) &&
    !last.hyphenBefore &&
    /^ +$/.test(context.text.slice(previous.end, opening.start));
  const precedesName =
    next !== undefined &&
    sentenceStart[end] !== 1 &&
    next.shape === 'capitalized' &&
    !CORPORATE_TAIL.test(next.key) &&
    // "The Standard & Poor's 500 Index": an index's own head word goes on its name, not another one.
    !(entry.entity?.type === 'index' && closesIndexName(next)) &&
    /^ +$/.test(context.text.slice(last.end, next.start));
  // "gold" written "Gold" inside a name ("Oregon Steel", "Gold Fields") is not the commodity.
  if (!aliasHasCapitals && opening.shape !== 'lower') {
    if (followsName || precedesName) return 'no';
    if (!prose) return 'weak';
  }
  // "SEC-CDSCO": an acronym fused to another acronym names a joint body, not this one.
  if (entry.shapes.length === 1 && entry.shapes[0] === 'upper') {
    if (last.hyphenAfter && next?.shape === 'upper') return 'no';
    if (last.hyphenBefore && previous?.shape === 'upper') return 'no';
  }
  // "Patriot Coal", "Atlas Iron": a commodity's word closing a capitalised name is part of that name.
  if (entry.entity?.type === 'commodity' && entry.shapes.length === 1 && followsName && previous?.shape === 'capitalized') return 'no';
  if (entry.guardPrevious && followsName && previous !== undefined) return sentenceStart[first - 1] === 1 ? 'weak' : 'no';
  const lesserSingleWord = entry.entity !== null && (entry.entity.rank ?? 0) < 3 && entry.shapes.length === 1 && entry.shapes[0] === 'capitalized';
  // "Eaton Vance" is not Eaton, "Fox News" not quite Fox: a little-known one-word name before another capitalised word.
  if (lesserSingleWord && precedesName) return 'weak';
  // "AGCO Corp", "Herbalife Ltd": a legal suffix right after the name settles it.
  if (next !== undefined && entry.shapes.length === 1 && CORPORATE_TAIL.test(next.key) && next.key !== 'shares' && next.key !== 'stock') return 'strong';
  if (!entry.ambiguous) return entry.needsSupport ? 'weak' : 'strong';
  if (lesserSingleWord) return 'weak';
  // "Caterpillar shares fell", "Target said": what follows shows a company is meant.
  if (next !== undefined && COMPANY_CUES.test(next.key) && /^ +$/.test(context.text.slice(last.end, next.start))) return 'strong';
  if (movesByFigure(context, end)) return 'strong';
  // Everyday words ("Target", "Gap"): trusted only as a lone capitalised word inside ordinary prose.
  // A name of two or more capitalised words opening a sentence that goes on in lower case ("Sky News has learnt")
  // is still the name; one everyday word there ("Target") is not.
  // An index's own head word after it is part of that name ("Standard & Poor's 500 Index fell").
  const afterName = entry.entity?.type === 'index' && next !== undefined && closesIndexName(next) ? tokens[end + 1] : next;
  const wholeName = entry.shapes.length >= 2 && entry.shapes.every((shape) => shape !== 'lower') && afterName?.shape === 'lower';
  if (!prose || (opensSentence && entry.shapes[0] !== 'upper' && !wholeName)) return 'weak';
  if (precedesName || entry.needsSupport) return 'weak';
  return 'strong';
}

/** A capitalised word, an acronym or an initial ("Harrison", "CBS", "E." in "Gerald E. McCormick"), not a possessive ("Japan's"). */
function isNameWord(token: Token): boolean {
  if (/['’]s$/.test(token.text)) return false;
  return token.shape === 'capitalized' || token.shape === 'upper';
}

/** An upper-case ticker standing alone in prose ("NVDA rose"), for well-known listings only. */
function bareTicker(context: TokenContext, position: number, index: ReferenceIndex, gazetteer: Gazetteer): ReferenceEntity | null {
  const token = context.tokens[position] as Token;
  if (token.shape !== 'upper') return null;
  const suffixed = /^[A-Z0-9]{1,6}\.([A-Z]{1,3})$/.exec(token.text);
  if (suffixed?.[1] !== undefined) return MARKET_SUFFIXES.has(suffixed[1]) ? (index.byTicker(token.text)[0] ?? null) : null;
  if (context.informative[position] !== 1 || !/^[A-Z]{3,5}$/.test(token.text)) return null;
  if (ACRONYMS.has(token.text) || index.isCommonWord(token.text) || token.hyphenBefore || token.hyphenAfter) return null;
  // Part of an all-capitals phrase ("SAN FRANCISCO (Reuters)"), not a symbol on its own.
  const previous = context.tokens[position - 1];
  const next = context.tokens[position + 1];
  if ((previous?.shape === 'upper' && previous.end >= token.start - 1) || (next?.shape === 'upper' && next.start <= token.end + 1)) return null;
  if (gazetteer.isSingleWordAlias(token.key)) return null;
  const entity = index.byTicker(token.text).find((candidate) => (candidate.rank ?? 0) >= 2);
  return entity ?? null;
}

// Who a clause is about: the named entity in subject position, found without a parser from the
// order of words (news English puts the subject first: "Exxon Mobil was the top drag on the Dow").

/** One place a clause names an entity; `entityId` null when the words name something else that
 * only shares the name (the "MSCI world index" is not MSCI Inc.). */
export interface Mention {
  entityId: string | null;
  start: number;
  end: number;
}

import type { WholeWords } from '../pipeline/index.ts';
import { MOVE_WORD } from './move-grammar.ts';

export interface Candidate {
  id: string;
  type: string;
  /** Where the entity's names stand in a text (entityNames: whole words, case as written). */
  names: WholeWords;
  /** Its listings' symbols (upper case), to tell "Cronos (CRO)" the token from Cronos Group (CRON). */
  tickers?: readonly string[];
  /** Its own name ("Eaton Vance Senior Floating-Rate Fund"), to tell a listed fund from a sum a firm holds. */
  name?: string;
}

/** Words that may sit between a name and "index" in an index's own name ("MSCI world equity index"). */
const INDEX_NAME_WORD =
  /^(?:[\p{Lu}\d][\p{L}\d&.'-]*|world|global|all|country|all-country|emerging|markets?|equity|equities|stock|share|broad|broader|benchmark|regional|asia|pacific|asia-pacific|ex|ex-japan|japan|europe|european|frontier|developed|total|return|small|mid|large|cap|small-cap|mid-cap|large-cap|sector|bank|banking|energy|tech|technology|financials?|industrials?|currency|trade-weighted|composite|volatility|packaged|foods?|goods|household|products|services|restaurants?|hotels?|steel|metals?|mining|paper|forest|water|electric|utilit(?:y|ies)|insurance|oil|gas|aerospace|defen[cs]e|shipping|marine|tobacco|beverages?|brewers|containers|machinery|equipment|retail|media|telecoms?|health|healthcare|consumer|discretionary|staples|materials|chemicals|semiconductors?|software|pharmaceuticals?|biotech(?:nology)?|transport(?:ation)?|airlines?|autos?|homebuilders?|real|estate|-)$/u;
const INDEX_NOUN = /^(?:index|indices|indexes|average|benchmark|futures|etf|fund|funds|tracker|volatility)$/i;
/** After an index's name, these make it the company of that name ("Nasdaq Inc", "Nasdaq OMX shares"). */
const COMPANY_AFTER =
  /^\s*(?:Inc\b|Inc\.|Corp\b|Corporation\b|Group\b|Holdings\b|OMX\b|Ltd\b|plc\b|(?:'s?\s+)?(?:shares|stock)\b|,?\s+the\s+(?:exchange|company|operator)\b)/iu;
const COMPANY_BEFORE = /\b(?:shares|stock)\s+(?:of|in)\s+$/i;
/**
 * Around an index's name, words that make it a value derived from the index, not its own level:
 * its futures or options after it ("S&P 500 futures", "Nikkei index futures", "S&P E-mini
 * futures"), a qualifier before it ("the indicative Dow Jones index", an "implied" or "fair value"
 * one) or futures on it ("futures on the S&P 500"). Their moves are not the index's close.
 */
const DERIVED_AFTER = /^\s*(?:(?:index|indices|average|stock\s+index)\s+)?(?:futures|e-?minis?|options|contracts?|forwards?)\b/i;
const DERIVED_BEFORE =
  /\b(?:indicative|implied|futures-implied|fair[\s-]value|synthetic|grey[\s-]market|gray[\s-]market|e-?minis?|(?:futures|options|contracts?)\s+(?:on|for|tracking|linked\s+to)(?:\s+the)?)\s+$/i;

/** A sector after an index's name makes it a sector index ("S&P insurance index", "STOXX Europe 600 Oil & Gas"). */
const SECTOR =
  /^\s*(?:\d+\s+)?(?:oil|gas|banks?|banking|financials?|insurance|insurers|utilit(?:y|ies)|energy|tech|technology|consumer|health|healthcare|retail|retailers|media|telecoms?|autos?|food|beverage|basic|materials|industrials?|transports?|transportation|airlines?|chemicals|mining|miners|construction|real\s+estate|property|travel|leisure|semiconductors?|chips?|software|pharma|pharmaceuticals|discretionary|staples|homebuilders?|sector|sub-index|subindex)\b/i;
/** What may follow a commodity, currency or crypto that is itself the thing that moved ("oil prices rose"), not a modifier ("oil field", "gold miner"). */
const ASSET_NEXT =
  /^(?:prices?|futures|contracts?|spot|bullion|was|is|were|are|has|had|have|also|alone|itself|ended|closed|finished|settled|traded|trading|last|hit|edged|ticked|extended|pared|for|on|in|at|against|versus|vs|to|from|and|or|while|after|its)$/i;
/**
 * A capitalised word or an abbreviation ("U.S.") right before a name: the two may be one longer
 * name. Not a capitalised function word ("The Australian dollar"), a possessive ("London's Brent
 * crude") or an upper-case heading word ("OIL SLIDES Crude oil").
 */
const NAME_BEFORE = /(?:^|[\s(])(?:\p{Lu}[\p{L}&-]*|(?:\p{Lu}\.){2,})\s+$/u;
const NOT_NAME_WORD =
  /^(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|Spot|On|In|At|For|And|But|Or|As|While|When|After|Before|Since|With|By|Of|To|From|Meanwhile|Elsewhere|Also)$|^\p{Lu}{4,}$/u;

function nameBefore(before: string): boolean {
  if (!NAME_BEFORE.test(before)) return false;
  const word = /(\S+)\s+$/u.exec(before)?.[1] ?? '';
  return !NOT_NAME_WORD.test(word);
}
/** A name part joined to the one found ("LG.Philips", "Sony-Ericsson") is another company. */
const JOINED_BEFORE = /[\p{L}\p{N}][.&/-]$/u;

/**
 * After a possessive, the possessor's own shares ("Apple's shares", "Alibaba's Hong Kong-listed
 * shares", "Berkshire's Class B shares", "Tesla's share price"); not its "market share", its bonds
 * (they move apart from the shares) or another firm's shares ("SoftBank's Arm shares").
 */
const OWN_SECURITIES =
  /^(?:(?:Class\s+[A-Z]|(?:\p{Lu}[\p{L}.]*\s+){0,2}[\p{L}.]+(?:-[\p{L}.]+)*-listed|listed|traded|common|ordinary|preferred|voting)\s+){0,2}(?:shares|stocks?|ADRs?|ADSs?|(?:share|stock)(?:\s+|-)prices?|stock-market)\b/u;

/** After a company's name (and its suffix or ticker), words that keep the company the thing that moved. */
const COMPANY_NEXT =
  /^(?:shares?|stock|stocks|adrs?|[\p{L}]+-listed|was|were|is|are|has|had|have|also|itself|alone|closed|ended|finished|traded|trading|last|led|which|who|and|or|on|in|at|for|to|with|said|says|the|a|its|their)$/iu;
const NAME_TAIL = /^(?:\s*(?:Corp(?:oration)?|Inc|Co|Ltd|Limited|plc|PLC|AG|SA|NV|SE|ASA|Group|Holdings?|&\s*Co|Cos)\b\.?|\s*\(\s*[^()]{1,20}\))*/u;
const ROLE = /^(?:CEO|CFO|COO|Chief|Chairman|President|Executive|Director|Board|Head|Founder|Unit|Division)$/;

/** "Exxon's shares", "Exxon Mobil Corp (XOM.N) fell": the company; "Exxon CEO", "Toyota's profit": something of it. */
function isCompanyItself(after: string): boolean {
  let rest = after.slice(NAME_TAIL.exec(after)?.[0].length ?? 0);
  if (/^(?:'s?|’s?)\s/u.test(rest)) {
    return OWN_SECURITIES.test(rest.replace(/^(?:'s?|’s?)\s+/u, ''));
  }
  if (/^\s*[,;:.(—–-]/u.test(rest) || rest.trim() === '') return true;
  rest = rest.trimStart();
  const next = nextWord(rest);
  if (next === null) return true;
  if (ROLE.test(next)) return false;
  // "AXA Asia Pacific shares": a longer name (a subsidiary or another firm) than the one found. A
  // title-case headline capitalises its verb and "Stock" too: "Tesla Jumps 8%", "Coinbase Stock Price Jumps".
  if (/^\p{Lu}/u.test(next) && !MOVE_WORD.test(next) && !/^(?:stock|shares?)$/i.test(next)) return false;
  // A verb of its own ("BYD posted", "Ford says") keeps the company the subject.
  return COMPANY_NEXT.test(next) || MOVE_WORD.test(next) || /\p{L}{2}(?:ed|s)$/u.test(next);
}

function nextWord(text: string): string | null {
  const match = /^\s*([\p{L}][\p{L}'-]*)/u.exec(text);
  return match?.[1] ?? null;
}

/** False when the words around a name show another instrument of the same name. */
function isOwnInstrument(clause: string, candidate: Candidate, start: number, end: number): boolean {
  const after = clause.slice(end, end + 60);
  const before = clause.slice(Math.max(0, start - 16), start);
  if (JOINED_BEFORE.test(before)) return false;
  if (candidate.type === 'index') {
    if (DERIVED_AFTER.test(after) || DERIVED_BEFORE.test(clause.slice(Math.max(0, start - 40), start))) return false;
    return !COMPANY_AFTER.test(after) && !COMPANY_BEFORE.test(before) && !SECTOR.test(after);
  }
  if (candidate.type !== 'company') {
    const next = nextWord(after);
    if (COMPANY_BEFORE.test(before)) return false;
    // "U.S. Steel", "Royal Gold", "Grayscale Bitcoin Trust": a capitalised asset word right after a
    // capitalised word is part of another name, not the asset.
    if (/^\p{Lu}/u.test(clause.slice(start, end)) && nameBefore(before)) return false;
    // "oil field", and in a title-case headline "Bitcoin Mining Difficulty", "Cardano Smart Contracts".
    if (next !== null && /^\s+\p{L}/u.test(after) && !ASSET_NEXT.test(next) && !MOVE_WORD.test(next)) return false;
  }
  const words = after
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 4);
  for (const raw of words) {
    const word = raw.replace(/[^\p{L}\d&.'-]/gu, '');
    if (INDEX_NOUN.test(word)) return candidate.type === 'commodity' && /^futures$/i.test(word);
    if (!INDEX_NAME_WORD.test(word) || /[,;:]$/.test(raw)) break;
  }
  return candidate.type !== 'company' || isCompanyItself(after);
}

/** Every place the clause names a candidate, in order; a name inside a longer name counts once. */
export function mentionsIn(clause: string, candidates: readonly Candidate[]): Mention[] {
  const found: Mention[] = [];
  // Names are matched case-sensitively; a clause's first word may be capitalised only for position ("Oil prices rose").
  const lowered = (clause[0]?.toLowerCase() ?? '') + clause.slice(1);
  const texts = lowered === clause ? [clause] : [clause, lowered];
  for (const candidate of candidates) {
    for (const text of texts) {
      for (let match = candidate.names.find(text); match !== null; match = candidate.names.find(text, match.end)) {
        const { start, end } = match;
        found.push({ entityId: isOwnInstrument(clause, candidate, start, end) ? candidate.id : null, start, end });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((mention, index) => index === 0 || mention.start >= (found[index - 1]?.end ?? 0));
}

/** A word that makes a name a sum of money held, not an issuer: "Deposit Insurance Fund", "Strategic Petroleum Reserve". */
const HELD_SUM = /^(?:funds?|reserves?|balances?|accounts?|budgets?)$/i;

/**
 * Whether a name, as the clause writes it, is a sum of money held (a fund, reserves, a balance, an
 * account, a budget): its value is a measure, not a traded price ("The Deposit Insurance Fund fell
 * 14 percent", "SoftBank Vision Fund"). A listed fund ("Eaton Vance Senior Floating-Rate Fund",
 * with its listing) is traded and stays an instrument.
 */
export function namesAHeldSum(clause: string, mention: Mention, candidate: Candidate | undefined): boolean {
  const last = /([\p{L}]+)\s*$/u.exec(clause.slice(mention.start, mention.end))?.[1] ?? '';
  if (!HELD_SUM.test(last)) return false;
  const listedFund = (candidate?.tickers?.length ?? 0) > 0 && (candidate?.name ?? '').split(/[\s/]+/).some((word) => HELD_SUM.test(word));
  return !listedFund;
}

/** An opening phrase that is not the subject: "On the Nasdaq, Apple rose 2%". */
const OPENING_PHRASE =
  /^(?:in|on|at|among|across|for|of|within|like|unlike|along\s+with|alongside|besides|elsewhere|outside|against|compared\s+with|after|before|despite|amid|behind|following|including|led\s+by|versus|while)\b[^,]{0,80},\s*/i;
/** A place that says where the subject is based, right before it: "Cupertino, California-based ", "Paris-based ". */
const BASED_IN = /(?:\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?,\s+)?\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?-based\s+$/u;
/** Words before a subject that keep it the subject: "Shares of", "The", "U.S. oil major". */
const NOT_SUBJECT_BEFORE =
  /\b(?:on|against|than|over|to|from|with|by|behind|ahead|past|beat|beats|overtook|like|unlike|including|such|rival|rivals|versus|vs|into|onto|toward|towards)\b|\w(?:ed|ing)\b/i;

/**
 * The subject mentions of a clause: the first name when nothing but a short noun phrase comes
 * before it, and the names coordinated with it ("Exxon Mobil and Chevron"), in order. Empty when
 * the clause opens otherwise ("BYD has been gaining ground on Tesla" has BYD, not Tesla).
 */
export function subjectMentions(clause: string, mentions: readonly Mention[]): Mention[] {
  const opening = OPENING_PHRASE.exec(clause);
  const from = opening === null ? 0 : opening[0].length;
  const first = mentions.find((mention) => mention.start >= from);
  if (first === undefined) return [];
  // "Shares of Cupertino, California-based Apple fell": where the company is based describes it.
  const prefix = clause.slice(from, first.start).replace(BASED_IN, ' ');
  // "Apple and Microsoft fell": coordinated with a name the reference does not know; whose figure is whose is unsure.
  if (/(?:\band|&|\bor)\s+(?:the\s+)?$/i.test(prefix)) return [];
  if (prefix.split(/\s+/).filter((word) => word !== '').length > 5 || NOT_SUBJECT_BEFORE.test(prefix)) return [];
  const owned = possessed(clause, first, mentions);
  if (owned === null) return [];
  const subjects = [owned];
  for (const mention of mentions) {
    const last = subjects.at(-1);
    if (last === undefined || mention.start < last.end || mention === owned) continue;
    if (!/^(?:\s*(?:,|&|and|,\s*and)\s*(?:the\s+)?)$/i.test(clause.slice(last.end, mention.start))) break;
    subjects.push(mention);
  }
  return subjects;
}

/**
 * The subject when the first name is a possessive: the name itself for its own securities ("Apple's
 * shares", "Alibaba's Hong Kong-listed shares", "Bitcoin's price"), the thing it owns when that is a
 * name of its own ("Binance's BNB" is BNB), and none when what it owns is a capitalised thing the
 * reference does not know ("Shiba Inu's Shibarium"); a bare symbol after it is left to the caller
 * ("Solana's SOL" is Solana, "Shiba Inu's BONE" is not).
 */
function possessed(clause: string, first: Mention, mentions: readonly Mention[]): Mention | null {
  const after = /^['’]s\s+/u.exec(clause.slice(first.end));
  if (after === null) return first;
  const rest = clause.slice(first.end + after[0].length);
  if (!/^\p{Lu}/u.test(rest) || OWN_SECURITIES.test(rest)) return first;
  const next = mentions.find((mention) => mention.start === first.end + after[0].length);
  // "Solana's SOL token" read as one of Solana's names: the same thing.
  if (next !== undefined) return next.entityId === first.entityId ? first : next;
  // A bare symbol: whether it is the owner's own is for the caller to tell from its listings (movers.ts).
  return /^[A-Z]{2,6}\b/.test(rest) ? first : null;
}

/**
 * A relative clause ("which …", "who …") or an apposition ("the heaviest weight on the Nasdaq,
 * slid 4%"): its subject is the last name of the clause before it.
 */
export function isRelativeClause(clause: string): boolean {
  if (/^(?:which|who|whose|that)\s/i.test(clause)) return true;
  const apposition = /^(?:the|a|an|its|their)\s[^,]{1,80},\s*(?:(?:was|were|is|are|has|had|have)\s+)?([\p{L}]+)/iu.exec(clause);
  return apposition?.[1] !== undefined && MOVE_WORD.test(apposition[1]);
}

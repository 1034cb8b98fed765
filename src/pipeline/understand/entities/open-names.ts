import type { EntityType } from '../../../domain/index.ts';
import type { Token } from '../name-keys/index.ts';
import { nameKey, type ReferenceEntity, type ReferenceIndex } from '../reference/index.ts';
import type { TokenContext } from './context.ts';
import { type AliasNode, aliasTrie } from './alias-trie.ts';
import { companyAliases, slugify } from './names.ts';
import { CONNECTOR, judgeRun, LEGAL, type Verdict } from './open-judge.ts';
import { nameStart, onlyTails } from './open-start.ts';
import { AT_CUES, DESCRIPTOR_WORDS, GENERIC_MODIFIERS, LISTING_CODE, ORGANISATION_TYPES, PLACE_OF_BASE, PLACES, roleAt, THING_ACRONYMS } from './open-words.ts';

/** An entity found by shape and context rather than from a list; people carry their role and organisation. */
export interface OpenEntity extends ReferenceEntity {
  role?: string;
  organisationId?: string;
  organisation?: string;
}

export interface OpenSpan {
  start: number;
  end: number;
  entity: ReferenceEntity;
}

/** Names discovered in one article, by token keys, so that later and shorter mentions ("Zignal") are found too. */
export type OpenAliases = Map<string, Array<{ keys: string[]; entity: ReferenceEntity }>>;

export { ORGANISATION_TYPES };
// "Foo Bar LLC (FBL)": an acronym defined right after the name is another name for it.
const DEFINED_ACRONYM = /^\.?\s*\((\p{Lu}{2,6})\)/u;

/** A Reuters instrument code written after a name without its brackets ("Cerberus Capital Management CBS.UL"): the name's code, not a word of it. */
const BARE_RIC = /^[A-Z0-9][A-Za-z0-9]{1,5}\.[A-Z]{1,2}$/;
/** Words (connectors included) a name found by its shape may have: "Industrial and Commercial Bank of China Ltd" has 7. */
const MAX_NAME_TOKENS = 10;
const isName = (token: Token | undefined): token is Token =>
  token !== undefined && (token.shape === 'capitalized' || token.shape === 'upper') && !(token.text.includes('.') && BARE_RIC.test(token.text));
const SHARE_CLASS = /^(?:class|series)$/;
/** A lower-case word that joins a name only when one word and a legal form follow ("Research in Motion Inc"). */
const WEAK_CONNECTOR = /^in$/;
const spaceOnly = (text: string, left: Token, right: Token): boolean => /^(?: | ?& ?)$/.test(text.slice(left.end, right.start));

/** Whether one capitalised word at `from` and a legal form right after it, neither claimed, close a run ("… in Motion Inc"). */
function legalClosesRunAt(text: string, tokens: readonly Token[], claimed: Uint8Array, from: number): boolean {
  const word = tokens[from];
  const legal = tokens[from + 1];
  return isName(word) && isName(legal) && claimed[from] !== 1 && claimed[from + 1] !== 1 && spaceOnly(text, word, legal) && LEGAL.test(legal.key);
}

/**
 * Organisations that no list names, found from their shape ("Zignal Labs Inc", "Zambia Chamber of Mines") and
 * context ("shares of X", "X (NASDAQ: XYZ)", "X, the software maker"), linked to the reference when it knows
 * them; then every later mention of the names found, shorter forms included ("Zignal"). `claimed` marks tokens
 * already named by the reference. Headlines and sentence-initial words never introduce a name by themselves.
 */
export function findOpenOrganisations(context: TokenContext, claimed: Uint8Array, index: ReferenceIndex, aliases: OpenAliases): OpenSpan[] {
  const { tokens, text, sentenceStart, informative } = context;
  const found: OpenSpan[] = [];
  const taken = new Uint8Array(tokens.length);
  let written: Set<string> | undefined;
  let position = 0;
  while (position < tokens.length) {
    if (claimed[position] === 1 || !isName(tokens[position])) {
      position += 1;
      continue;
    }
    // "IMF Managing Director ...": a role is not the start of a name.
    const leadingRole = roleAt(tokens, position);
    if (leadingRole !== null) {
      position += leadingRole.length;
      continue;
    }
    // A run of capitalised words, joined by spaces, "&" or a connector between two of them ("Chamber of Mines").
    let end = position + 1;
    let weakAt = -1;
    // A role starts a new run: "Zignal Labs Chief Executive Jane Doe" is an organisation, then a person.
    while (end < tokens.length && claimed[end] !== 1 && sentenceStart[end] !== 1 && roleAt(tokens, end) === null) {
      const previous = tokens[end - 1] as Token;
      const token = tokens[end] as Token;
      if (isName(token) && spaceOnly(text, previous, token) && !/['’]s$/.test(previous.text)) end += 1;
      // "AutoNation, Inc.": a legal suffix after a comma still belongs to the name.
      else if (LEGAL.test(token.key) && token.shape !== 'lower' && text.slice(previous.end, token.start) === ', ' && end - position >= 1) end += 1;
      else if (CONNECTOR.test(token.text) && isName(tokens[end + 1]) && claimed[end + 1] !== 1 && text.slice(previous.end, token.start) === ' ') end += 2;
      // "Research in Motion Inc": a lower-case "in" joins words into one name when one word and a
      // legal form close the run ("Apple in Talks With Disney Inc" is two names).
      // Not after people or holders: "Officials in Potash Corp's home province", "Shareholders in Clearwire Corp".
      else if (
        WEAK_CONNECTOR.test(token.text) &&
        text.slice(previous.end, token.start) === ' ' &&
        !AT_CUES.has(previous.key) &&
        !DESCRIPTOR_WORDS.test(previous.key) &&
        legalClosesRunAt(text, tokens, claimed, end + 1)
      ) {
        weakAt = end;
        end += 2;
      } else break;
    }
    // Listing codes closing the run are no part of the name: "Research In Motion RIM.TORIMM.O shares fell".
    let nameEnd = end;
    while (nameEnd - 1 > position && LISTING_CODE.test((tokens[nameEnd - 1] as Token).text)) nameEnd -= 1;
    // "Shares of X", "The X": an opening everyday word is not part of the name, unless the run shows it is (open-start.ts).
    // "Shareholders in Clearwire Corp": when the word before "in" is no part of the name, neither is "in".
    const opening = nameStart(context, position, nameEnd, index);
    const first = weakAt >= 0 && opening >= weakAt ? weakAt + 1 : opening;
    // "Nissan Motor Co Ltd", "Blackstone Group LP": legal forms and heads after a name found are no name of their own.
    const onlyLegal = first < nameEnd && onlyTails(context, position, first, nameEnd, (at) => claimed[at] === 1 || taken[at] === 1);
    // "Shares of Cupertino, California-based Apple", "a Sunnyvale-based firm": a place that locates a company.
    const locates = first < end && PLACE_OF_BASE.test(text.slice((tokens[end - 1] as Token).end, (tokens[end - 1] as Token).end + 40));
    // A dozen capitalised words in a row are a headline, a menu or a list, not one organisation's name.
    // "Class B shares", "Series A preferred": a class of a company's shares, not a company.
    const shareClass = nameEnd - first === 2 && SHARE_CLASS.test(tokens[first]?.key ?? '') && /^[A-Z]\d?$/.test(tokens[first + 1]?.text ?? '');
    const verdict =
      first < nameEnd && !onlyLegal && !locates && !shareClass && nameEnd - first <= MAX_NAME_TOKENS ? judgeRun(context, first, nameEnd, index) : null;
    if (verdict !== null) {
      const entity = entityFor(text.slice((tokens[first] as Token).start, (tokens[nameEnd - 1] as Token).end), verdict, index);
      if (entity !== null) {
        found.push({ start: (tokens[first] as Token).start, end: (tokens[nameEnd - 1] as Token).end, entity });
        taken.fill(1, first, end);
        remember(aliases, (written ??= recordedForms(aliases)), entity, tokens.slice(first, nameEnd), verdict, index);
        const acronym = DEFINED_ACRONYM.exec(text.slice((tokens[end - 1] as Token).end, (tokens[end - 1] as Token).end + 12))?.[1];
        // Only one that starts as the name does: "Italian Embassy (PRWEB)" credits a wire, it does not define a name.
        if (acronym !== undefined && acronym.charAt(0) === (tokens[first] as Token).text.charAt(0) && index.byNameKey(acronym.toLowerCase()).length === 0) {
          const list = aliases.get(acronym.toLowerCase()) ?? [];
          list.push({ keys: [acronym.toLowerCase()], entity });
          aliases.set(acronym.toLowerCase(), list);
          written.add(acronym.toLowerCase());
        }
      }
    }
    position = end;
  }
  if (aliases.size === 0) return found;
  // Later mentions of the names found: the longest alias starting at each capitalised word.
  const roots = aliasTrie(aliases);
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at] as Token;
    if (claimed[at] === 1 || taken[at] === 1 || !isName(token)) continue;
    let node = roots.get(token.key);
    if (node === undefined) continue;
    let best: { end: number; entity: ReferenceEntity } | null = null;
    // A one-word alias running on into another capitalised word names something else ("Zignal Research").
    // A one-word alias that is an everyday word opening a sentence is that word ("A recent survey").
    const next = tokens[at + 1];
    const oneWordRefused =
      (context.sentenceStart[at] === 1 && index.isCommonWord(token.key)) || (isName(next) && spaceOnly(text, token, next) && informative[at] === 1);
    if (node.entity !== null && !oneWordRefused) best = { end: at + 1, entity: node.entity };
    for (let position = at + 1; position < tokens.length && node.next !== null; position += 1) {
      const word = tokens[position] as Token;
      const child: AliasNode | undefined = node.next.get(word.key);
      if (child === undefined || word.shape === 'lower' || claimed[position] === 1 || taken[position] === 1) break;
      node = child;
      if (node.entity !== null) best = { end: position + 1, entity: node.entity };
    }
    if (best === null) continue;
    found.push({ start: token.start, end: (tokens[best.end - 1] as Token).end, entity: best.entity });
    taken.fill(1, at, best.end);
    at = best.end - 1;
  }
  return found.sort((left, right) => left.start - right.start);
}

/** The reference entity the name is another form of, or a new open entity named by its shortest form. */
const resolved = new WeakMap<ReferenceIndex, Map<string, ReferenceEntity | null>>();

/** `resolveName`, memoised per reference index (bounded): the same names recur across articles. */
function entityFor(written: string, verdict: Verdict, index: ReferenceIndex): ReferenceEntity | null {
  let cache = resolved.get(index);
  if (cache === undefined) {
    cache = new Map();
    resolved.set(index, cache);
  }
  const key = `${verdict}\u0000${written}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const entity = resolveName(written, verdict, index);
  if (cache.size >= 50_000) cache.clear();
  cache.set(key, entity);
  return entity;
}

function resolveName(written: string, verdict: Verdict, index: ReferenceIndex): ReferenceEntity | null {
  const forms = companyAliases([written.replace(/['’]s$/, '')]);
  for (const form of forms) {
    const known = index.byNameKey(nameKey(form)).find((entity) => ORGANISATION_TYPES.has(entity.type));
    if (known !== undefined) return known;
  }
  const name = verdict === 'company' ? (forms[forms.length - 1] ?? written) : written.replace(/['’]s$/, '');
  const slug = slugify(name);
  if (slug === '') return null;
  const type: EntityType = verdict === 'company' ? 'company' : 'organisation';
  const known = index.get(`${type}:${slug}`);
  if (known !== undefined) return known;
  const entity: OpenEntity = {
    id: `${type}:${slug}`,
    name,
    type,
    ticker: null,
    tickers: [],
    aliases: forms.filter((form) => form !== name),
    topics: [],
    rank: 0,
  };
  return entity;
}

// The forms recorded in each article's aliases, joined by spaces: a name is recorded once, checked in constant time.
const recorded = new WeakMap<OpenAliases, Set<string>>();

function recordedForms(aliases: OpenAliases): Set<string> {
  let forms = recorded.get(aliases);
  if (forms === undefined) {
    forms = new Set();
    for (const list of aliases.values()) for (const entry of list) forms.add(entry.keys.join(' '));
    recorded.set(aliases, forms);
  }
  return forms;
}

/** Records the forms a later mention may take: the whole name, without its legal suffix, and its distinctive first word. */
function remember(aliases: OpenAliases, written: Set<string>, entity: ReferenceEntity, words: readonly Token[], verdict: Verdict, index: ReferenceIndex): void {
  const add = (keys: string[]): void => {
    const first = keys[0];
    if (first === undefined) return;
    const list = aliases.get(first) ?? [];
    const joined = keys.join(' ');
    if (!written.has(joined)) {
      list.push({ keys, entity });
      written.add(joined);
    }
    aliases.set(first, list);
  };
  const keys = words.map((word) => word.key);
  add(keys);
  let end = keys.length;
  while (end > 1 && LEGAL.test(keys[end - 1] ?? '')) end -= 1;
  add(keys.slice(0, end));
  // "Australian Financial Markets Association" is also "AFMA", "Carr Riggs & Ingram" also "CRI".
  const initials = words
    .filter((word) => !LEGAL.test(word.key) && !CONNECTOR.test(word.text) && word.key !== 'the')
    .map((word) => (word.shape === 'capitalized' ? word.text.charAt(0) : ''));
  if (initials.length >= 3 && initials.length <= 6 && initials.every((letter) => letter !== '')) {
    const acronym = initials.join('').toLowerCase();
    if (!THING_ACRONYMS.has(acronym) && index.byNameKey(acronym).length === 0 && !index.isCommonWord(acronym)) add([acronym]);
  }
  const opening = words[0] as Token;
  if (
    verdict === 'company' &&
    keys.length >= 2 &&
    opening.shape === 'capitalized' &&
    opening.key.length >= 3 &&
    !index.isCommonWord(opening.key) &&
    !GENERIC_MODIFIERS.has(opening.key) &&
    // "Italian Wine Central" does not make every "Italian" in the article the firm.
    !PLACES.has(opening.key) &&
    !index.byNameKey(opening.key).some((known) => ORGANISATION_TYPES.has(known.type)) &&
    !index.isPersonalName(opening.key)
  ) {
    add([opening.key]);
  }
}

/** The ids an open-vocabulary organisation of this name would be stored under ("Zignal Labs Inc" → company:zignal-labs). */
export function openEntityIds(name: string): string[] {
  const forms = companyAliases([name.replace(/['’]s$/, '')]);
  const ids = new Set<string>();
  const shortest = forms[forms.length - 1];
  if (shortest !== undefined && slugify(shortest) !== '') ids.add(`company:${slugify(shortest)}`);
  if (slugify(name) !== '') ids.add(`organisation:${slugify(name)}`);
  return [...ids];
}

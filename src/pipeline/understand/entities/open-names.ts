import type { EntityType } from '../../../domain/index.ts';
import type { Token } from '../name-keys/index.ts';
import { nameKey, type ReferenceEntity, type ReferenceIndex } from '../reference/index.ts';
import type { TokenContext } from './context.ts';
import { companyAliases, slugify } from './names.ts';
import {
  AT_CUES,
  COMPANY_CUES_AFTER,
  COMPANY_CUES_BEFORE,
  COMPANY_HEADS,
  DESCRIPTOR_NOUNS,
  GENERIC_MODIFIERS,
  INSTITUTION_HEADS,
  ORGANISATION_ROLES,
  PLACES,
  roleAt,
  STAFF_AFTER,
  THING_ACRONYMS,
  ACTING_AFTER,
} from './open-words.ts';

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

export const ORGANISATION_TYPES: ReadonlySet<EntityType> = new Set(['company', 'exchange', 'central-bank', 'regulator', 'organisation']);
const LEGAL = /^(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|llp|lp|ag|sa|nv|se|spa|gmbh|bhd|berhad|tbk|asa|oyj|kk)$/;
const FIRM_KINDS = /^(firm|company|brokerage|lender|insurer|startup|retailer|publisher|conglomerate|carmaker|automaker|chipmaker|drugmaker|miner)$/;
const HONORIFIC = /^(mr|mrs|ms|dr|sir|lord|lady|dame|prof|professor|madam|mister)$/;
const CONNECTOR = /^(of|de|du|la|van|von|der|del|da|di)$/;
// "(NYSE: GS)", "(Other OTC: JSTLF - news)", "(NasdaqGS: LPNT)", "(Amsterdam: GX8.AS)": a market prefix and a symbol.
const EXCHANGE_PAREN = /^\s*\(\s*(?:Other\s+)?(?:[A-Z][A-Za-z-]{1,14}|NYSE American|NYSE Arca)\s*:\s*\/?\s*[A-Z0-9][A-Za-z0-9.-]{0,11}\s*(?:-\s*news\s*)?[);]/;
const RIC_PAREN = /^\s*\(\s*[A-Z0-9]{1,6}\.[A-Z]{1,2}\s*\)/;
const DESCRIBED =
  /^(?:\s*\([^()\n]{0,60}\))?,\s+(?:the|a|an|its)\s+(?:[^,.;()\n]{0,50}?\s)??([\p{Ll}-]+)(?=\s*[,.;)]|\s+(?:of|that|which|in|with|for|based|whose)\b)/u;
// "companies such as X, Y and Z", "lenders including X": each name listed after a kind of organisation.
const LISTED_AFTER =
  /\b(?:[Cc]ompanies|[Ff]irms|[Bb]anks|[Ll]enders|[Ii]nsurers|[Bb]rokerages|[Rr]etailers|[Cc]armakers|[Aa]utomakers|[Mm]iners|[Bb]rands|[Rr]ivals|[Pp]eers|[Cc]ompetitors|[Cc]lients|[Cc]ustomers|[Bb]usinesses|[Ff]unds|[Ii]nstitutions|[Oo]rgani[sz]ations|[Aa]gencies|[Oo]perators|[Pp]roviders|[Mm]anufacturers|[Pp]roducers|[Cc]hains|[Pp]ublishers|[Oo]utlets|[Ss]tudios|[Gg]roups|[Ss]tartups|[Gg]iants|[Cc]onglomerates|[Ii]nvestors|[Ss]ponsors|[Mm]embers|[Pp]artners|[Tt]enants|[Ss]uppliers),?\s+(?:such as|including|like|from|led by)\s+(?:[\p{Lu}\d][^,;:()\n.]{0,40}?(?:,\s+|,?\s+(?:and|or)\s+))*$/u;

// "Foo Bar LLC (FBL)": an acronym defined right after the name is another name for it.
const DEFINED_ACRONYM = /^\.?\s*\((\p{Lu}{2,6})\)/u;

const isName = (token: Token | undefined): token is Token => token !== undefined && (token.shape === 'capitalized' || token.shape === 'upper');
const spaceOnly = (text: string, left: Token, right: Token): boolean => /^(?: | ?& ?)$/.test(text.slice(left.end, right.start));

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
    // A role starts a new run: "Zignal Labs Chief Executive Jane Doe" is an organisation, then a person.
    while (end < tokens.length && claimed[end] !== 1 && sentenceStart[end] !== 1 && roleAt(tokens, end) === null) {
      const previous = tokens[end - 1] as Token;
      const token = tokens[end] as Token;
      if (isName(token) && spaceOnly(text, previous, token) && !/['’]s$/.test(previous.text)) end += 1;
      // "AutoNation, Inc.": a legal suffix after a comma still belongs to the name.
      else if (LEGAL.test(token.key) && token.shape !== 'lower' && text.slice(previous.end, token.start) === ', ' && end - position >= 1) end += 1;
      else if (CONNECTOR.test(token.text) && isName(tokens[end + 1]) && claimed[end + 1] !== 1 && text.slice(previous.end, token.start) === ' ') end += 2;
      else break;
    }
    let first = position;
    // "Shares of X", "The X": an opening everyday word is not part of the name.
    while (
      first < end &&
      sentenceStart[first] === 1 &&
      (index.isCommonWord(tokens[first]?.key ?? '') || GENERIC_MODIFIERS.has(tokens[first]?.key ?? '')) &&
      tokens[first]?.shape === 'capitalized'
    ) {
      first += 1;
      while (first < end && CONNECTOR.test(tokens[first]?.text ?? '')) first += 1;
    }
    while (first < end && (tokens[first]?.key === 'the' || (GENERIC_MODIFIERS.has(tokens[first]?.key ?? '') && first + 1 < end && sentenceStart[first] === 1)))
      first += 1;
    const verdict = first < end ? judgeRun(context, first, end, index) : null;
    if (verdict !== null) {
      const entity = entityFor(text.slice((tokens[first] as Token).start, (tokens[end - 1] as Token).end), verdict, index);
      if (entity !== null) {
        found.push({ start: (tokens[first] as Token).start, end: (tokens[end - 1] as Token).end, entity });
        taken.fill(1, first, end);
        remember(aliases, entity, tokens.slice(first, end), verdict, index);
        const acronym = DEFINED_ACRONYM.exec(text.slice((tokens[end - 1] as Token).end, (tokens[end - 1] as Token).end + 12))?.[1];
        if (acronym !== undefined && index.byNameKey(acronym.toLowerCase()).length === 0) {
          const list = aliases.get(acronym.toLowerCase()) ?? [];
          list.push({ keys: [acronym.toLowerCase()], entity });
          aliases.set(acronym.toLowerCase(), list);
        }
      }
    }
    position = end;
  }
  if (aliases.size === 0) return found;
  // Later mentions of the names found: the longest alias starting at each capitalised word.
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at] as Token;
    if (claimed[at] === 1 || taken[at] === 1 || !isName(token)) continue;
    let best: { end: number; entity: ReferenceEntity } | null = null;
    for (const candidate of aliases.get(token.key) ?? []) {
      const stop = at + candidate.keys.length;
      if (stop > tokens.length || (best !== null && stop <= best.end)) continue;
      let matches = true;
      for (let offset = 0; offset < candidate.keys.length && matches; offset += 1) {
        const word = tokens[at + offset] as Token;
        matches = word.key === candidate.keys[offset] && word.shape !== 'lower' && claimed[at + offset] !== 1 && taken[at + offset] !== 1;
      }
      // A one-word alias running on into another capitalised word names something else ("Zignal Research").
      // A one-word alias that is an everyday word opening a sentence is that word ("A recent survey").
      if (matches && candidate.keys.length === 1 && context.sentenceStart[at] === 1 && index.isCommonWord(token.key)) matches = false;
      if (matches && candidate.keys.length === 1 && isName(tokens[stop]) && spaceOnly(text, token, tokens[stop] as Token) && informative[at] === 1)
        matches = false;
      if (matches) best = { end: stop, entity: candidate.entity };
    }
    if (best === null) continue;
    found.push({ start: token.start, end: (tokens[best.end - 1] as Token).end, entity: best.entity });
    taken.fill(1, at, best.end);
    at = best.end - 1;
  }
  return found.sort((left, right) => left.start - right.start);
}

type Verdict = 'company' | 'organisation';

/** Whether the run [first, end) names an organisation, and which kind; null when nothing shows it does. */
function judgeRun(context: TokenContext, first: number, end: number, index: ReferenceIndex): Verdict | null {
  const { tokens, text, sentenceStart, informative } = context;
  const last = tokens[end - 1] as Token;
  const opening = tokens[first] as Token;
  const length = end - first;
  const prose = informative[first] === 1;
  // "Hong Kong's stock market": places are markets, not companies.
  let places = true;
  for (let position = first; position < end && places; position += 1) places = PLACES.has((tokens[position] as Token).key);
  if (places) return null;
  let distinctive = false;
  for (let position = first; position < end - 1 && !distinctive; position += 1) {
    const token = tokens[position] as Token;
    distinctive = !GENERIC_MODIFIERS.has(token.key) && !CONNECTOR.test(token.text) && !LEGAL.test(token.key) && !COMPANY_HEADS.has(token.key);
  }
  // A legal suffix settles it anywhere, headlines included ("Zesco Ltd").
  if (length >= 2 && LEGAL.test(last.key) && distinctive) return 'company';
  if (!prose) return null;
  // "Zambia Chamber of Mines", "Kestrel Valley Chamber of Commerce": the head comes before "of".
  for (let position = first + 1; position < end - 1; position += 1) {
    const head = tokens[position] as Token;
    if (INSTITUTION_HEADS.has(head.key) && CONNECTOR.test(tokens[position + 1]?.text ?? '')) {
      const before = tokens.slice(first, position).some((token) => !GENERIC_MODIFIERS.has(token.key) && !CONNECTOR.test(token.text));
      if (before) return 'organisation';
    }
  }
  if (length >= 2 && distinctive && COMPANY_HEADS.has(last.key)) return 'company';
  if (length >= 2 && distinctive && INSTITUTION_HEADS.has(last.key)) return 'organisation';
  // A brand written in CamelCase mid-sentence ("AdRoll", "ForeScout") names a firm.
  if (
    length <= 2 &&
    sentenceStart[first] !== 1 &&
    /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(opening.text) &&
    !/^(?:Mc|Mac|De|Di|Du|Da|La|Le|Van|Von)\p{Lu}|['’]s$/u.test(opening.text)
  )
    return 'company';
  if (HONORIFIC.test(opening.key)) return null;
  // Past shape, context alone never makes a company of a personal name ("investor Peter Sampson").
  // "funds management firm Allan Gray": a kind of firm right before settles it, even for a personal name.
  const kind = tokens[first - 1];
  if (kind !== undefined && kind.shape === 'lower' && FIRM_KINDS.test(kind.key) && sentenceStart[first] !== 1 && text.slice(kind.end, opening.start) === ' ')
    return 'company';
  if (length <= 3 && index.isPersonalName(opening.key)) return null;
  // Context: what comes after the name.
  // The patterns on what follows run only where it opens with a parenthesis or a comma (cheap to check).
  const following = text.charCodeAt(last.end) === 0x20 ? text.charAt(last.end + 1) : text.charAt(last.end);
  const after = following === '(' || following === ',' ? text.slice(last.end, last.end + 80) : '';
  if (following === '(' && (EXCHANGE_PAREN.test(after) || RIC_PAREN.test(after))) return 'company';
  const next = tokens[end];
  const single = length === 1;
  // One everyday word, letter or place is never a company by context alone ("A shares", "Chinese stock").
  if (single && (opening.key.length < 2 || PLACES.has(opening.key))) return null;
  const everyday = single && index.isCommonWord(opening.key);
  if (next !== undefined && next.shape === 'lower' && COMPANY_CUES_AFTER.has(next.key) && /^['’]?s?\s+$/.test(text.slice(last.end, next.start)))
    return everyday && sentenceStart[first] === 1 ? null : 'company';
  // "Coles spokesman", "Atlas managing director David Flanagan", "Treasury Secretary Tim Geithner": its people.
  const plain = opening.key.length >= 3 && !opening.hyphenBefore && !last.hyphenAfter && !PLACES.has(opening.key) && !LEGAL.test(opening.key);
  if (plain && next !== undefined && /^(?:['’]s)? $/.test(text.slice(last.end, next.start)) && !(everyday && sentenceStart[first] === 1)) {
    if (next.shape === 'lower' && STAFF_AFTER.has(next.key) && !everyday) return 'company';
    const role = ORGANISATION_ROLES.has(next.key) ? roleAt(tokens, end) : null;
    const person = role === null ? undefined : tokens[end + role.length];
    if (
      role !== null &&
      person !== undefined &&
      person.shape === 'capitalized' &&
      /^,? $/.test(text.slice((tokens[end + role.length - 1] as Token).end, person.start))
    )
      return role[0] === 'secretary' || role[0] === 'governor' ? 'organisation' : 'company';
  }
  // An acronym acting or owning in prose: "AFMA said", "the CFMEU's money", "told the ABC", "the EIA".
  if (
    single &&
    opening.shape === 'upper' &&
    /^\p{Lu}{2,6}(?:['’]s)?$/u.test(opening.text) &&
    !THING_ACRONYMS.has(opening.key) &&
    !opening.hyphenAfter &&
    !opening.hyphenBefore
  ) {
    const gap = next === undefined ? '' : text.slice(last.end, next.start);
    const owns = /['’]s$/.test(opening.text) && gap === ' ' && next?.shape === 'lower';
    const acts = next !== undefined && gap === ' ' && ACTING_AFTER.has(next.key);
    const previous = tokens[first - 1];
    const before = previous?.key === 'the' ? tokens[first - 2] : previous;
    const toldBy = before !== undefined && /^(told|tells|telling|according)$/.test(before.key);
    if ((owns && opening.text.length >= 2) || ((acts || toldBy) && opening.text.length >= 3)) return 'organisation';
  }
  const described = after === '' ? null : DESCRIBED.exec(after);
  const lead = tokens[first - 1];
  if (
    lead !== undefined &&
    !everyday &&
    sentenceStart[first] !== 1 &&
    (lead.key === 'as' ||
      lead.key === 'including' ||
      lead.key === 'like' ||
      lead.key === 'and' ||
      lead.key === 'or' ||
      lead.key === 'from' ||
      lead.key === 'by' ||
      text.charAt(opening.start - 2) === ',') &&
    LISTED_AFTER.test(text.slice(Math.max(0, opening.start - 180), opening.start))
  )
    return 'company';
  if (described?.[1] !== undefined && DESCRIPTOR_NOUNS.has(described[1].replace(/^.*-/, '')) && !everyday) return 'company';
  // What comes before: "chipmaker Nvidia", "shares of X", "analysts at X".
  const previous = tokens[first - 1];
  if (previous === undefined || previous.shape !== 'lower' || sentenceStart[first] === 1 || everyday) return null;
  if (!/^ $/.test(text.slice(previous.end, opening.start))) return null;
  const before = tokens[first - 2];
  if (previous.key === 'at') return before !== undefined && AT_CUES.has(before.key) ? 'company' : null;
  if (previous.key === 'of')
    return before !== undefined && /^(shares|stake|unit|subsidiary|owner|parent|division|spokesman|spokeswoman|shareholders|stock)$/.test(before.key)
      ? 'company'
      : null;
  return COMPANY_CUES_BEFORE.has(previous.key) && !/^(at|of)$/.test(previous.key) ? 'company' : null;
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
  if (cache.has(key)) return cache.get(key) ?? null;
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

/** Records the forms a later mention may take: the whole name, without its legal suffix, and its distinctive first word. */
function remember(aliases: OpenAliases, entity: ReferenceEntity, words: readonly Token[], verdict: Verdict, index: ReferenceIndex): void {
  const add = (keys: string[]): void => {
    const first = keys[0];
    if (first === undefined) return;
    const list = aliases.get(first) ?? [];
    if (!list.some((entry) => entry.keys.join(' ') === keys.join(' '))) list.push({ keys, entity });
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

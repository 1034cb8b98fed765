import type { Token } from '../name-keys/index.ts';
import type { ReferenceIndex } from '../reference/index.ts';
import type { TokenContext } from './context.ts';
import {
  ACTING_AFTER,
  AT_CUES,
  BARE_LISTING_AFTER,
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
} from './open-words.ts';

// Whether a capitalised run names an organisation: its shape (a legal suffix, a corporate or institution head)
// and its context (what comes before and after it). Word lists in open-words.ts.

export const LEGAL = /^(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|llp|lp|ag|sa|nv|se|spa|gmbh|bhd|berhad|tbk|asa|oyj|kk)$/;
export const CONNECTOR = /^(of|de|du|la|van|von|der|del|da|di)$/;
const FIRM_KINDS = /^(firm|company|brokerage|lender|insurer|startup|retailer|publisher|conglomerate|carmaker|automaker|chipmaker|drugmaker|miner)$/;
const HONORIFIC = /^(mr|mrs|ms|dr|sir|lord|lady|dame|prof|professor|madam|mister)$/;
// "(NYSE: GS)", "(Other OTC: JSTLF - news)", "(NasdaqGS: LPNT)", "(Amsterdam: GX8.AS)": a market prefix and a symbol.
const EXCHANGE_PAREN = /^\s*\(\s*(?:Other\s+)?(?:[A-Z][A-Za-z-]{1,14}|NYSE American|NYSE Arca)\s*:\s*\/?\s*[A-Z0-9][A-Za-z0-9.-]{0,11}\s*(?:-\s*news\s*)?[);]/;
// Verbs a lone name takes as a firm; "added" and "told" follow people's quotes far more often.
const ACTS_AS_FIRM = /^(said|says|announced|reported|posted)$/;
const RIC_PAREN = /^\s*\(\s*[A-Z0-9]{1,6}\.[A-Z]{1,2}\s*\)/;
const DESCRIBED =
  /^(?:\s*\([^()\n]{0,60}\))?,\s+(?:the|a|an|its)\s+(?:[^,.;()\n]{0,50}?\s)??([\p{Ll}-]+)(?=\s*[,.;)]|\s+(?:of|that|which|in|with|for|based|whose)\b)/u;
// "companies such as X, Y and Z", "lenders including X": each name listed after a kind of organisation.
const LISTED_AFTER =
  /\b(?:[Cc]ompanies|[Ff]irms|[Bb]anks|[Ll]enders|[Ii]nsurers|[Bb]rokerages|[Rr]etailers|[Cc]armakers|[Aa]utomakers|[Mm]iners|[Bb]rands|[Rr]ivals|[Pp]eers|[Cc]ompetitors|[Cc]lients|[Cc]ustomers|[Bb]usinesses|[Ff]unds|[Ii]nstitutions|[Oo]rgani[sz]ations|[Aa]gencies|[Oo]perators|[Pp]roviders|[Mm]anufacturers|[Pp]roducers|[Cc]hains|[Pp]ublishers|[Oo]utlets|[Ss]tudios|[Gg]roups|[Ss]tartups|[Gg]iants|[Cc]onglomerates|[Ii]nvestors|[Ss]ponsors|[Mm]embers|[Pp]artners|[Tt]enants|[Ss]uppliers),?\s+(?:such as|including|like|from|led by)\s+(?:[\p{Lu}\d][^,;:()\n.]{0,40}?(?:,\s+|,?\s+(?:and|or)\s+))*$/u;

// "Foo Bar LLC (FBL)": an acronym defined right after the name is another name for it.
const DEFINED_ACRONYM = /^\.?\s*\((\p{Lu}{2,6})\)/u;

/** Plural nouns a name may describe ("Wall Street banks", "Gulf lenders"): the name before them is no company. */
const PLURAL_HEADS =
  /^(?:banks|lenders|firms|companies|stocks|shares|insurers|brokers|brokerages|miners|developers|automakers|carmakers|retailers|airlines|utilities|exporters|importers|producers|names|peers|rivals|funds|operators|builders|homebuilders|chipmakers|drugmakers|refiners|investors|traders)$/;

export type Verdict = 'company' | 'organisation';

/** Whether the run [first, end) names an organisation, and which kind; null when nothing shows it does. */
export function judgeRun(context: TokenContext, first: number, end: number, index: ReferenceIndex): Verdict | null {
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
  // "Zambia Chamber of Mines", "Kestrel Valley Chamber of Commerce": the head comes before "of". Generic words
  // alone before the head do as well when a name follows "of" ("National Association of Home Builders").
  for (let position = first + 1; position < end - 1; position += 1) {
    const head = tokens[position] as Token;
    if (INSTITUTION_HEADS.has(head.key) && CONNECTOR.test(tokens[position + 1]?.text ?? '')) return 'organisation';
  }
  // "Department of Labor", "Association of Amarone Families", "University of Bonn": a head, "of" and a name.
  if (length >= 3 && INSTITUTION_HEADS.has(opening.key) && opening.key !== 'board' && tokens[first + 1]?.key === 'of') return 'organisation';
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
  // A word that usually opens an organisation's name ("General Growth", "National") is not read as a first name.
  if (length <= 3 && index.isPersonalName(opening.key) && !(length >= 2 && GENERIC_MODIFIERS.has(opening.key))) return null;
  // Context: what comes after the name.
  // The patterns on what follows run only where it opens with a parenthesis or a comma (cheap to check).
  const following = text.charCodeAt(last.end) === 0x20 ? text.charAt(last.end + 1) : text.charAt(last.end);
  const after = following === '(' || following === ',' ? text.slice(last.end, last.end + 80) : '';
  if (following === '(' && (EXCHANGE_PAREN.test(after) || RIC_PAREN.test(after))) return 'company';
  const next = tokens[end];
  const single = length === 1;
  // "Research In Motion RIM.TO RIMM.O said": Reuters codes written bare after the name; not after one everyday
  // word or corporate heads alone, the tail of a longer name ("Research in Motion RIM.TO", "Wendy's International WEN.N").
  if (/[A-Z0-9]/.test(following) && BARE_LISTING_AFTER.test(text.slice(last.end, last.end + 16))) {
    let heads = true;
    for (let position = first; position < end && heads; position += 1) heads = COMPANY_HEADS.has((tokens[position] as Token).key);
    return heads || (single && index.isCommonWord(opening.key)) ? null : 'company';
  }
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
  // A single name acting ("Hartleys said", "Amplats announced") names a firm when the article never writes it as
  // a person's surname ("Tony Abbott", "Mr Abbott"): people are introduced by their full name, firms often are not.
  if (
    single &&
    opening.shape === 'capitalized' &&
    !everyday &&
    next !== undefined &&
    text.slice(last.end, next.start) === ' ' &&
    ACTS_AS_FIRM.test(next.key) &&
    !/["“”'‘’]\s*$/.test(text.slice(Math.max(0, opening.start - 3), opening.start)) &&
    !opening.hyphenBefore &&
    !/['’]/.test(opening.text) &&
    !writtenAsSurname(context, opening.text, index)
  )
    return 'company';
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
  // "analysts at X", "an economist with X", "strategists from X".
  if (previous.key === 'at' || previous.key === 'with' || previous.key === 'from') return before !== undefined && AT_CUES.has(before.key) ? 'company' : null;
  // "shares of Wall Street banks", "shares of Chinese property developers": the run describes the plural after it.
  if (previous.key === 'of' && next !== undefined && next.shape === 'lower' && PLURAL_HEADS.test(next.key)) return null;
  if (previous.key === 'of')
    return before !== undefined &&
      /^(shares|stake|unit|subsidiary|owner|parent|division|spokesman|spokeswoman|shareholders|stock|ceo|cfo|founder|cofounder|chairman|president|officer|employees|acquisition|takeover)$/.test(
        before.key,
      )
      ? 'company'
      : null;
  return COMPANY_CUES_BEFORE.has(previous.key) && !/^(at|of)$/.test(previous.key) ? 'company' : null;
}

// Answers of writtenAsSurname per text: each scans the whole text, so a word asked about again (a name that
// recurs through a long text) must not scan it again.
const surnames = new WeakMap<TokenContext, Map<string, boolean>>();

/** True when the article writes `word` after a name or an honorific, as people's surnames are ("Tony Abbott", "Mr Abbott"). */
function writtenAsSurname(context: TokenContext, word: string, index: ReferenceIndex): boolean {
  let known = surnames.get(context);
  if (known === undefined) {
    known = new Map();
    surnames.set(context, known);
  }
  const cached = known.get(word);
  if (cached !== undefined) return cached;
  const answer = scanForSurname(context.text, word, index);
  known.set(word, answer);
  return answer;
}

function scanForSurname(text: string, word: string, index: ReferenceIndex): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
    if (/[\p{L}\p{N}]/u.test(text.charAt(at + word.length))) continue;
    const before = /(\p{Lu}[\p{L}'’-]*)\.?[ \u00a0]+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1]?.toLowerCase();
    // "Excluding Amplats' stake": an everyday word opening the sentence is not a first name.
    if (before !== undefined && (HONORIFIC.test(before) || index.isPersonalName(before) || !index.isCommonWord(before))) return true;
  }
  return false;
}

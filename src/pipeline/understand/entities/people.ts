import type { Token } from '../name-keys/index.ts';
import type { ReferenceEntity, ReferenceIndex } from '../reference/index.ts';
import type { TokenContext } from './context.ts';
import { slugify } from './names.ts';
import { type OpenEntity, ORGANISATION_TYPES, type OpenSpan } from './open-names.ts';
import { COMPANY_HEADS, INSTITUTION_HEADS, roleAt } from './open-words.ts';

// The organisation types a role may be linked to when the role phrase names none, by the role's last (else first)
// word; roles absent here (minister, president, secretary) are never linked by proximity.
const FIRM: ReadonlySet<string> = new Set(['company']);
const FIRM_OR_BANK: ReadonlySet<string> = new Set(['company', 'central-bank']);
const ROLE_KINDS = new Map<string, ReadonlySet<string>>([
  ...['executive', 'officer', 'ceo', 'cfo', 'coo', 'cio', 'founder', 'cofounder', 'director', 'manager', 'partner', 'analyst', 'strategist'].map(
    (word) => [word, FIRM] as const,
  ),
  ...['economist', 'chairman', 'chairwoman', 'chair'].map((word) => [word, FIRM_OR_BANK] as const),
  ['governor', new Set(['central-bank'])],
]);

const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}\.?$|^Mc\p{Lu}\p{Ll}+$/u;

export interface PersonSpan extends OpenSpan {
  entity: OpenEntity;
}

/**
 * People named with a role: "Bank of Japan Governor Kazuo Ueda", "Nvidia chief executive Jensen Huang",
 * "Jensen Huang, chief executive of Nvidia", "Kazuo Ueda, the Bank of Japan governor". The organisation is the one
 * written with the role; when none is, a firm's role takes the nearest firm in the sentence, else the article's
 * most-named one, a governor the central bank, and offices of state none. Later mentions
 * of the surname alone are counted for that person.
 */
export function findPeople(context: TokenContext, organisations: readonly OpenSpan[], claimed: Uint8Array, _index: ReferenceIndex): PersonSpan[] {
  const { tokens, text } = context;
  const found: PersonSpan[] = [];
  const orgs = organisations.filter((span) => ORGANISATION_TYPES.has(span.entity.type));
  const taken = new Uint8Array(tokens.length);
  for (let position = 0; position < tokens.length; position += 1) {
    const role = roleAt(tokens, position);
    if (role === null) continue;
    const roleEnd = position + role.length;
    // Role then name: "Governor Kazuo Ueda".
    let name = nameAt(context, roleEnd, claimed, taken);
    let organisation: ReferenceEntity | undefined;
    if (name !== null && text.slice((tokens[roleEnd - 1] as Token).end, (tokens[roleEnd] as Token).start) === ' ') {
      organisation = orgEndingBefore(text, orgs, (tokens[position] as Token).start);
    } else {
      // Name, then role: "Jensen Huang, chief executive of Nvidia" / "Kazuo Ueda, the Bank of Japan governor".
      name = null;
      const comma = commaNameBefore(context, position, orgs, claimed, taken);
      if (comma !== null) {
        name = comma.name;
        organisation = comma.organisation ?? orgAfterRole(text, orgs, (tokens[roleEnd - 1] as Token).end);
      }
    }
    if (name === null) continue;
    // No organisation written with the role: a firm's role ("Chief Executive Jane Doe") is the sentence's or the
    // article's firm; a governor's, its central bank; an office of state ("Economics Minister Kaoru Yosano",
    // "President X") belongs to no organisation of the text, however near one is.
    const kinds = ROLE_KINDS.get(role[role.length - 1] ?? '') ?? ROLE_KINDS.get(role[0] ?? '');
    if (organisation === undefined && kinds !== undefined) {
      const fitting = orgs.filter((span) => kinds.has(span.entity.type));
      organisation = nearestInSentence(context, fitting, name.start) ?? mostNamed(fitting);
    }
    const written = text.slice((tokens[name.start] as Token).start, (tokens[name.end - 1] as Token).end).replace(/['’]s$/, '');
    const roleText = role.join(' ');
    const entity: OpenEntity = {
      id: `person:${slugify(written)}`,
      name: written,
      type: 'person',
      ticker: null,
      tickers: [],
      aliases: [],
      topics: [],
      rank: 0,
      role: roleText,
      ...(organisation === undefined ? {} : { organisationId: organisation.id, organisation: organisation.name }),
    };
    found.push({ start: (tokens[name.start] as Token).start, end: (tokens[name.start] as Token).start + written.length, entity });
    taken.fill(1, name.start, name.end);
  }
  // Later mentions of a surname alone ("Ueda said") count for the person.
  const bySurname = new Map<string, OpenEntity>();
  for (const person of found) {
    const surname = person.entity.name.split(/\s+/).pop();
    if (surname !== undefined && surname.length > 2) bySurname.set(surname.toLowerCase(), person.entity);
  }
  if (bySurname.size === 0) return found;
  tokens.forEach((token, position) => {
    // The shape first: it settles most words, with no lookup.
    if (token.shape !== 'capitalized') return;
    const person = bySurname.get(token.key);
    if (person === undefined || taken[position] === 1 || claimed[position] === 1) return;
    found.push({ start: token.start, end: token.end, entity: person });
  });
  return found.sort((left, right) => left.start - right.start);
}

/** Two or three capitalised words that read as a personal name ("Kazuo Ueda", "Gerald E. McCormick"). */
function nameAt(context: TokenContext, first: number, claimed: Uint8Array, taken: Uint8Array): { start: number; end: number } | null {
  const { tokens, text } = context;
  let end = first;
  while (end < tokens.length && end - first < 4) {
    const token = tokens[end] as Token;
    if (
      claimed[end] === 1 ||
      taken[end] === 1 ||
      !NAME_WORD.test(token.text.replace(/['’]s$/, '')) ||
      COMPANY_HEADS.has(token.key) ||
      INSTITUTION_HEADS.has(token.key)
    )
      break;
    if (end > first && !/^\.? $/.test(text.slice((tokens[end - 1] as Token).end, token.start))) break;
    if (end > first && context.sentenceStart[end] === 1) break;
    end += 1;
    if (/['’]s$/.test(token.text)) break;
  }
  const last = tokens[end - 1];
  // At least a first name and a surname; the surname is a word, not an initial.
  if (end - first < 2 || last === undefined || last.key.length < 2) return null;
  return { start: first, end };
}

function orgEndingBefore(text: string, orgs: readonly OpenSpan[], start: number): ReferenceEntity | undefined {
  for (let position = orgs.length - 1; position >= 0; position -= 1) {
    const span = orgs[position] as OpenSpan;
    if (span.end <= start && /^(?:['’]s)?\s+$/.test(text.slice(span.end, start))) return span.entity;
    if (span.end < start - 3) break;
  }
  return undefined;
}

/** "of Nvidia" / "at Nvidia" right after the role. */
function orgAfterRole(text: string, orgs: readonly OpenSpan[], end: number): ReferenceEntity | undefined {
  return orgs.find((span) => span.start >= end && /^\s+(?:of|at)\s+(?:the\s+)?$/.test(text.slice(end, span.start)))?.entity;
}

/** "Jensen Huang, [the] [Nvidia['s]] <role>": the name before the comma and an organisation between it and the role. */
function commaNameBefore(
  context: TokenContext,
  rolePosition: number,
  orgs: readonly OpenSpan[],
  claimed: Uint8Array,
  taken: Uint8Array,
): { name: { start: number; end: number }; organisation: ReferenceEntity | undefined } | null {
  const { tokens, text } = context;
  const roleStart = (tokens[rolePosition] as Token).start;
  const between = orgs.find((span) => span.end <= roleStart && roleStart - span.end <= 4 && /^(?:['’]s)?\s+$/.test(text.slice(span.end, roleStart)));
  const anchor = between?.start ?? roleStart;
  const lead = /,\s+(?:the\s+|its\s+|a\s+|an\s+)?(?:(?:senior|former|deputy|acting|interim|new)\s+)?$/i.exec(text.slice(Math.max(0, anchor - 40), anchor));
  if (lead === null) return null;
  const commaAt = anchor - lead[0].length;
  // The name's last word ends at the comma.
  let last = rolePosition - 1;
  while (last >= 0 && (tokens[last] as Token).end > commaAt) last -= 1;
  if (last < 0 || (tokens[last] as Token).end !== commaAt) return null;
  for (let first = Math.max(0, last - 2); first < last; first += 1) {
    const name = nameAt(context, first, claimed, taken);
    if (name !== null && name.end === last + 1) return { name, organisation: between?.entity };
  }
  return null;
}

function nearestInSentence(context: TokenContext, orgs: readonly OpenSpan[], namePosition: number): ReferenceEntity | undefined {
  const { tokens, sentenceStart } = context;
  let from = namePosition;
  while (from > 0 && sentenceStart[from] !== 1) from -= 1;
  let to = namePosition + 1;
  while (to < tokens.length && sentenceStart[to] !== 1) to += 1;
  const start = (tokens[from] as Token).start;
  const end = (tokens[to - 1] as Token).end;
  const at = (tokens[namePosition] as Token).start;
  let best: OpenSpan | undefined;
  for (const span of orgs) {
    if (span.start < start || span.end > end || span.entity.type === 'person') continue;
    if (best === undefined || Math.abs(span.start - at) < Math.abs(best.start - at)) best = span;
  }
  return best?.entity;
}

function mostNamed(orgs: readonly OpenSpan[]): ReferenceEntity | undefined {
  const counts = new Map<ReferenceEntity, number>();
  for (const span of orgs)
    if (span.entity.type === 'company' || span.entity.type === 'central-bank') counts.set(span.entity, (counts.get(span.entity) ?? 0) + 1);
  let best: ReferenceEntity | undefined;
  for (const [entity, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = entity;
  return best;
}

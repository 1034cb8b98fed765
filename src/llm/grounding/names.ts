import { type ReferenceIndex, type Token, tokenize } from '../../pipeline/index.ts';

/** A capitalised run of words in generated text that may name a company, an index or a person. */
export interface NameRun {
  text: string;
  keys: string[];
  /** The run starts a sentence, so its first capital says nothing. */
  sentenceStart: boolean;
}

// Capitalised words that are not names of anything a source must vouch for.
const GENERIC = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday ai ceo cfo coo cto ipo ipos etf etfs gdp cpi ppi pmi eps ev evs esg m&a ' +
    'yoy qoq fy h1 h2 q1 q2 q3 q4 i ok us uk eu usd eur gbp jpy cny hkd inr am pm'
  ).split(' '),
);

// Words joining the capitalised parts of one name ("Bank of America", "Banco de Chile").
const CONNECTORS = new Set(['of', 'de', 'du', 'la', 'van', 'von', 'der', 'and', 'for']);

// Trailing words that only say what kind of thing a name is ("Alibaba Group", "Nvidia shares").
const GENERIC_SUFFIXES = new Set([
  'group',
  'holdings',
  'holding',
  'inc',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'plc',
  'sa',
  'ag',
  'nv',
  'shares',
  'stock',
  'stocks',
  'index',
  'securities',
  'exchange',
  'market',
  'markets',
]);

function isCapitalised(token: Token): boolean {
  return token.shape === 'capitalized' || token.shape === 'upper';
}

function startsSentence(text: string, token: Token, previous: Token | undefined): boolean {
  // Tokens cover letters and digits, so the gap holds only spaces and punctuation.
  return previous === undefined || /[.!?:;\n"“‘(]/u.test(text.slice(previous.end, token.start));
}

/** The capitalised runs of a text: "Goldman Sachs", "Hang Seng", "Thomas Ip", "BYD". */
export function nameRuns(text: string): NameRun[] {
  const tokens = tokenize(text);
  const runs: NameRun[] = [];
  let position = 0;
  while (position < tokens.length) {
    const first = tokens[position];
    if (first === undefined || !isCapitalised(first)) {
      position += 1;
      continue;
    }
    const members: Token[] = [first];
    let next = position + 1;
    while (next < tokens.length) {
      const candidate = tokens[next];
      const last = members[members.length - 1];
      // "Hong Kong's Hang Seng" is two names: a possessive ends one.
      if (candidate === undefined || last === undefined || /['’]s$/iu.test(last.text)) break;
      const gap = text.slice(last.end, candidate.start);
      if (!/^[ \t\u00a0-]*$/u.test(gap)) break;
      if (isCapitalised(candidate)) {
        members.push(candidate);
        next += 1;
        continue;
      }
      const after = tokens[next + 1];
      const afterGap = after === undefined ? '' : text.slice(candidate.end, after.start);
      if (CONNECTORS.has(candidate.key) && after !== undefined && isCapitalised(after) && /^[ \t\u00a0]+$/u.test(afterGap)) {
        members.push(candidate, after);
        next += 2;
        continue;
      }
      break;
    }
    const last = members[members.length - 1] ?? first;
    runs.push({
      text: text.slice(first.start, last.end),
      keys: members.map((member) => member.key),
      sentenceStart: startsSentence(text, first, tokens[position - 1]),
    });
    position = next;
  }
  return runs;
}

/** What the name check needs of one source: its words in order and the entities found in it. */
export interface NameIndex {
  /** " key key key … " of title and text. */
  keyText: string;
  entityIds: ReadonlySet<string>;
}

export function nameIndex(text: string, entityIds: Iterable<string>): NameIndex {
  return {
    keyText: ` ${tokenize(text)
      .map((token) => token.key)
      .join(' ')} `,
    entityIds: new Set(entityIds),
  };
}

function appears(keys: readonly string[], sources: readonly NameIndex[]): boolean {
  if (keys.length === 0) return true;
  const needle = ` ${keys.join(' ')} `;
  return sources.some((source) => source.keyText.includes(needle));
}

function entityAppears(keys: readonly string[], sources: readonly NameIndex[], reference: ReferenceIndex): boolean | null {
  const entity = reference.lookup(keys.join(' '));
  if (entity === null) return null;
  if (sources.some((source) => source.entityIds.has(entity.id))) return true;
  const names = [entity.name, ...entity.aliases.slice(0, 30), ...entity.tickers];
  return names.some((name) =>
    appears(
      tokenize(name).map((token) => token.key),
      sources,
    ),
  );
}

interface NameCheck {
  sources: readonly NameIndex[];
  reference: ReferenceIndex;
  isCommon(key: string): boolean;
}

/** An everyday word that is also a well-known entity's name ("Apple", "Shell") still needs a source. */
function namesKnownEntity(key: string, check: NameCheck): boolean {
  const entity = check.reference.lookup(key);
  return entity !== null && (entity.rank ?? 0) >= 1;
}

function supported(keys: readonly string[], check: NameCheck): boolean {
  if (keys.length === 0) return true;
  if (keys.length === 1 && check.isCommon(keys[0] ?? '')) {
    return !namesKnownEntity(keys[0] ?? '', check) || entityAppears(keys, check.sources, check.reference) === true || appears(keys, check.sources);
  }
  if (appears(keys, check.sources) || entityAppears(keys, check.sources, check.reference) === true) return true;
  // "Thomas Ip of Gaoyu Securities": a connector may join two names the source gives apart.
  const connector = keys.findIndex((key, position) => position > 0 && position < keys.length - 1 && CONNECTORS.has(key));
  if (connector > 0 && supported(keys.slice(0, connector), check) && supported(keys.slice(connector + 1), check)) return true;
  // "Chinese carmaker BYD" style lead-ins and "Alibaba Group" style suffixes: judge the core.
  let core = keys;
  while (core.length > 1 && check.isCommon(core[0] ?? '') && !namesKnownEntity(core[0] ?? '', check)) core = core.slice(1);
  while (core.length > 1 && GENERIC_SUFFIXES.has(core[core.length - 1] ?? '')) core = core.slice(0, -1);
  return core.length < keys.length && supported(core, check);
}

/**
 * The names in generated text that none of the sources vouch for. A run passes when its words
 * appear in that order in a source, or it resolves to a reference entity a source mentions
 * ("BABA" for an article about Alibaba). Everyday capitalised words pass unless they name a
 * well-known entity ("Apple"), and so do months, weekdays and generic acronyms.
 */
export function unsupportedNames(
  text: string,
  sources: readonly NameIndex[],
  options: { reference: ReferenceIndex; commonWords: ReadonlySet<string> },
): string[] {
  const check: NameCheck = {
    sources,
    reference: options.reference,
    isCommon: (key) => options.commonWords.has(key) || CONNECTORS.has(key),
  };
  const missing: string[] = [];
  for (const run of nameRuns(text)) {
    let keys = run.keys.filter((key, position) => !(GENERIC.has(key) && (position === 0 || position === run.keys.length - 1)));
    const first = run.keys[0] ?? '';
    // A sentence's first word is capitalised anyway: "Shares", "Analysts", "The".
    if (run.sentenceStart && keys[0] === first && check.isCommon(first) && !namesKnownEntity(first, check)) keys = keys.slice(1);
    if (!supported(keys, check)) missing.push(run.text);
  }
  return missing;
}

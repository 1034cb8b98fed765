import { ENTITY_TYPES, type EntityType } from '../../../domain/index.ts';
import { canonicalTicker, phraseKey } from '../name-keys/index.ts';
import type { ReferenceEntity } from './reference-index.ts';

/** A hand-written entry of data/curated/*.json. */
export interface CuratedEntry {
  id: string;
  name: string;
  type: EntityType;
  /** Omitted: the first of `tickers`; null: none (a private firm). */
  ticker?: string | null;
  tickers?: string[];
  aliases?: string[];
  topics?: string[];
  /** Extra aliases to treat as everyday words. */
  ambiguous?: string[];
}

export interface ReferenceSources {
  /** Entities generated from the public listings (data/listings.json). */
  listings: readonly ReferenceEntity[];
  curated: readonly CuratedEntry[];
  /** Lower-case everyday English words (data/common-words.json). */
  commonWords: ReadonlySet<string>;
  /** Lower-cased first names, surnames and places (data/common-words.json): "dave", "leslie". */
  personalNames?: ReadonlySet<string>;
}

// Words that make a name a company's, never a dictionary phrase: "Target Corp" is safe where "Target" is not.
const CORPORATE_WORDS = new Set([
  'inc',
  'corp',
  'corporation',
  'co',
  'ltd',
  'limited',
  'plc',
  'llc',
  'group',
  'holdings',
  'holding',
  'ag',
  'se',
  'sa',
  'nv',
  'bancorp',
  'bancshares',
  'financial',
  'technologies',
]);
const CONNECTOR_WORDS = new Set(['the', 'of', 'and', '&', 'de', 'for', 'a', 'an', 'in', 'on', 'at']);
// Place names the listings' short forms sometimes reduce to ("China Inc" → "China"): never a company alias.
const PLACE_WORDS = new Set([
  'america',
  'american',
  'asia',
  'china',
  'chinese',
  'europe',
  'european',
  'india',
  'indian',
  'japan',
  'japanese',
  'hong kong',
  'us',
  'usa',
  'uk',
  'britain',
  'british',
  'canada',
  'germany',
  'france',
  'global',
  'international',
  'world',
  'pacific',
  'atlantic',
  'texas',
  'california',
  'new york',
  'korea',
  'taiwan',
  'singapore',
  'australia',
  'brazil',
  'mexico',
  'israel',
  'africa',
  'national',
  'united states',
  'wall street',
  'washington',
]);

/**
 * Merges generated listings with curated entries into the reference's entities: a curated entry absorbs the
 * listings that share one of its tickers, aliases claimed by two entities go to the curated or better-known one
 * (or to neither on a tie), and aliases that are everyday words are flagged for the recogniser.
 */
export function mergeReference(sources: ReferenceSources): ReferenceEntity[] {
  const listings = sources.listings.map((entity) => ({ ...entity, absorbed: false }));
  const listingsByTicker = new Map<string, number[]>();
  listings.forEach((entity, position) => {
    for (const ticker of entity.tickers) {
      const key = canonicalTicker(ticker);
      listingsByTicker.set(key, [...(listingsByTicker.get(key) ?? []), position]);
    }
  });

  // Little-known listings named like a curated company ("UBS AG" notes, "Hitachi Ltd" OTC receipts) are that company.
  const curatedCompanyKeys = new Map<string, CuratedEntry>();
  for (const entry of sources.curated) {
    if (entry.type === 'company') for (const alias of [entry.name, ...(entry.aliases ?? [])]) curatedCompanyKeys.set(keyOf(alias), entry);
  }
  const absorbedByName = new Map<string, number[]>();
  listings.forEach((listing, position) => {
    if ((listing.rank ?? 0) >= 2 || listing.type !== 'company') return;
    const core = [listing.name, ...listing.aliases].map(keyOf).find((key) => curatedCompanyKeys.has(key));
    const entry = core === undefined ? undefined : curatedCompanyKeys.get(core);
    if (entry !== undefined) absorbedByName.set(entry.id, [...(absorbedByName.get(entry.id) ?? []), position]);
  });

  const explicit = new Map<string, Set<string>>();
  const merged: ReferenceEntity[] = [];
  for (const entry of sources.curated) {
    if (!ENTITY_TYPES.includes(entry.type)) throw new Error(`${entry.id}: unknown entity type ${String(entry.type)}`);
    const tickers = (entry.tickers ?? []).map(canonicalTicker);
    const derivedAliases: string[] = [];
    const derivedTopics: string[] = [];
    const positions = [...tickers.flatMap((ticker) => listingsByTicker.get(ticker) ?? []), ...(absorbedByName.get(entry.id) ?? [])];
    {
      for (const position of positions) {
        const listing = listings[position];
        if (listing === undefined || listing.absorbed) continue;
        listing.absorbed = true;
        for (const other of listing.tickers) if (!tickers.includes(other)) tickers.push(other);
        derivedAliases.push(listing.name, ...listing.aliases);
        derivedTopics.push(...listing.topics);
      }
    }
    const aliases = [...(entry.aliases ?? [])];
    explicit.set(entry.id, new Set([entry.name, ...aliases].map(keyOf)));
    const ticker = entry.ticker === undefined ? (tickers[0] ?? null) : entry.ticker === null ? null : canonicalTicker(entry.ticker);
    if (ticker !== null && !tickers.includes(ticker)) tickers.unshift(ticker);
    merged.push({
      id: entry.id,
      name: entry.name,
      type: entry.type,
      ticker,
      tickers,
      aliases: unique([...aliases, ...derivedAliases].filter((alias) => alias !== entry.name)),
      topics: unique(entry.topics ?? derivedTopics),
      rank: 3,
      ambiguousAliases: entry.ambiguous ?? [],
    });
  }
  const curatedIds = new Set(merged.map((entity) => entity.id));
  for (const listing of listings) {
    if (listing.absorbed) continue;
    const { absorbed: _absorbed, ...entity } = listing;
    const id = curatedIds.has(entity.id) ? `${entity.id}-${(entity.ticker ?? 'x').toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : entity.id;
    merged.push({ ...entity, id, ambiguousAliases: [] });
  }
  return resolveAliases(merged, explicit, sources.commonWords, sources.personalNames ?? new Set());
}

function resolveAliases(
  entities: ReferenceEntity[],
  explicit: ReadonlyMap<string, ReadonlySet<string>>,
  commonWords: ReadonlySet<string>,
  personalNames: ReadonlySet<string>,
): ReferenceEntity[] {
  // Every claim on a key: explicit (curated) claims beat derived ones, then rank; a tie leaves the key unclaimed.
  const best = new Map<string, { entity: ReferenceEntity | null; strength: number }>();
  const claim = (entity: ReferenceEntity, alias: string, mine: ReadonlySet<string> | undefined): void => {
    const key = keyOf(alias);
    // A curated entity's aliases taken over from its listings weigh as a listing's (2), so that "Prudential"
    // of a curated Prudential plc and of Prudential Financial still cancel out.
    const strength = mine?.has(key) === true ? 10 + (entity.rank ?? 0) : Math.min(entity.rank ?? 0, 2);
    const current = best.get(key);
    if (current === undefined || strength > current.strength) best.set(key, { entity, strength });
    // Two derived claims of equal strength cancel out; an explicit (curated) claim keeps the first.
    else if (strength === current.strength && current.entity !== entity && strength < 10) current.entity = null;
  };
  for (const entity of entities) {
    const mine = explicit.get(entity.id);
    claim(entity, entity.name, mine);
    for (const alias of entity.aliases) claim(entity, alias, mine);
  }
  const winner = (key: string): ReferenceEntity | null => best.get(key)?.entity ?? null;
  return entities.map((entity) => {
    const mine = explicit.get(entity.id);
    const aliases: string[] = [];
    const ambiguous = new Set(entity.ambiguousAliases ?? []);
    for (const alias of entity.aliases) {
      const key = keyOf(alias);
      if (winner(key) !== entity || alias === entity.name) continue;
      const isExplicit = mine?.has(key) === true;
      const verdict = judgeAlias(alias, key, entity.rank ?? 0, isExplicit, commonWords, personalNames);
      if (verdict === 'drop') continue;
      if (verdict === 'ambiguous') ambiguous.add(alias);
      aliases.push(alias);
    }
    if (judgeAlias(entity.name, keyOf(entity.name), entity.rank ?? 0, true, commonWords, personalNames) === 'ambiguous') ambiguous.add(entity.name);
    return { ...entity, aliases: unique(aliases), ambiguousAliases: [...ambiguous] };
  });
}

/** Whether an alias is safe to match, needs capitals that carry meaning ("ambiguous"), or is too risky to keep. */
function judgeAlias(
  alias: string,
  key: string,
  rank: number,
  isExplicit: boolean,
  commonWords: ReadonlySet<string>,
  personalNames: ReadonlySet<string>,
): 'keep' | 'ambiguous' | 'drop' {
  const words = key.split(' ');
  if (!isExplicit && (PLACE_WORDS.has(key) || key.replace(/[^a-z]/g, '').length < 2)) return 'drop';
  // Lower-case aliases ("gold", "iron ore") are matched only in lower case: their case already disambiguates.
  if (alias === alias.toLowerCase()) return 'keep';
  if (words.some((word) => CORPORATE_WORDS.has(word))) return 'keep';
  const everyday = words.every((word) => CONNECTOR_WORDS.has(word) || /^\d+$/.test(word) || commonWords.has(word));
  // A derived one-word alias that is also a first name or surname ("Leslie's" → "Leslie"): people outnumber the firm.
  if (!everyday && !isExplicit && words.length === 1 && personalNames.has(key) && !/['’]s$/.test(alias)) return rank >= 2 ? 'ambiguous' : 'drop';
  if (!everyday) {
    // A short single-word name of a little-known listing ("Arq", "Saia") is kept; one shorter than four letters is not.
    if (!isExplicit && rank < 2 && words.length === 1 && (words[0] ?? '').length < 4 && alias !== alias.toUpperCase()) return 'drop';
    return 'keep';
  }
  return isExplicit || rank >= 2 ? 'ambiguous' : 'drop';
}

function keyOf(alias: string): string {
  return phraseKey(alias);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

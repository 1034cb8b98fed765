import { distance } from 'fastest-levenshtein';
import type { EntityType } from '../../../domain/index.ts';
import { canonicalTicker, phraseKey, tickerCandidates } from '../name-keys/index.ts';

/** One company, index, exchange, central bank, regulator, commodity, currency or crypto asset. */
export interface ReferenceEntity {
  /** Stable slug: `company:alibaba`, `index:hang-seng`, `crypto:bitcoin`. */
  id: string;
  name: string;
  type: EntityType;
  /** Primary symbol (BABA, ^HSI, BTC); null for a private firm or an institution. */
  ticker: string | null;
  /** Every known listing, primary first (BABA, 9988.HK). */
  tickers: string[];
  /** Other names it goes by ("Alibaba", "Alibaba Group Holding"). */
  aliases: string[];
  /** Topic slugs it marks (a region's index marks the region). */
  topics: string[];
  /** How well known: 3 curated big name, 2 member of a major index, 1 listed on a major exchange, 0 long tail. */
  rank?: number;
  /** Aliases that are also everyday words ("Target", "Gap"): the recogniser trusts them only where capitals carry meaning. */
  ambiguousAliases?: string[];
}

export interface ReferenceIndex {
  entities: readonly ReferenceEntity[];
  get(id: string): ReferenceEntity | undefined;
  /** Exact match on name, alias or ticker (case-insensitive, punctuation-tolerant: "hang seng", "9988.HK", "$BABA"). */
  lookup(query: string, types?: readonly EntityType[]): ReferenceEntity | null;
  /** Closest matches for "did you mean" and autocomplete, best first (prefix + fuzzy), fast enough for 25 choices in a few ms. */
  suggest(query: string, types?: readonly EntityType[], limit?: number): ReferenceEntity[];
  /** Entities listed under a stored symbol, however it was written ("BRKb.N", "700.HK"); best known first. */
  byTicker(symbol: string): readonly ReferenceEntity[];
  /** Entities known by a name or alias, given as its normalised key (see `nameKey`); best known first. */
  byNameKey(key: string): readonly ReferenceEntity[];
  /** Phrases that contain an alias but name something else ("euro zone", "Apple Daily"): the recogniser skips them. */
  blockers: readonly string[];
  /** True for an everyday English word (lower case), false when unknown or no word list was given. */
  isCommonWord(word: string): boolean;
  /** True for a common first name or surname ("kazuo" is not, "peter" is), false when no list was given. */
  isPersonalName(word: string): boolean;
}

export interface ReferenceIndexOptions {
  blockers?: readonly string[];
  /** Lower-case everyday English words; lets the recogniser refuse tickers that are also words ("ALL", "NOW"). */
  commonWords?: ReadonlySet<string>;
  /** Lower-case first names and surnames: open-vocabulary organisations refuse "investor Peter Smith". */
  personalNames?: ReadonlySet<string>;
}

/** The normalised key of a name: "Alibaba’s" → "alibaba", "Hang-Seng  Index" → "hang seng index". */
export function nameKey(name: string): string {
  return phraseKey(name);
}

const DEFAULT_SUGGESTIONS = 10;

interface PrefixEntry {
  key: string;
  entity: ReferenceEntity;
  weight: number;
}

export function createReferenceIndex(entities: readonly ReferenceEntity[], options: ReferenceIndexOptions = {}): ReferenceIndex {
  const byId = new Map<string, ReferenceEntity>();
  const names = new Map<string, ReferenceEntity[]>();
  // "the Nasdaq" also answers "Nasdaq", but only when nothing is called plain "Nasdaq".
  const namesWithoutArticle = new Map<string, ReferenceEntity[]>();
  const tickers = new Map<string, ReferenceEntity[]>();

  const addTo = (map: Map<string, ReferenceEntity[]>, key: string, entity: ReferenceEntity): void => {
    if (key === '') return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [entity]);
    else if (!list.includes(entity)) list.push(entity);
  };

  for (const entity of entities) {
    byId.set(entity.id, entity);
    addTo(names, nameKey(entity.name), entity);
    for (const alias of entity.aliases) {
      const key = nameKey(alias);
      addTo(names, key, entity);
      if (key.startsWith('the ')) addTo(namesWithoutArticle, key.slice(4), entity);
    }
    for (const ticker of entity.tickers) addTo(tickers, canonicalTicker(ticker), entity);
  }
  const byRank = (left: ReferenceEntity, right: ReferenceEntity): number => (right.rank ?? 0) - (left.rank ?? 0);
  for (const list of names.values()) if (list.length > 1) list.sort(byRank);
  for (const list of tickers.values()) if (list.length > 1) list.sort(byRank);

  // Prefix and fuzzy search structures are built on the first suggestion: recognition never needs them.
  let prefixKeys: PrefixEntry[] | null = null;
  const fuzzyBuckets = new Map<string, PrefixEntry[]>();
  const suggestionKeys = (): PrefixEntry[] => {
    if (prefixKeys !== null) return prefixKeys;
    const built: PrefixEntry[] = [];
    for (const entity of entities) {
      for (const alias of [entity.name, ...entity.aliases]) {
        const words = nameKey(alias).split(' ');
        for (let position = 0; position < words.length; position += 1) {
          if (words[position] !== 'the') built.push({ key: words.slice(position).join(' '), entity, weight: position === 0 ? 2 : 1 });
        }
      }
      for (const ticker of entity.tickers) built.push({ key: ticker.toLowerCase(), entity, weight: 2 });
    }
    built.sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
    // Fuzzy matching scans only reasonably known entities' primary keys, so a typo costs ~1 ms, not ~30.
    for (const entry of built) {
      if (entry.weight !== 2 || (entry.entity.rank ?? 0) < 1) continue;
      // Bucketed by first and second letter, so a typo in either still finds the name.
      for (const letter of new Set([entry.key.charAt(0), entry.key.charAt(1)])) {
        const bucket = fuzzyBuckets.get(letter);
        if (bucket === undefined) fuzzyBuckets.set(letter, [entry]);
        else bucket.push(entry);
      }
    }
    prefixKeys = built;
    return built;
  };

  const allowed = (entity: ReferenceEntity, types: readonly EntityType[] | undefined): boolean =>
    types === undefined || types.length === 0 || types.includes(entity.type);

  const byTicker = (symbol: string): readonly ReferenceEntity[] => {
    for (const candidate of tickerCandidates(symbol)) {
      const found = tickers.get(candidate);
      if (found !== undefined) return found;
    }
    return [];
  };

  /**
   * With several types asked for, their order is a preference: `/market nasdaq` asks for an index before an
   * exchange before a company, so the Nasdaq Composite ("the Nasdaq") wins over Nasdaq Inc. Within one type,
   * an exact name beats a name without its article, which beats a ticker.
   */
  const lookup = (query: string, types?: readonly EntityType[]): ReferenceEntity | null => {
    const trimmed = query.trim();
    if (trimmed === '') return null;
    const candidates: ReferenceEntity[] = [];
    if (!trimmed.startsWith('$')) {
      const key = nameKey(trimmed);
      candidates.push(...(names.get(key) ?? []));
      if (key.startsWith('the ')) candidates.push(...(names.get(key.slice(4)) ?? []));
      candidates.push(...(namesWithoutArticle.get(key) ?? []));
    }
    if (!/\s/.test(trimmed)) candidates.push(...byTicker(trimmed));
    const fitting = candidates.filter((entity) => allowed(entity, types));
    if (types === undefined || types.length < 2) return fitting[0] ?? null;
    let best: ReferenceEntity | null = null;
    for (const entity of fitting) if (best === null || types.indexOf(entity.type) < types.indexOf(best.type)) best = entity;
    return best;
  };

  /**
   * Closest matches by name distance: names that start with the query, then names within a few edits of it,
   * each ordered by edit distance relative to the name's length (and how well known). Input that resembles no
   * name (an emoji, punctuation) gets nothing; an empty query (autocomplete before typing) the best known.
   */
  const suggest = (query: string, types?: readonly EntityType[], limit = DEFAULT_SUGGESTIONS): ReferenceEntity[] => {
    const key = nameKey(query.replace(/^\$/, ''));
    // For each entity offered, lower is closer: 0 exact; then names starting with the query (1), names with a later word
    // starting with it (2), names a few edits away (3), each plus the relative edit distance, minus a little for fame.
    const closeness = new Map<ReferenceEntity, number>();
    const offer = (entity: ReferenceEntity, relative: number): void => {
      if (!allowed(entity, types)) return;
      if (relative < (closeness.get(entity) ?? Infinity)) closeness.set(entity, relative);
    };
    const relativeDistance = (candidate: string): number => 0.001 + distance(key, candidate) / Math.max(key.length, candidate.length);
    const exact = lookup(query, types);
    if (exact !== null) offer(exact, 0);
    if (query.trim() === '') {
      for (const entity of entities) if ((entity.rank ?? 0) >= 3) offer(entity, 1);
    } else if (key !== '') {
      const sorted = suggestionKeys();
      for (let position = lowerBound(sorted, key); position < sorted.length; position += 1) {
        const entry = sorted[position];
        if (entry === undefined || !entry.key.startsWith(key)) break;
        // A name's first word counts fully; a later word of it ("seng" in "hang seng") a little less.
        offer(entry.entity, (entry.weight === 2 ? 1 : 2) + relativeDistance(entry.key) - 0.1 * (entry.entity.rank ?? 0));
      }
      if (key.length >= 3) {
        const budget = key.length <= 5 ? 1 : key.length <= 9 ? 2 : 3;
        for (const letter of new Set([key.charAt(0), key.charAt(1)])) {
          for (const entry of fuzzyBuckets.get(letter) ?? []) {
            const compared = entry.key.length > key.length + budget ? entry.key.slice(0, key.length) : entry.key;
            if (Math.abs(compared.length - key.length) > budget) continue;
            const edits = distance(key, compared);
            if (edits <= budget) offer(entry.entity, 3 + relativeDistance(entry.key) - 0.1 * (entry.entity.rank ?? 0));
          }
        }
      }
    }
    return [...closeness.entries()]
      .sort((left, right) => left[1] - right[1] || (right[0].rank ?? 0) - (left[0].rank ?? 0) || left[0].name.localeCompare(right[0].name))
      .slice(0, limit)
      .map(([entity]) => entity);
  };

  return {
    entities,
    get: (id) => byId.get(id),
    lookup,
    suggest,
    byTicker,
    byNameKey: (key) => names.get(key) ?? [],
    blockers: options.blockers ?? [],
    isCommonWord: (word) => options.commonWords?.has(word.toLowerCase()) === true,
    isPersonalName: (word) => options.personalNames?.has(word.toLowerCase()) === true,
  };
}

function lowerBound(sorted: ReadonlyArray<{ key: string }>, key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = sorted[middle];
    if (entry !== undefined && entry.key < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

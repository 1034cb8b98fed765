import type { ReferenceIndex } from './reference-index.ts';

/**
 * A ReferenceIndex that calls `load` on its first use and answers from that index ever after: a command that
 * never looks an entity up (`market-brief topics`, `feeds`, `usage`) never reads the reference files or builds
 * the index (≈150 ms and ≈13 MB of heap).
 */
export function deferredReferenceIndex(load: () => ReferenceIndex): ReferenceIndex {
  let loaded: ReferenceIndex | null = null;
  const index = (): ReferenceIndex => {
    loaded ??= load();
    return loaded;
  };
  return {
    get entities() {
      return index().entities;
    },
    get blockers() {
      return index().blockers;
    },
    get: (id) => index().get(id),
    lookup: (query, types) => index().lookup(query, types),
    suggest: (query, types, limit) => index().suggest(query, types, limit),
    byTicker: (symbol) => index().byTicker(symbol),
    byNameKey: (key) => index().byNameKey(key),
    isCommonWord: (word) => index().isCommonWord(word),
    isPersonalName: (word) => index().isPersonalName(word),
  };
}

// A set of keys that answers "certainly not here" without the engine hashing the key: one bit per
// hash of a key's characters, read from a table small enough to stay in the processor's cache.
// Most words of a text open no alias, and a Map lookup of a freshly cut token costs more than
// this pass over its few characters. "Maybe" answers still go to the map. Used in front of the
// recogniser's gazetteer and the topic keywords' trie.

const BITS = 1 << 17;

export class KeyFilter {
  readonly #bits = new Uint32Array(BITS >>> 5);

  add(key: string): void {
    const bit = hashKey(key);
    this.#bits[bit >>> 5] = (this.#bits[bit >>> 5] as number) | (1 << (bit & 31));
  }

  /** False when `key` was certainly never added. */
  mayHold(key: string): boolean {
    const bit = hashKey(key);
    return ((this.#bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }
}

// FNV-1a over the UTF-16 code units, folded to BITS.
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return (hash ^ (hash >>> 15)) & (BITS - 1);
}

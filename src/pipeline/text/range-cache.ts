// A bounded cache keyed by a range of a string's characters, read in place: looking a token up
// costs no substring and no string hashing by the engine, only a pass over its characters.
// Open addressing with linear probing; cleared when full, so a long-running process cannot
// grow it without limit.

export class RangeCache<Value> {
  readonly #mask: number;
  readonly #limit: number;
  readonly #keys: Array<string | undefined>;
  readonly #values: Array<Value | undefined>;
  readonly #hashes: Int32Array;
  #size = 0;

  /** Holds up to `limit` entries (rounded up to a power of two), in twice as many slots. */
  constructor(limit: number) {
    let slots = 2;
    while (slots < limit * 2) slots *= 2;
    this.#mask = slots - 1;
    this.#limit = slots >>> 1;
    this.#keys = new Array(slots).fill(undefined);
    this.#values = new Array(slots).fill(undefined);
    this.#hashes = new Int32Array(slots);
  }

  /** The value stored for text[start, end), if any. */
  get(text: string, start: number, end: number): Value | undefined {
    const hash = hashRange(text, start, end);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const key = this.#keys[slot];
      if (key === undefined) return undefined;
      if (this.#hashes[slot] === hash && sameRange(key, text, start, end)) return this.#values[slot];
    }
  }

  /** Stores a value for `key` (not already present). */
  set(key: string, value: Value): void {
    if (this.#size >= this.#limit) this.clear();
    const hash = hashRange(key, 0, key.length);
    let slot = hash & this.#mask;
    while (this.#keys[slot] !== undefined) slot = (slot + 1) & this.#mask;
    this.#keys[slot] = key;
    this.#values[slot] = value;
    this.#hashes[slot] = hash;
    this.#size += 1;
  }

  clear(): void {
    this.#keys.fill(undefined);
    this.#values.fill(undefined);
    this.#size = 0;
  }
}

// FNV-1a over the UTF-16 code units, then a finaliser so that the low bits (the slot) mix well.
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash;
}

function sameRange(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let index = 0; index < key.length; index += 1) if (key.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}

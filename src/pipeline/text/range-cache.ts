// A bounded cache keyed by a range of a string's characters, read in place: looking a token up
// costs no substring and no string hashing by the engine, only a pass over its characters.
// Open addressing with linear probing; cleared when full, so a long-running process cannot
// grow it without limit.

export class RangeCache<Value> {
  readonly #mask: number;
  readonly #limit: number;
  // Each slot is three entries side by side (hash, key, value), so that a lookup reads one
  // stretch of memory rather than three arrays: the tables are large and a hit is mostly a wait
  // for memory. The hash is kept as a small integer (30 bits) so the array holds no doubles.
  readonly #entries: unknown[];
  #size = 0;

  /** Holds up to `limit` entries (rounded up to a power of two), in twice as many slots. */
  constructor(limit: number) {
    let slots = 2;
    while (slots < limit * 2) slots *= 2;
    this.#mask = slots - 1;
    this.#limit = slots >>> 1;
    this.#entries = new Array(slots * 3).fill(undefined);
  }

  /** The value stored for text[start, end), if any. */
  get(text: string, start: number, end: number): Value | undefined {
    const hash = hashRange(text, start, end);
    const entries = this.#entries;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * 3;
      const key = entries[at + 1] as string | undefined;
      if (key === undefined) return undefined;
      if (entries[at] === hash && sameRange(key, text, start, end)) return entries[at + 2] as Value;
    }
  }

  /** Stores a value for `key` (not already present). */
  set(key: string, value: Value): void {
    if (this.#size >= this.#limit) this.clear();
    const hash = hashRange(key, 0, key.length);
    const entries = this.#entries;
    let slot = hash & this.#mask;
    while (entries[slot * 3 + 1] !== undefined) slot = (slot + 1) & this.#mask;
    entries[slot * 3] = hash;
    entries[slot * 3 + 1] = key;
    entries[slot * 3 + 2] = value;
    this.#size += 1;
  }

  clear(): void {
    this.#entries.fill(undefined);
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
  return hash >>> 2;
}

function sameRange(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let index = 0; index < key.length; index += 1) if (key.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}

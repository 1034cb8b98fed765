/**
 * A Bloom filter of the band keys in the large near-duplicate level (`article_bands`), one per
 * key-range slice, kept in `article_band_filters` (migration 16).
 *
 * A new article's 40 bands are almost never in the large level (it is a copy of nothing), yet each
 * lookup read one random leaf of it per band: at 100k stored, half of an ingested article's page
 * reads. The filter answers "surely not there" from memory for all but a few in a hundred of those keys, so
 * only the rest are looked up. A filter may hold keys that are no longer stored (a deleted article,
 * a rolled-back move): that costs a lookup, never a missed copy. It never lacks a stored key,
 * because every write to the large level goes through band-levels.ts, which updates the slice's
 * filter in the same transaction; a slice with no filter (a store from before migration 16, a bulk
 * load that dropped them) is looked up in full.
 */
import { randomInt } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/** Bits per key when full, and probes per key: 5.6 % false positives when full, 0.5 % when half full. */
const BITS_PER_KEY = 6;
const PROBES = 4;
/**
 * A rebuilt filter has room for twice the keys its slice holds, so it is rebuilt (a scan of the
 * slice's rows) once the slice has doubled: at 100k stored a scan is ≈0.2 CPU-s, once per slice.
 */
const ROOM = 2;
/** The fewest keys a filter is sized for (32 KB of bits). */
const MIN_CAPACITY = 32_768;

export interface SliceFilter {
  /** Keys added since the filter was built, and how many it was sized for. */
  keys: number;
  readonly capacity: number;
  readonly bits: Uint8Array;
}

export function emptyFilter(storedKeys: number): SliceFilter {
  const capacity = Math.max(MIN_CAPACITY, Math.ceil(storedKeys * ROOM));
  return { keys: 0, capacity, bits: new Uint8Array(Math.ceil((capacity * BITS_PER_KEY) / 8)) };
}

/** Where `key` (a 53-bit band key, itself a hash) starts among the bits and the step between its probes: double hashing. */
function probeStart(key: number): { low: number; step: number } {
  const low = key >>> 0;
  const high = Math.floor(key / 0x1_0000_0000);
  return { low, step: (Math.imul(high ^ (low >>> 16), 0x9e3779b1) | 1) >>> 0 };
}

export function addKey(filter: SliceFilter, key: number): void {
  const { bits } = filter;
  const size = bits.length * 8;
  const { low, step } = probeStart(key);
  for (let index = 0; index < PROBES; index += 1) {
    const position = (low + index * step) % size;
    bits[position >>> 3] = (bits[position >>> 3] ?? 0) | (1 << (position & 7));
  }
  filter.keys += 1;
}

/** False only when `key` was never added. */
export function mayHold(filter: SliceFilter, key: number): boolean {
  const { bits } = filter;
  const size = bits.length * 8;
  const { low, step } = probeStart(key);
  for (let index = 0; index < PROBES; index += 1) {
    const position = (low + index * step) % size;
    if (((bits[position >>> 3] ?? 0) & (1 << (position & 7))) === 0) return false;
  }
  return true;
}

/** Over capacity once `adding` more keys are in: its false positives would climb, so it is rebuilt from the slice's rows instead. */
export function isFull(filter: SliceFilter, adding = 0): boolean {
  return filter.keys + adding > filter.capacity;
}

export function readFilter(row: Record<string, unknown>): SliceFilter {
  // node:sqlite returns a BLOB as a Uint8Array of its own: used as it is, not copied.
  return { keys: Number(row['keys']), capacity: Number(row['capacity']), bits: row['bits'] as Uint8Array };
}

/** A fresh version for a changed filter: random, so a rolled-back write never matches a later one. */
export function newVersion(): number {
  return randomInt(1, 2 ** 48);
}

/**
 * The filters as this connection last read them, shared by its writer (which forgets a slice it
 * rewrote) and its lookups (which read what changed before each use, in the lookup's own snapshot).
 */
export interface FilterCache {
  /** The filter of each slice that has one, as of the calling read transaction. */
  current(): ReadonlyMap<number, SliceFilter>;
}

const caches = new WeakMap<DatabaseSync, FilterCache>();

export function filterCache(database: DatabaseSync): FilterCache {
  const known = caches.get(database);
  if (known !== undefined) return known;
  const statements = {
    versions: database.prepare('SELECT slice, version FROM article_band_filters'),
    read: database.prepare('SELECT keys, capacity, bits FROM article_band_filters WHERE slice = ?'),
  };
  const held = new Map<number, { version: number; filter: SliceFilter }>();
  const current = new Map<number, SliceFilter>();
  const cache: FilterCache = {
    current() {
      const seen = new Set<number>();
      for (const row of statements.versions.all()) {
        const slice = Number(row['slice']);
        const version = Number(row['version']);
        seen.add(slice);
        if (held.get(slice)?.version === version) continue;
        const stored = statements.read.get(slice);
        if (stored === undefined) continue;
        const filter = readFilter(stored);
        held.set(slice, { version, filter });
        current.set(slice, filter);
      }
      for (const slice of held.keys()) {
        if (seen.has(slice)) continue;
        held.delete(slice);
        current.delete(slice);
      }
      return current;
    },
  };
  caches.set(database, cache);
  return cache;
}

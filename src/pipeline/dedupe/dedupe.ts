import { createHash } from 'node:crypto';
import type { DedupeKeys } from '../../ports/index.ts';

// Near-duplicate detection: MinHash over word shingles of the normalised text, LSH banding into
// string keys the store indexes, and a Jaccard estimate to confirm a candidate.
//
// Choices (measured on Reuters and crypto-news articles, see test/core/dedupe.test.ts):
// - 4-word shingles: a syndicated copy keeps over 0.75 of them and a light rewrite (sentences
//   dropped and swapped, words replaced) about 0.7, while distinct stories on the same company
//   share under 0.1; 3-word shingles lift templated daily columns ("Bitcoin price analysis")
//   closer to the threshold.
// - 120 hash values: the Jaccard estimate's standard error is about 0.046 near 0.5, and a
//   signature costs about 0.3 ms for a 550-word article.
// - 40 bands of 3 rows: two texts become candidates with probability 1-(1-J^3)^40: 0.995 at
//   J = 0.5, 0.67 at 0.3, 0.04 at 0.1, so the store looks up few unrelated articles while
//   missing almost no copy above the threshold.

const SHINGLE_SIZE = 4;
const SIGNATURE_LENGTH = 120;
const ROWS_PER_BAND = 3;
const BANDS = SIGNATURE_LENGTH / ROWS_PER_BAND;
/** Estimated Jaccard similarity of shingle sets from which two articles count as the same story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

const EMPTY_SLOT = 0xffffffff;
const SIGNED_SEEDS = new Int32Array(makeSeeds(SIGNATURE_LENGTH).buffer);
const SIGN_BIT = 0x80000000 | 0;
if (SIGNATURE_LENGTH % 4 !== 0) throw new Error('dedupe: the signature is computed four slots at a time');

/** sha256 (hex) of the normalised title and text: equal for copies differing only in case, spacing and punctuation. */
export function contentHash(title: string, text: string): string {
  return contentHashOfWords(normalisedWords(title), normalisedWords(text));
}

/** `contentHash` from the normalised words of the title and text, when the caller has them already. */
export function contentHashOfWords(titleWords: readonly string[], textWords: readonly string[]): string {
  return createHash('sha256')
    .update(`${titleWords.join(' ')}\n${textWords.join(' ')}`)
    .digest('hex');
}

/** MinHash signature and LSH band keys of an article; cheap enough to run on every ingested article. */
export function dedupeKeys(title: string, text: string): DedupeKeys {
  return dedupeKeysOfWords(normalisedWords(`${title}\n${text}`));
}

/**
 * `dedupeKeys` from the normalised words of the title followed by those of the text (the same
 * words as normalisedWords(`${title}\n${text}`): a line break always separates two words).
 */
export function dedupeKeysOfWords(words: readonly string[]): DedupeKeys {
  if (words.length === 0) return { signature: new Uint32Array(SIGNATURE_LENGTH).fill(EMPTY_SLOT), bands: [] };
  const shingles = uniqueShingles(words);
  // Minimums are kept in signed 32-bit integers with the top bit flipped (the same order as the
  // unsigned values): V8 keeps these in registers, where unsigned values above 2^31 become doubles.
  // Four slots a pass over the shingles: four independent chains of the hash keep the CPU's
  // pipelines full and each minimum stays in a register (30 % less time than a pass over the
  // slots for each shingle, with the same signature).
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  for (let slot = 0; slot < SIGNATURE_LENGTH; slot += 4) {
    const seed0 = SIGNED_SEEDS[slot] as number;
    const seed1 = SIGNED_SEEDS[slot + 1] as number;
    const seed2 = SIGNED_SEEDS[slot + 2] as number;
    const seed3 = SIGNED_SEEDS[slot + 3] as number;
    let min0 = EMPTY_SLOT ^ SIGN_BIT;
    let min1 = min0;
    let min2 = min0;
    let min3 = min0;
    for (let index = 0; index < shingles.count; index += 1) {
      const key = shingles.keys[index] as number;
      // mix32 of key ^ seed, inlined: this loop is most of the signature's cost.
      let a = key ^ seed0;
      let b = key ^ seed1;
      let c = key ^ seed2;
      let d = key ^ seed3;
      a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
      b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
      c = Math.imul(c ^ (c >>> 16), 0x85ebca6b);
      d = Math.imul(d ^ (d >>> 16), 0x85ebca6b);
      a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
      b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
      c = Math.imul(c ^ (c >>> 13), 0xc2b2ae35);
      d = Math.imul(d ^ (d >>> 13), 0xc2b2ae35);
      a = a ^ (a >>> 16) ^ SIGN_BIT;
      b = b ^ (b >>> 16) ^ SIGN_BIT;
      c = c ^ (c >>> 16) ^ SIGN_BIT;
      d = d ^ (d >>> 16) ^ SIGN_BIT;
      if (a < min0) min0 = a;
      if (b < min1) min1 = b;
      if (c < min2) min2 = c;
      if (d < min3) min3 = d;
    }
    signature[slot] = (min0 ^ SIGN_BIT) >>> 0;
    signature[slot + 1] = (min1 ^ SIGN_BIT) >>> 0;
    signature[slot + 2] = (min2 ^ SIGN_BIT) >>> 0;
    signature[slot + 3] = (min3 ^ SIGN_BIT) >>> 0;
  }
  return { signature, bands: bandKeys(signature) };
}

/** The distinct 4-word shingle hashes (signed 32-bit), in a buffer reused from call to call. */
let shingleBuffer = new Int32Array(4_096);
/** Each word's hash, reused likewise. */
let wordHashBuffer = new Int32Array(4_096);
// The shingles seen in this call: an open-addressing table reused from call to call, a slot being
// taken in this call when its stamp is this call's. A Set of the hashes allocated a number for
// each shingle above 2^31 and grew its table for each article (9 % of an ingest's allocation).
let seenKeys = new Int32Array(8_192);
let seenStamps = new Uint32Array(8_192);
let stamp = 0;

function uniqueShingles(words: readonly string[]): { keys: Int32Array; count: number } {
  const wordCount = words.length;
  if (wordHashBuffer.length < wordCount) wordHashBuffer = new Int32Array(wordCount * 2);
  for (let index = 0; index < wordCount; index += 1) wordHashBuffer[index] = hashWord(words[index] as string) | 0;
  const shingleCount = Math.max(1, wordCount - SHINGLE_SIZE + 1);
  if (shingleBuffer.length < shingleCount) shingleBuffer = new Int32Array(shingleCount * 2);
  // At most half full, so a probe ends soon.
  if (seenKeys.length < shingleCount * 2) {
    const size = 2 ** Math.ceil(Math.log2(shingleCount * 2));
    [seenKeys, seenStamps, stamp] = [new Int32Array(size), new Uint32Array(size), 0];
  }
  if (stamp === 0xffffffff) [seenStamps, stamp] = [new Uint32Array(seenKeys.length), 0];
  stamp += 1;
  const mask = seenKeys.length - 1;
  let count = 0;
  for (let start = 0; start < shingleCount; start += 1) {
    let shingle = 0x9e3779b9;
    for (let offset = 0; offset < SHINGLE_SIZE && start + offset < wordCount; offset += 1) {
      shingle = mix32(Math.imul(shingle ^ (wordHashBuffer[start + offset] as number), 0x01000193));
    }
    const key = shingle | 0;
    let slot = Math.imul(key, 0x9e3779b1) & mask;
    while (seenStamps[slot] === stamp && seenKeys[slot] !== key) slot = (slot + 1) & mask;
    if (seenStamps[slot] === stamp) continue;
    seenStamps[slot] = stamp;
    seenKeys[slot] = key;
    shingleBuffer[count] = key;
    count += 1;
  }
  return { keys: shingleBuffer, count };
}

/** Estimated Jaccard similarity (0…1) of the shingle sets behind two signatures. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let equal = 0;
  let empty = 0;
  for (let slot = 0; slot < length; slot += 1) {
    if (a[slot] === b[slot]) {
      if (a[slot] === EMPTY_SLOT) empty += 1;
      else equal += 1;
    }
  }
  // Two empty texts are not the same story.
  return empty === length ? 0 : equal / length;
}

/** Whether two signatures belong to copies of the same story. */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array): boolean {
  return estimateSimilarity(a, b) >= NEAR_DUPLICATE_THRESHOLD;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Lower-case words and numbers of a text, accents and punctuation dropped. */
export function normalisedWords(text: string): string[] {
  // ASCII text has nothing to decompose and no marks to drop.
  const plain = ASCII_ONLY.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  const found = plain.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu) ?? [];
  // Few words hold an apostrophe: the others are kept as matched, without a replace each.
  for (let index = 0; index < found.length; index += 1) {
    const word = found[index] as string;
    if (word.includes("'") || word.includes('’')) found[index] = word.replace(/['’]/g, '');
  }
  return found;
}

function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    // 64 bits per band: two independent mixes of the band's rows.
    let high = 0x811c9dc5 ^ band;
    let low = 0x01000193 ^ Math.imul(band, 0x9e3779b9);
    for (let row = 0; row < ROWS_PER_BAND; row += 1) {
      const value = signature[band * ROWS_PER_BAND + row] ?? 0;
      high = mix32(Math.imul(high ^ value, 0x01000193));
      low = mix32((low + Math.imul(value, 0x85ebca6b)) | 0);
    }
    keys.push(`${band.toString(36)}:${hex(high)}${hex(low)}`);
  }
  return keys;
}

function hashWord(word: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let index = 0; index < word.length; index += 1) {
    hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  }
  return mix32(hash);
}

// MurmurHash3's 32-bit finaliser: a cheap bijection that spreads every input bit.
function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function makeSeeds(count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = 0x2545f491;
  for (let index = 0; index < count; index += 1) {
    state = mix32((state + 0x9e3779b9) | 0);
    seeds[index] = state;
  }
  return seeds;
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

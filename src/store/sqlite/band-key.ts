/**
 * A near-duplicate band key (a string from pipeline/dedupe) as a 53-bit integer, so the band rows
 * are small fixed-size INTEGER keys instead of TEXT. Two independent 32-bit FNV-style mixes, the
 * high one cut to 21 bits; a collision only adds a candidate, which the signature check rejects.
 */
export function bandKey(band: string): number {
  let high = 0x811c9dc5;
  let low = 0x9e3779b9;
  for (let index = 0; index < band.length; index += 1) {
    const code = band.charCodeAt(index);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code, 0x85ebca6b) ^ (low >>> 15);
  }
  return (high >>> 11) * 0x1_0000_0000 + (low >>> 0);
}

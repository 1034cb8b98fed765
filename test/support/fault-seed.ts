import { randomInt } from 'node:crypto';

let chosen: number | null = null;

/**
 * The fault suite's seed: FAULT_SEED when set (to replay a failure), else a fresh one, printed so
 * a failing run can be replayed with `FAULT_SEED=<seed> npm run test:faults`.
 */
export function faultSeed(): number {
  if (chosen !== null) return chosen;
  const given = process.env['FAULT_SEED'];
  chosen = given !== undefined && given !== '' ? Number(given) : randomInt(1, 2 ** 31 - 1);
  if (!Number.isInteger(chosen)) throw new Error(`FAULT_SEED must be an integer, got "${given}"`);
  console.log(`fault suite seed ${chosen} (replay: FAULT_SEED=${chosen} npm run test:faults)`);
  return chosen;
}

/** A seeded pseudo-random generator (mulberry32), salted per test so each draws its own sequence. */
export function faultRandom(salt: string) {
  let state = faultSeed() >>> 0;
  for (const character of salt) state = Math.imul(state ^ character.charCodeAt(0), 0x01000193) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [low, high]. */
    between: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
    chance: (probability: number) => next() < probability,
  };
}

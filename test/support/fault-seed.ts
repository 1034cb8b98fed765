import { randomInt } from 'node:crypto';
import { createRandom } from './seeded-random.ts';

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

/** A seeded pseudo-random generator, salted per test so each draws its own sequence. */
export function faultRandom(salt: string) {
  let seed = faultSeed() >>> 0;
  for (const character of salt) seed = Math.imul(seed ^ character.charCodeAt(0), 0x01000193) >>> 0;
  const random = createRandom(seed);
  return {
    next: random.next,
    /** An integer in [low, high]. */
    between: (low: number, high: number) => low + random.below(high - low + 1),
    chance: (probability: number) => random.next() < probability,
  };
}

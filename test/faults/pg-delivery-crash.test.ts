import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  drawKill,
  FIRST_SLOT,
  type Kill,
  killLabel,
  MINUTE,
  prepareDeliveryFault,
  RUN_OFFSETS_MINUTES,
  readPosts,
  repeatedKeys,
  runScheduler,
} from '../support/delivery-fault.ts';
import { faultRandom, faultSeed } from '../support/fault-seed.ts';
import { createTestDatabase, dropTestDatabase, postgresUnavailable } from '../support/postgres.ts';

const CHANNELS = 30;
const KILLS = 20;
const WORKERS = 3;

const unavailable = await postgresUnavailable();
if (unavailable !== null) console.warn(`skipping the multi-process PostgreSQL delivery fault test: ${unavailable}`);

const folder = mkdtempSync(join(tmpdir(), 'mb-fault-pg-delivery-'));
const record = join(folder, 'posts.jsonl');
let database: { url: string; name: string } | null = null;
beforeAll(async () => {
  if (unavailable === null) database = await createTestDatabase('mb_fault_delivery');
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (database !== null) await dropTestDatabase(database.name);
});

describe.skipIf(unavailable !== null)('kill -9 during delivery, three processes on one PostgreSQL database', () => {
  it(`posts every slot to every channel exactly once while ${WORKERS} processes tick at once, across ${KILLS} kills`, async () => {
    if (database === null) throw new Error('the test database was not created');
    const url = database.url;
    const seed = faultSeed();
    const random = faultRandom('pg-delivery-crash');
    const channels = await prepareDeliveryFault(url, seed, CHANNELS);
    const kills: string[] = [];
    let day = 0;
    for (; kills.length < KILLS; day += 1) {
      const slot = FIRST_SLOT + day * DAY;
      for (const [attempt, offset] of RUN_OFFSETS_MINUTES.entries()) {
        const last = attempt === RUN_OFFSETS_MINUTES.length - 1;
        // Every process of a run ticks at the same minute, as pg-boss workers would all be awake.
        const killThis = !last && kills.length < KILLS && (attempt === 0 || random.chance(0.35));
        const victim = random.between(0, WORKERS - 1);
        const plans: Kill[] = Array.from({ length: WORKERS }, (_unused, worker) =>
          killThis && worker === victim ? drawKill(random, Math.ceil(CHANNELS / WORKERS)) : { kind: 'none' },
        );
        const ends = await Promise.all(plans.map((kill) => runScheduler(url, record, slot + offset * MINUTE, kill)));
        for (const [worker, end] of ends.entries()) {
          const kill = plans[worker] ?? { kind: 'none' };
          const label = `day ${day + 1} +${offset}min worker ${worker} ${JSON.stringify(kill)}`;
          // A kill planned past the process's last post, or after it ended, simply does not happen.
          if (end.signal === 'SIGKILL') kills.push(killLabel(kill));
          else expect(end, label).toMatchObject({ status: 0, signal: null });
          expect(end.stderr, label).toBe('');
          expect(kills.at(-1), label).not.toBe('unplanned');
        }
        expect(repeatedKeys(readPosts(record)), `day ${day + 1} +${offset}min: posted twice`).toEqual([]);
      }
      const slotIso = new Date(slot).toISOString();
      const postedToday = readPosts(record).filter((post) => post.key.endsWith(`@${slotIso}`));
      expect(postedToday.map((post) => post.channelId).sort(), `day ${day + 1}: every channel once`).toEqual([...channels].sort());
    }
    expect(readPosts(record)).toHaveLength(CHANNELS * day);
    const byProcess = new Set(readPosts(record).map((post) => post.id.split('-')[1]));
    console.log(`PostgreSQL delivery kills over ${day} days (${byProcess.size} processes posted): ${kills.join(' ')}`);
  });
});

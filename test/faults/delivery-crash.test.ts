import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
import { checkStore } from '../support/fault-store-check.ts';

const CHANNELS = 30;
const KILLS = 20;

const folder = mkdtempSync(join(tmpdir(), 'mb-fault-delivery-'));
const database = join(folder, 'bot.db');
const record = join(folder, 'posts.jsonl');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('kill -9 during delivery', () => {
  it(`posts every slot to every channel exactly once across ${KILLS} kills and restarts`, async () => {
    const seed = faultSeed();
    const random = faultRandom('delivery-crash');
    const channels = await prepareDeliveryFault(`sqlite:${database}`, seed, CHANNELS);
    const kills: string[] = [];
    let day = 0;
    for (; kills.length < KILLS; day += 1) {
      const slot = FIRST_SLOT + day * DAY;
      for (const [attempt, offset] of RUN_OFFSETS_MINUTES.entries()) {
        const last = attempt === RUN_OFFSETS_MINUTES.length - 1;
        const killThis = !last && kills.length < KILLS && (attempt === 0 || random.chance(0.35));
        const kill: Kill = killThis ? drawKill(random, CHANNELS) : { kind: 'none' };
        const end = await runScheduler(database, record, slot + offset * MINUTE, kill);
        const label = `day ${day + 1} +${offset}min ${JSON.stringify(kill)}`;
        // A kill planned past the run's last post, or after it ended, simply does not happen.
        if (end.signal === 'SIGKILL') kills.push(killLabel(kill));
        else expect(end, label).toMatchObject({ status: 0, signal: null });
        expect(end.stderr, label).toBe('');
        expect(kills.at(-1), label).not.toBe('unplanned');
        const health = checkStore(database);
        expect({ label, integrity: health.integrity, fullText: health.fullText }).toEqual({ label, integrity: ['ok'], fullText: 'ok' });
        expect(repeatedKeys(readPosts(record)), `${label}: posted twice`).toEqual([]);
      }
      const slotIso = new Date(slot).toISOString();
      const postedToday = readPosts(record).filter((post) => post.key.endsWith(`@${slotIso}`));
      expect(postedToday.map((post) => post.channelId).sort(), `day ${day + 1}: every channel once`).toEqual([...channels].sort());
    }
    expect(readPosts(record)).toHaveLength(CHANNELS * day);
    console.log(`delivery kills over ${day} days: ${kills.join(' ')}`);
  });
});

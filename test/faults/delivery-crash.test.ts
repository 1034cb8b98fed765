import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/pipeline/ingest-article.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { newSubscription } from '../support/articles.ts';
import { faultArticles } from '../support/fault-articles.ts';
import { faultRandom, faultSeed } from '../support/fault-seed.ts';
import { checkStore } from '../support/fault-store-check.ts';

const SCHEDULER = fileURLToPath(new URL('../support/fault-delivery-process.ts', import.meta.url));
const CHANNELS = 30;
const KILLS = 20;
const FIRST_SLOT = Date.parse('2026-11-02T08:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

const folder = mkdtempSync(join(tmpdir(), 'mb-fault-delivery-'));
const database = join(folder, 'bot.db');
const record = join(folder, 'posts.jsonl');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Post {
  channelId: string;
  key: string;
  id: string;
}

function posts(): Post[] {
  return existsSync(record)
    ? readFileSync(record, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Post)
    : [];
}

type Kill = { kind: 'none' } | { kind: 'self'; atPost: number; when: 'before' | 'after' } | { kind: 'timer'; afterTickMs: number };

/** One scheduler process at `now`; killed as `kill` says. Resolves with how it ended. */
function runScheduler(now: number, kill: Kill): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const args = [SCHEDULER, database, new Date(now).toISOString(), record];
  if (kill.kind === 'self') args.push(String(kill.atPost), kill.when);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    // The outside kill lands a random few milliseconds into the tick: composing, claiming or posting.
    if (kill.kind === 'timer' && chunk.includes('tick')) setTimeout(() => child.kill('SIGKILL'), kill.afterTickMs);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

async function prepare(seed: number): Promise<string[]> {
  const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${database}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  const channels = Array.from({ length: CHANNELS }, (_unused, index) => `c${index}`);
  for (const [index, channelId] of channels.entries()) {
    // Two scopes: everything, and articles mentioning shares; two briefs composed per slot.
    await app.store.addSubscription(
      newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId, keywords: index % 2 === 0 ? [] : ['shares'], time: '08:00', timezone: 'UTC' }),
    );
  }
  const days = 20;
  for (let day = 0; day < days; day += 1) {
    for (const article of faultArticles(6, seed + day, new Date(FIRST_SLOT + day * DAY), 20)) await ingestArticle(article, app.ingest);
  }
  await app.close();
  return channels;
}

describe('kill -9 during delivery', () => {
  it(`posts every slot to every channel exactly once across ${KILLS} kills and restarts`, async () => {
    const seed = faultSeed();
    const random = faultRandom('delivery-crash');
    const channels = await prepare(seed);
    const kills: string[] = [];
    let day = 0;
    for (; kills.length < KILLS; day += 1) {
      const slot = FIRST_SLOT + day * DAY;
      // Runs 1, 12 and 23 minutes after the slot: past the 10-minute lease, within the 30-minute grace.
      for (const [attempt, offset] of [1, 12, 23].entries()) {
        const last = attempt === 2;
        const killThis = !last && kills.length < KILLS && (attempt === 0 || random.chance(0.35));
        const kill: Kill = !killThis
          ? { kind: 'none' }
          : random.chance(0.5)
            ? { kind: 'self', atPost: random.between(1, CHANNELS), when: random.chance(0.5) ? 'before' : 'after' }
            : { kind: 'timer', afterTickMs: random.between(0, 80) };
        const end = await runScheduler(slot + offset * MINUTE, kill);
        const label = `day ${day + 1} +${offset}min ${JSON.stringify(kill)}`;
        // A kill planned past the run's last post, or after it ended, simply does not happen.
        if (end.signal === 'SIGKILL')
          kills.push(kill.kind === 'self' ? `${kill.when}-post-${kill.atPost}` : kill.kind === 'timer' ? `timer-${kill.afterTickMs}ms` : 'unplanned');
        else expect(end, label).toMatchObject({ status: 0, signal: null });
        expect(end.stderr, label).toBe('');
        expect(kills.at(-1), label).not.toBe('unplanned');
        const health = checkStore(database);
        expect({ label, integrity: health.integrity, fullText: health.fullText }).toEqual({ label, integrity: ['ok'], fullText: 'ok' });
        const keys = posts().map((post) => post.key);
        expect(
          keys.filter((key, index) => keys.indexOf(key) !== index),
          `${label}: posted twice`,
        ).toEqual([]);
      }
      const slotIso = new Date(slot).toISOString();
      const postedToday = posts().filter((post) => post.key.endsWith(`@${slotIso}`));
      expect(postedToday.map((post) => post.channelId).sort(), `day ${day + 1}: every channel once`).toEqual([...channels].sort());
    }
    expect(posts()).toHaveLength(CHANNELS * day);
    console.log(`delivery kills over ${day} days: ${kills.join(' ')}`);
  });
});

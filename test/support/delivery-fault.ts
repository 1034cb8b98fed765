import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ingestArticle } from '../../src/pipeline/ingest-article.ts';
import { newSubscription } from './articles.ts';
import { faultArticles } from './fault-articles.ts';
import type { faultRandom } from './fault-seed.ts';

// Shared by the delivery fault tests (one SQLite process; three processes on one PostgreSQL database).

const SCHEDULER = fileURLToPath(new URL('./fault-delivery-process.ts', import.meta.url));
export const FIRST_SLOT = Date.parse('2026-11-02T08:00:00.000Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;
/** Runs 1, 12 and 23 minutes after the slot: past the 10-minute lease, within the 30-minute grace. */
export const RUN_OFFSETS_MINUTES = [1, 12, 23] as const;

export interface Post {
  channelId: string;
  key: string;
  id: string;
}

/** Every post the scheduler processes recorded, in order. */
export function readPosts(record: string): Post[] {
  return existsSync(record)
    ? readFileSync(record, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Post)
    : [];
}

/** Keys posted more than once (each listed once per extra post). */
export function repeatedKeys(posts: readonly Post[]): string[] {
  const keys = posts.map((post) => post.key);
  return keys.filter((key, index) => keys.indexOf(key) !== index);
}

export type Kill = { kind: 'none' } | { kind: 'self'; atPost: number; when: 'before' | 'after' } | { kind: 'timer'; afterTickMs: number };

/** A kill drawn from the seeded generator: at a post (before or after it), or a few ms into the tick. */
export function drawKill(random: ReturnType<typeof faultRandom>, posts: number): Kill {
  return random.chance(0.5)
    ? { kind: 'self', atPost: random.between(1, posts), when: random.chance(0.5) ? 'before' : 'after' }
    : { kind: 'timer', afterTickMs: random.between(0, 80) };
}

/** How a killed run is named in the test's log; 'unplanned' for a SIGKILL nobody asked for. */
export function killLabel(kill: Kill): string {
  return kill.kind === 'self' ? `${kill.when}-post-${kill.atPost}` : kill.kind === 'timer' ? `timer-${kill.afterTickMs}ms` : 'unplanned';
}

/** One scheduler process (one delivery tick at `now`) against `database`; killed as `kill` says. */
export function runScheduler(
  database: string,
  record: string,
  now: number,
  kill: Kill,
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
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

/**
 * Subscribes `channels` channels at 08:00 UTC (two scopes: everything, and articles mentioning
 * shares) and ingests 20 days of articles into the bot's database at `databaseUrl`.
 */
export async function prepareDeliveryFault(databaseUrl: string, seed: number, channelCount: number): Promise<string[]> {
  const app = createApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  const channels = Array.from({ length: channelCount }, (_unused, index) => `c${index}`);
  for (const [index, channelId] of channels.entries()) {
    await app.store.addSubscription(
      newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId, keywords: index % 2 === 0 ? [] : ['shares'], time: '08:00', timezone: 'UTC' }),
    );
  }
  for (let day = 0; day < 20; day += 1) {
    for (const article of faultArticles(6, seed + day, new Date(FIRST_SLOT + day * DAY), 20)) await ingestArticle(article, app.ingest);
  }
  await app.close();
  return channels;
}

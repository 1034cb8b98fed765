import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { newSubscription } from '../support/articles.ts';

const SCRIPT = fileURLToPath(new URL('../support/delivery-process.ts', import.meta.url));

function runProcess(args: string[]): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

async function world(channels: string[]) {
  const folder = mkdtempSync(join(tmpdir(), 'mb-crash-'));
  const database = join(folder, 'bot.db');
  const record = join(folder, 'posts.jsonl');
  const store = createSqliteStore(database);
  for (const channelId of channels)
    await store.addSubscription(newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId, topics: ['ai'], time: '08:00', timezone: 'UTC' }));
  await store.close();
  const posts = () =>
    existsSync(record)
      ? readFileSync(record, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { channelId: string; key: string })
      : [];
  const deliveries = async () => {
    const reader = createSqliteStore(database);
    const list = await reader.listDeliveries();
    await reader.close();
    return list;
  };
  return { database, record, posts, deliveries, run: (now: string, crash = 'none') => runProcess([database, now, record, crash]) };
}

describe('exactly-once delivery across crashes and processes', () => {
  it('a process killed between claim and post: the slot is posted once after restart', async () => {
    const bot = await world(['c1']);
    expect((await bot.run('2026-11-24T08:00:00Z', 'before-post')).signal).toBe('SIGKILL');
    expect(bot.posts()).toEqual([]);
    expect(await bot.deliveries()).toMatchObject([{ status: 'claimed' }]);
    // Within the lease nobody takes the claim over; after it, the restarted bot posts it once.
    expect((await bot.run('2026-11-24T08:05:00Z')).status).toBe(0);
    expect(bot.posts()).toEqual([]);
    expect((await bot.run('2026-11-24T08:11:00Z')).status).toBe(0);
    expect(bot.posts().map((post) => post.channelId)).toEqual(['c1']);
    expect((await bot.run('2026-11-24T08:20:00Z')).status).toBe(0);
    expect(bot.posts()).toHaveLength(1);
    expect(await bot.deliveries()).toMatchObject([{ status: 'posted', attempts: 2 }]);
  });

  it('a process killed between post and confirm: the restart finds the post and does not repeat it', async () => {
    const bot = await world(['c1']);
    expect((await bot.run('2026-11-24T08:00:00Z', 'after-post')).signal).toBe('SIGKILL');
    expect(bot.posts()).toHaveLength(1);
    expect(await bot.deliveries()).toMatchObject([{ status: 'claimed' }]);
    expect((await bot.run('2026-11-24T08:11:00Z')).status).toBe(0);
    expect(bot.posts()).toHaveLength(1);
    expect(await bot.deliveries()).toMatchObject([{ status: 'posted', messageIds: [bot.posts()[0] && expect.any(String)] }]);
  });

  it('two scheduler processes on one database post each slot once', async () => {
    const bot = await world(['c1', 'c2', 'c3']);
    const [one, two] = await Promise.all([bot.run('2026-11-24T08:00:00Z'), bot.run('2026-11-24T08:00:00Z')]);
    expect([one.status, two.status, one.stderr, two.stderr]).toEqual([0, 0, '', '']);
    const keys = bot.posts().map((post) => post.key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });
});

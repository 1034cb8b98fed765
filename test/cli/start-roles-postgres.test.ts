import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WASM_WRAPPER_FLAG } from '../../bin/young-generation.js';
import { createPostgresStore } from '../../src/store/index.ts';
import { newSubscription } from '../support/articles.ts';
import { faultArticles } from '../support/fault-articles.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { createTestDatabase, dropTestDatabase, postgresUnavailable } from '../support/postgres.ts';

// The shell-free flow on PostgreSQL, as a deployment runs it: one `--role web` process (Discord
// over HTTP interactions, the ingest API, health) and two `--role worker` processes (the jobs),
// real processes on one database. Articles POSTed to the web process are briefed by a worker at
// the subscription's slot and posted once to the fake Discord.

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const unavailable = await postgresUnavailable();
if (unavailable !== null) console.warn(`skipping the web + workers test on PostgreSQL: ${unavailable}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` holds, asking every 250 ms; rejects with `what` after `limitMs` (a generous outer limit). */
async function eventually(check: () => Promise<boolean>, what: string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; the processes said:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const processes: ChildProcess[] = [];
const output: string[] = [];
function start(role: 'web' | 'worker', env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [WASM_WRAPPER_FLAG, CLI, 'start', '--role', role], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) stream?.setEncoding('utf8').on('data', (chunk: string) => output.push(`${role}: ${chunk}`));
  processes.push(child);
  return child;
}

let database: { url: string; name: string } | null = null;
let discord: FakeDiscord | null = null;
beforeAll(async () => {
  if (unavailable !== null) return;
  database = await createTestDatabase('mb_roles');
  discord = await FakeDiscord.start();
});
afterAll(async () => {
  await Promise.all(
    processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await discord?.close();
  if (database !== null) await dropTestDatabase(database.name);
});

describe.skipIf(unavailable !== null)('web and two workers on one PostgreSQL database', () => {
  it('ingest API on the web process → a worker composes the brief at its slot → posted to Discord exactly once', async () => {
    if (database === null || discord === null) throw new Error('not set up');
    const fake = discord;
    const port = await freePort();
    const { publicKey } = generateKeyPairSync('ed25519');
    const env = {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      EXAMPLES_ON_FIRST_RUN: 'false',
      DISCORD_MODE: 'http',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.identity.applicationId,
      DISCORD_PUBLIC_KEY: Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex'),
      DISCORD_API_URL: fake.apiUrl,
      INGEST_TOKEN: 'ingest-secret-0123456789',
      HTTP_PORT: String(port),
    };
    const web = `http://127.0.0.1:${port}`;
    start('web', env);
    await eventually(async () => (await fetch(`${web}/readyz`).catch(() => null))?.status === 200, 'the web process to be ready', 120_000);

    const articles = faultArticles(6, 11, new Date(), 3);
    const response = await fetch(`${web}/api/articles`, {
      method: 'POST',
      headers: { authorization: 'Bearer ingest-secret-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify(articles.map(({ title, text, url, publishedAt }) => ({ title, text, url, publishedAt }))),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);

    // A daily brief due this very minute (UTC), subscribed an hour ago.
    const now = new Date();
    const time = `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`;
    const store = createPostgresStore(database.url, { max: 2 });
    try {
      await store.addSubscription(
        newSubscription({
          platform: 'discord',
          workspaceId: fake.identity.guildId,
          channelId: fake.identity.channelId,
          time,
          createdAt: new Date(now.getTime() - 3_600_000).toISOString(),
        }),
      );
      start('worker', env);
      start('worker', env);

      const posts = () =>
        fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith(`/channels/${fake.identity.channelId}/messages`));
      // pg-boss fires the minute tick once, in one of the workers, within about a minute.
      await eventually(async () => posts().length > 0, 'the brief to be posted', 240_000);
      await eventually(async () => (await store.listDeliveries({ status: 'posted' })).length === 1, 'the delivery to be recorded as posted', 60_000);
      const body = JSON.stringify(posts()[0]?.body);
      expect(articles.some((article) => body.includes(article.title.slice(0, 30)))).toBe(true);
      // One delivery for the one slot, posted once (the fault suite kills workers mid-delivery).
      const ticks = await store.listDeliveries();
      expect(ticks.map((delivery) => delivery.status)).toEqual(['posted']);
      expect(posts()).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

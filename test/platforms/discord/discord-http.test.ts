import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { start } from '../../../src/main.ts';
import { FakeDiscord } from '../../support/fake-discord.ts';

let fake: FakeDiscord | null = null;
let app: App | null = null;
let stop: () => void = () => undefined;
let running: Promise<number> | null = null;

afterEach(async () => {
  stop();
  await running;
  await fake?.close();
  await app?.close();
  fake = null;
  app = null;
});

/** The bot in DISCORD_MODE=http against a loopback Discord, with a key pair made for the test. */
async function startHttpBot(): Promise<{ base: string; privateKey: KeyObject; fake: FakeDiscord }> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
  fake = await FakeDiscord.start();
  app = createApp(
    loadConfig(
      {
        DATABASE_URL: 'sqlite::memory:',
        LOG_LEVEL: 'silent',
        EXAMPLES_ON_FIRST_RUN: 'false',
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.identity.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_MODE: 'http',
        DISCORD_PUBLIC_KEY: raw,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
      },
      null,
    ),
  );
  const stopSignal = new Promise<string>((resolve) => (stop = () => resolve('test')));
  const ready = new Promise<{ httpPort: number | null; platforms: string[] }>((resolve) => {
    running = start(app as App, { input: new PassThrough(), output: new PassThrough(), stopSignal, onReady: resolve });
  });
  const info = await ready;
  expect(info.platforms).toEqual(['discord']);
  return { base: `http://127.0.0.1:${info.httpPort}`, privateKey, fake };
}

function post(base: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function signed(privateKey: KeyObject, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
}

describe('Discord interactions over HTTP (no gateway)', () => {
  it('answers a signed PING with PONG, and refuses a wrong or missing signature with 401', async () => {
    const { base, privateKey, fake: discord } = await startHttpBot();
    const ping = JSON.stringify({ id: '1', type: 1, token: 't', application_id: discord.identity.applicationId });
    const pong = await post(base, ping, signed(privateKey, ping));
    expect(pong.status).toBe(200);
    expect(await pong.json()).toEqual({ type: 1 });
    // Signed by another key, and signed over a different body.
    const other = generateKeyPairSync('ed25519').privateKey;
    expect((await post(base, ping, signed(other, ping))).status).toBe(401);
    expect((await post(base, ping, signed(privateKey, `${ping} `))).status).toBe(401);
    expect((await post(base, ping, {})).status).toBe(401);
    // No gateway connection was ever opened.
    expect(discord.gateway.log.connections).toBe(0);
  });

  it('defers a slash command in the HTTP response, then edits the answer in over REST', async () => {
    const { base, privateKey, fake: discord } = await startHttpBot();
    const payload = discord.newInteraction({ name: 'help' }, 2);
    const body = JSON.stringify(payload);
    const response = await post(base, body, signed(privateKey, body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await discord.waitForRequest(
      (request) => request.method === 'PATCH' && request.path === `/webhooks/${discord.identity.applicationId}/${payload.token}/messages/@original`,
      'follow-up edit',
    );
    expect(edit.status).toBe(200);
    const embeds = (edit.body as { embeds: Array<{ title?: string; description?: string }>; allowed_mentions: unknown }).embeds;
    expect(embeds.map((embed) => `${embed.title} ${embed.description}`).join('\n')).toMatch(/\/brief/);
    expect((edit.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });
});

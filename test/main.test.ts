import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { start } from '../src/main.ts';
import { PERMISSIONS } from './support/fake-discord-payloads.ts';
import { FakeDiscord } from './support/fake-discord.ts';

let fake: FakeDiscord | null = null;
let app: App | null = null;
afterEach(async () => {
  await fake?.close();
  await app?.close();
  fake = null;
  app = null;
});

describe('start (the composition root)', () => {
  it('runs Discord and the ingest endpoint together, and stops cleanly on a signal', async () => {
    fake = await FakeDiscord.start();
    const token = 'test-ingest-token-0123456789';
    app = createApp(
      loadConfig(
        {
          DATABASE_URL: 'sqlite::memory:',
          LOG_LEVEL: 'silent',
          EXAMPLES_ON_FIRST_RUN: 'false',
          DISCORD_TOKEN: fake.token,
          DISCORD_APPLICATION_ID: fake.identity.applicationId,
          DISCORD_API_URL: fake.apiUrl,
          INGEST_TOKEN: token,
          HTTP_PORT: '0',
          HTTP_HOST: '127.0.0.1',
        },
        null,
      ),
    );
    let stop: (value: string) => void = () => undefined;
    const stopSignal = new Promise<string>((resolve) => (stop = resolve));
    let ready: (info: { httpPort: number | null; platforms: string[] }) => void = () => undefined;
    const readyInfo = new Promise<{ httpPort: number | null; platforms: string[] }>((resolve) => (ready = resolve));
    const output = new PassThrough();
    const running = start(app, { input: new PassThrough(), output, stopSignal, onReady: ready });
    const info = await readyInfo;
    expect(info.platforms).toEqual(['discord']);
    expect(info.httpPort).toBeGreaterThan(0);

    // The ingest endpoint is served on the bot's HTTP server.
    const posted = await fetch(`http://127.0.0.1:${info.httpPort}/api/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Tokyo stocks close at a record',
        text: 'The Nikkei 225 rose 1.5% to a record close on Tuesday as exporters gained on a weaker yen. Chipmakers led the advance.',
      }),
    });
    expect(posted.status).toBe(200);
    expect(await app.store.countArticles()).toBe(1);
    expect((await fetch(`http://127.0.0.1:${info.httpPort}/healthz`)).status).toBe(200);

    // An admin subscribes a Discord channel through a real interaction.
    const interaction = fake.sendCommand({
      name: 'subscribe',
      options: { topic: 'japan', time: '08:00', timezone: 'Asia/Tokyo' },
      permissions: PERMISSIONS.manageChannels,
    });
    await fake.waitForRequest((request) => request.path.includes(interaction.token) && request.method === 'PATCH', 'subscribe answer');
    expect(await app.store.listSubscriptions({ platform: 'discord' })).toMatchObject([{ topics: ['japan'], timezone: 'Asia/Tokyo' }]);

    stop('SIGTERM');
    expect(await running).toBe(0);
    // The server is closed and the Discord client is gone.
    await expect(fetch(`http://127.0.0.1:${info.httpPort}/healthz`)).rejects.toThrow();
    expect(output.read()).toBeNull();
  });
});

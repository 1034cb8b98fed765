import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { start } from '../../src/main.ts';

const TOKEN = 'test-ingest-token-0123456789';
let app: App | null = null;
let stop: () => void = () => undefined;
let running: Promise<number> | null = null;

afterEach(async () => {
  stop();
  await running;
  await app?.close();
  app = null;
  running = null;
});

async function startBot(): Promise<{ app: App; base: string }> {
  app = createApp(
    loadConfig(
      { DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false', INGEST_TOKEN: TOKEN, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' },
      null,
    ),
  );
  // No platform configured: the shell bot runs on `input`, and ending it stops the bot.
  const input = new PassThrough();
  stop = () => input.end();
  const ready = new Promise<{ httpPort: number | null }>((resolve) => {
    running = start(app as App, { input, output: new PassThrough(), onReady: resolve });
  });
  const { httpPort } = await ready;
  return { app, base: `http://127.0.0.1:${httpPort}` };
}

describe('operations endpoints on the bot’s HTTP server', () => {
  it('/readyz fails while the database does not answer and recovers when it does; /healthz stays up', async () => {
    const { app: current, base } = await startBot();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const ping = current.store.ping;
    current.store.ping = async () => {
      throw new Error('database unreachable');
    };
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      ok: false,
      checks: [
        { name: 'database', ok: false },
        { name: 'queue', ok: true },
      ],
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    current.store.ping = ping;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('/metrics exposes the ingest counter after an article comes in through the API, with queue depth and event-loop delay', async () => {
    const { base } = await startBot();
    const posted = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Tokyo stocks close at a record',
        text: 'The Nikkei 225 rose 1.5% to a record close on Tuesday as exporters gained on a weaker yen.',
      }),
    });
    expect(posted.status).toBe(200);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^market_brief_articles_ingested_total\{via="api"\} 1$/m);
    expect(text).toMatch(/^market_brief_queue_depth \d+$/m);
    expect(text).toContain('market_brief_nodejs_eventloop_lag_seconds');
    expect(text).toContain('# TYPE market_brief_deliveries_total counter');
  });
});

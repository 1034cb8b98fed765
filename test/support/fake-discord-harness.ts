import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { CommandServices } from '../../src/dispatch/command.ts';
import type { Store } from '../../src/ports/store.ts';
import { type DiscordBot, startDiscord } from '../../src/platforms/discord/start.ts';
import { FakeDiscord, type RecordedRequest } from './fake-discord.ts';

export interface DiscordHarness {
  fake: FakeDiscord;
  app: App;
  bot: DiscordBot;
  close(): Promise<void>;
}

/** A fake Discord, an in-memory app, and the real bot (discord.js) connected to the fake. */
export async function startDiscordHarness(options: { services?: (app: App) => CommandServices; heartbeatIntervalMs?: number } = {}): Promise<DiscordHarness> {
  const fake = await FakeDiscord.start(options.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: options.heartbeatIntervalMs });
  const app = createApp(loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  let bot: DiscordBot;
  try {
    bot = await startDiscord({
      settings: { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.identity.applicationId, DISCORD_API_URL: fake.apiUrl },
      services: options.services?.(app) ?? app.commands,
    });
  } catch (error) {
    await fake.close();
    await app.close();
    throw error;
  }
  return {
    fake,
    app,
    bot,
    async close() {
      await bot.stop();
      await fake.close();
      await app.close();
    },
  };
}

/** Requests that carry a message: interaction edits and follow-ups, and channel posts. */
export function messageRequests(fake: FakeDiscord): RecordedRequest[] {
  return fake.requests.filter(
    (request) =>
      (request.method === 'PATCH' && request.path.endsWith('/messages/@original')) ||
      (request.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(request.path)) ||
      (request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path)),
  );
}

/** A Store whose every call waits until `release()`: a stand-in for a slow database or model. */
export function gatedStore(store: Store): { store: Store; entered: Promise<void>; release(): void } {
  let release: () => void = () => undefined;
  let entered: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const enteredPromise = new Promise<void>((resolve) => (entered = resolve));
  const gated = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return async (...args: unknown[]) => {
        entered();
        await gate;
        return (value as (...inner: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: gated, entered: enteredPromise, release: () => release() };
}

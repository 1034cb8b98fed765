import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Options, REST } from 'discord.js';
import type { CommandServices } from '../../dispatch/index.ts';
import type { Publisher } from '../../ports/index.ts';
import { handleInteraction } from './interactions.ts';
import { createDiscordPublisher } from './publisher.ts';
import type { DiscordSettings } from '../../config/index.ts';
import { type DiscordCredentials, readDiscordCredentials } from './credentials.ts';
import { UserFacingError } from '../../domain/index.ts';

/** A REST client for one-off calls (command sync) outside a running bot. */
export function createDiscordRest(credentials: DiscordCredentials): REST {
  return new REST({ version: '10', api: credentials.apiUrl }).setToken(credentials.token);
}

/** A running Discord bot. */
export interface DiscordBot {
  /** Posts briefs to channels by id (workspaceId = guild id, channelId = channel id). */
  publisher: Publisher;
  /** Logs out and closes the gateway connection. */
  stop(): Promise<void>;
  /** The underlying discord.js client, for diagnostics and tests. */
  client: Client<true>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Connects to Discord's gateway with guild intents only (no privileged intents), answers slash
 * commands and autocomplete, and resolves once the client is ready. Nothing it sends can ping:
 * `allowedMentions: { parse: [] }` is the client default and every message sets it again.
 */
export async function startDiscord(options: { settings: DiscordSettings; services: CommandServices }): Promise<DiscordBot> {
  const { services } = options;
  const credentials = readDiscordCredentials(options.settings);
  if (credentials === null) throw new UserFacingError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to run on Discord.');
  const logger = services.logger;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: credentials.apiUrl },
    // The bot never reads messages: keep none of them in memory.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
  });
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, services));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({}, `discord: ${message}`));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, 'discord gateway closed and will not reconnect'));

  const waiting = new AbortController();
  const timer = setTimeout(() => waiting.abort(), READY_TIMEOUT_MS);
  const ready = once(client, Events.ClientReady, { signal: waiting.signal });
  ready.catch(() => undefined);
  try {
    await client.login(credentials.token);
    await ready;
  } catch (error) {
    waiting.abort();
    await client.destroy();
    const reason =
      error instanceof Error && error.name === 'AbortError'
        ? 'the gateway did not get ready within 60 s'
        : error instanceof Error
          ? error.message
          : String(error);
    throw new UserFacingError(`Could not connect to Discord: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
  const readyClient = client as Client<true>;
  if (readyClient.application.id !== credentials.applicationId) {
    logger.warn(
      { configured: credentials.applicationId, actual: readyClient.application.id },
      'DISCORD_APPLICATION_ID does not match the token: commands synced to the configured id will not reach this bot',
    );
  }
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'discord ready');

  return {
    publisher: createDiscordPublisher(client.rest, logger, readyClient.user.id),
    client: readyClient,
    async stop() {
      client.removeAllListeners(Events.InteractionCreate);
      await client.destroy();
    },
  };
}

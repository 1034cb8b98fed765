import { REST } from '@discordjs/rest';
import type { Route } from '../../http/index.ts';
import type { DiscordSettings } from '../../config/index.ts';
import type { CommandServices } from '../../dispatch/index.ts';
import { UserFacingError } from '../../domain/index.ts';
import type { Publisher } from '../../ports/index.ts';
import { readDiscordCredentials } from './credentials.ts';
import { discordInteractionsRoute } from './http-interactions.ts';
import { createDiscordPublisher } from './publisher.ts';

/** Discord without a gateway: interactions arrive as signed POSTs; answers and posts go over REST. */
export interface DiscordHttpBot {
  publisher: Publisher;
  /** POST /discord/interactions, for the bot's one HTTP server. */
  routes: Route[];
  /** Waits for interactions still being answered. */
  stop(): Promise<void>;
}

export function startDiscordHttp(options: { settings: DiscordSettings; services: CommandServices; serveInteractions?: boolean }): DiscordHttpBot {
  const credentials = readDiscordCredentials(options.settings);
  if (credentials === null) throw new UserFacingError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to run on Discord.');
  const rest = new REST({ version: '10', api: credentials.apiUrl }).setToken(credentials.token);
  const publisher = createDiscordPublisher(rest, options.services.logger);
  if (options.serveInteractions === false || credentials.publicKey === null) return { publisher, routes: [], stop: async () => undefined };
  const interactions = discordInteractionsRoute({
    publicKey: credentials.publicKey,
    applicationId: credentials.applicationId,
    rest,
    services: options.services,
  });
  return { publisher, routes: [interactions.route], stop: () => interactions.idle() };
}

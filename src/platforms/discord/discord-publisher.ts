import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import { DeliveryError } from '../../core/errors.ts';
import type { Logger, Publisher } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { renderReply } from './discord-render.ts';

/** The `platform` of Discord subscriptions, deliveries and command contexts. */
export const DISCORD_PLATFORM = 'discord';

const SNOWFLAKE = /^\d{17,20}$/;

const CHANNEL_GONE_CODES = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
]);
const FORBIDDEN_CODES = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
  RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
  RESTJSONErrorCodes.ThreadLocked,
]);

/**
 * Maps a failed Discord request to what the scheduler can act on: the channel is gone, the bot
 * may not post there, the token no longer works, or try again later.
 */
export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    if (error.status === 401) return new DeliveryError('revoked', 'Discord rejected the bot token (401): reset it and restart the bot.');
    if (CHANNEL_GONE_CODES.has(code) || error.status === 404) return new DeliveryError('channel-gone', `Discord channel ${channelId} no longer exists or the bot left it.`);
    if (FORBIDDEN_CODES.has(code) || error.status === 403) {
      return new DeliveryError('forbidden', `The bot may not post in channel ${channelId}: it needs View Channel, Send Messages and Embed Links there.`);
    }
    return new DeliveryError('transient', `Discord refused the message (${error.status}, code ${error.code}).`);
  }
  if (error instanceof HTTPError) {
    if (error.status === 401) return new DeliveryError('revoked', 'Discord rejected the bot token (401): reset it and restart the bot.');
    return new DeliveryError('transient', `Discord answered ${error.status}; will retry later.`);
  }
  if (error instanceof RateLimitError) return new DeliveryError('transient', `Rate limited by Discord for ${error.retryAfter} ms; will retry later.`);
  return new DeliveryError('transient', 'Could not reach Discord; will retry later.');
}

/**
 * Posts replies to Discord channels by id through discord.js's REST client, which queues requests
 * per route and waits out 429s. A long reply is posted as several messages, in order; nothing in
 * them can ping anyone.
 */
export function createDiscordPublisher(rest: REST, logger: Logger): Publisher {
  return {
    platform: DISCORD_PLATFORM,
    async post(target, reply: Reply): Promise<string[]> {
      if (!SNOWFLAKE.test(target.channelId)) {
        throw new DeliveryError('channel-gone', `"${target.channelId}" is not a Discord channel id.`);
      }
      const ids: string[] = [];
      for (const message of renderReply(reply)) {
        try {
          const posted = (await rest.post(Routes.channelMessages(target.channelId), { body: message })) as { id: string };
          ids.push(posted.id);
        } catch (error) {
          const failure = toDeliveryError(error, target.channelId);
          logger.warn({ err: error, channelId: target.channelId, guildId: target.workspaceId, posted: ids, failure: failure.failure }, 'discord post failed');
          throw failure;
        }
      }
      return ids;
    },
  };
}

import { createHash } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import { DeliveryError, type Reply } from '../../domain/index.ts';
import type { Logger, PostOptions, Publisher } from '../../ports/index.ts';
import { renderReply } from './render/index.ts';

/** The `platform` of Discord subscriptions, deliveries and command contexts. */
export const DISCORD_PLATFORM = 'discord';

const SNOWFLAKE = /^\d{17,20}$/;

const CHANNEL_GONE_CODES = new Set<number>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild]);
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
// Recognised by shape, not class: discord.js loads the CommonJS build of @discordjs/rest and this
// module the ES one, so the same error can come from either copy of the class.
type ApiError = { status: number; code: number | string; rawError: unknown };
const isApiError = (error: unknown): error is ApiError => error instanceof Error && 'rawError' in error && 'status' in error && 'code' in error;
const isHttpError = (error: unknown): error is { status: number } =>
  error instanceof Error && !('rawError' in error) && typeof (error as { status?: unknown }).status === 'number';
const isRateLimitError = (error: unknown): error is { retryAfter: number } =>
  error instanceof Error && typeof (error as { retryAfter?: unknown }).retryAfter === 'number';

export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  if (isApiError(error)) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    if (error.status === 401) return new DeliveryError('revoked', 'Discord rejected the bot token (401): reset it and restart the bot.');
    if (CHANNEL_GONE_CODES.has(code) || error.status === 404)
      return new DeliveryError('channel-gone', `Discord channel ${channelId} no longer exists or the bot left it.`);
    if (FORBIDDEN_CODES.has(code) || error.status === 403) {
      return new DeliveryError('forbidden', `The bot may not post in channel ${channelId}: it needs View Channel, Send Messages and Embed Links there.`);
    }
    return new DeliveryError('transient', `Discord refused the message (${error.status}, code ${error.code}).`);
  }
  if (isHttpError(error)) {
    if (error.status === 401) return new DeliveryError('revoked', 'Discord rejected the bot token (401): reset it and restart the bot.');
    return new DeliveryError('transient', `Discord answered ${error.status}; will retry later.`);
  }
  if (isRateLimitError(error)) return new DeliveryError('transient', `Rate limited by Discord for ${error.retryAfter} ms; will retry later.`);
  return new DeliveryError('transient', 'Could not reach Discord; will retry later.');
}

/** A short reference for a delivery key: shown in the footer, sent as the message nonce. */
export function deliveryReference(deliveryKey: string): string {
  return createHash('sha256').update(deliveryKey).digest('hex').slice(0, 12);
}

const HISTORY_LIMIT = 100;

/**
 * Posts replies to Discord channels by id through Discord's REST client (@discordjs/rest, the one discord.js uses), which queues requests
 * per route and waits out 429s. A long reply is posted as several messages, in order; nothing in
 * them can ping anyone. A scheduled delivery carries its reference in the footer and as an
 * enforced nonce (Discord returns the first message instead of posting twice within minutes), and
 * `findDelivery` finds it in the channel's recent history after a crash (needs Read Message
 * History; without it the answer is "cannot tell").
 */
export function createDiscordPublisher(rest: REST, logger: Logger, botUserId?: string): Publisher {
  return {
    platform: DISCORD_PLATFORM,
    async post(target, reply: Reply, options?: PostOptions): Promise<string[]> {
      if (!SNOWFLAKE.test(target.channelId)) {
        throw new DeliveryError('channel-gone', `"${target.channelId}" is not a Discord channel id.`);
      }
      const reference = options?.deliveryKey === undefined ? null : deliveryReference(options.deliveryKey);
      const marked = reference === null ? reply : { ...reply, footer: [reply.footer, `ref ${reference}`].filter((part) => part !== undefined).join(' · ') };
      const ids: string[] = [];
      for (const [index, message] of renderReply(marked).entries()) {
        const body = reference === null ? message : { ...message, nonce: `${reference}-${index}`, enforce_nonce: true };
        try {
          const posted = (await rest.post(Routes.channelMessages(target.channelId), { body })) as { id: string };
          ids.push(posted.id);
        } catch (error) {
          const failure = toDeliveryError(error, target.channelId);
          logger.warn({ err: error, channelId: target.channelId, guildId: target.workspaceId, posted: ids, failure: failure.failure }, 'discord post failed');
          throw failure;
        }
      }
      return ids;
    },
    async findDelivery(target, deliveryKey) {
      const marker = `ref ${deliveryReference(deliveryKey)}`;
      try {
        const query = new URLSearchParams({ limit: String(HISTORY_LIMIT) });
        const messages = (await rest.get(Routes.channelMessages(target.channelId), { query })) as Array<{
          id: string;
          author?: { id?: string; bot?: boolean };
          embeds?: Array<{ footer?: { text?: string } }>;
        }>;
        return messages
          .filter((message) => (botUserId === undefined ? message.author?.bot === true : message.author?.id === botUserId))
          .filter((message) => (message.embeds ?? []).some((embed) => embed.footer?.text?.includes(marker) === true))
          .map((message) => message.id)
          .reverse();
      } catch (error) {
        logger.warn({ err: error, channelId: target.channelId }, 'could not read channel history to check an earlier delivery');
        return null;
      }
    },
  };
}

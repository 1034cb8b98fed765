import { z } from 'zod';

// Optional text: trimmed, and '' counts as not set (so `DISCORD_TOKEN=` in .env means "off").
function optionalText<T extends z.ZodType<string | undefined>>(inner: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }, inner);
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/**
 * Settings this part of the bot reads, merged into the one schema in src/config.ts.
 * Each is documented in .env.example and the README's settings table.
 */
export const discordSettings = {
  DISCORD_TOKEN: optionalText(z.string().min(20, 'looks too short for a bot token').optional()),
  DISCORD_APPLICATION_ID: optionalText(snowflake.optional()),
  DISCORD_GUILD_ID: optionalText(snowflake.optional()),
  /** `gateway` (a websocket; no public URL needed) or `http` (Discord POSTs interactions to /discord/interactions). */
  DISCORD_MODE: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
    z.enum(['gateway', 'http'], { message: 'must be gateway or http' }).default('gateway'),
  ),
  /** The application's public key (Developer Portal, General Information): verifies interaction signatures in http mode. */
  DISCORD_PUBLIC_KEY: optionalText(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the application public key (Developer Portal, General Information)')
      .optional(),
  ),
  DISCORD_API_URL: optionalText(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://discord.com/api' })
      .transform((value) => value.replace(/\/+$/, ''))
      .default('https://discord.com/api'),
  ),
} satisfies Record<string, z.ZodType>;

/** The Discord part of the loaded config. */
export interface DiscordSettings {
  DISCORD_TOKEN?: string | undefined;
  DISCORD_APPLICATION_ID?: string | undefined;
  DISCORD_GUILD_ID?: string | undefined;
  DISCORD_MODE?: 'gateway' | 'http' | undefined;
  DISCORD_PUBLIC_KEY?: string | undefined;
  DISCORD_API_URL: string;
}

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
  DISCORD_API_URL: string;
}

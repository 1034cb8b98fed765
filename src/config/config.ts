import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { isValidTimezone } from '../domain/index.ts';
import { databaseSettings } from './database.ts';
import { discordSettings } from './discord.ts';
import { llmSettings } from './llm.ts';
import { slackSettings } from './slack.ts';
import { sourceSettings } from './sources.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting the bot reads, with its default. `.env.example` documents each one;
 * keep the two in step (a test checks it).
 */
export const configSchema = z.object({
  ...databaseSettings,
  /** Unset: `info` for `start` with a platform, `warn` for CLI commands and the shell bot (src/cli.ts). */
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isValidTimezone, { message: 'must be an IANA timezone such as Asia/Hong_Kong or America/New_York' }),
  DEFAULT_BRIEF_TIME: z
    .string()
    .trim()
    .default('08:00')
    .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { message: 'must be HH:MM (24-hour), e.g. 08:00' }),
  BRIEF_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .default(24),
  MAX_INPUT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(500 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  EXAMPLES_ON_FIRST_RUN: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default('true')
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  DELIVERY_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
  ALERT_LIMIT: z.coerce.number().int().min(1).max(50).default(3),
  ALERT_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  ALERT_MIN_IMPORTANCE: z.coerce.number().min(0).max(1).default(0.5),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HTTP_HOST: z.string().trim().default('0.0.0.0'),
  ...llmSettings,
  ...discordSettings,
  ...slackSettings,
  ...sourceSettings,
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Parses the environment once. Values in the real environment win over `.env`.
 * Throws a ConfigError listing every problem by variable name.
 */
export function loadConfig(environment: Record<string, string | undefined> = process.env, dotenvPath: string | null = '.env'): Config {
  const fromFile = dotenvPath !== null && existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const merged = { ...fromFile, ...environment };
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      const value = typeof merged[variable] === 'string' ? ` (got "${merged[variable]}")` : '';
      return `${variable}: ${issue.message}${value}`;
    });
    throw new ConfigError(problems);
  }
  return result.data;
}

/** `sqlite:PATH` → the path, `sqlite::memory:` → ':memory:'. */
export function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.slice('sqlite:'.length);
  return path === ':memory:' || path === '' ? ':memory:' : path;
}

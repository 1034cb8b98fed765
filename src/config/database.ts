import { z } from 'zod';

/** `postgres://…` or `postgresql://…`: the PostgreSQL store (and pg-boss for the jobs). */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

/**
 * Where the bot keeps everything, and the PostgreSQL connection pool. Merged into the one schema
 * in config.ts; each is documented in .env.example and the README's settings table.
 */
export const databaseSettings = {
  DATABASE_URL: z
    .string()
    .trim()
    .default('sqlite:.market-brief/market-brief.db')
    .refine((value) => value.startsWith('sqlite:') || isPostgresUrl(value), {
      message:
        'must be sqlite:PATH, sqlite::memory: or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (postgresql:// also works); no other engine is supported',
    }),
  /** Most connections one process opens to PostgreSQL (ignored on SQLite). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  /** An idle PostgreSQL connection is closed after this many milliseconds. */
  DATABASE_IDLE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** Connecting to PostgreSQL fails after this many milliseconds (0: wait forever). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
};

import { z } from 'zod';
import { parseAllowEntry } from '../domain/index.ts';

const MEBIBYTE = 1024 * 1024;

/** A comma-separated list; empty or unset is an empty list. */
const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  );

/**
 * Settings this part of the bot reads, merged into the one schema in src/config.ts.
 * Each is documented in .env.example and the README's settings table.
 */
export const sourceSettings = {
  FEED_POLL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  FEED_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(8),
  FEED_PAGE_FETCHES: z.coerce.number().int().min(0).max(500).default(20),
  FETCH_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(10 * 60 * 1000)
    .default(20_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * MEBIBYTE)
    .default(5 * MEBIBYTE),
  FETCH_ALLOW_HOSTS: commaList.refine((entries) => entries.every((entry) => parseAllowEntry(entry) !== null), {
    message: 'must be a comma-separated list of host names, IP addresses or CIDR ranges, e.g. 127.0.0.1,10.1.0.0/16,feeds.intranet',
  }),
  FETCH_ALLOW_PORTS: commaList
    .refine((entries) => entries.every((entry) => /^\d{1,5}$/.test(entry) && Number(entry) >= 1 && Number(entry) <= 65535), {
      message: 'must be a comma-separated list of port numbers (1-65535), e.g. 8080,8443',
    })
    .transform((entries) => entries.map(Number)),
  FETCH_HOST_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10 * 60 * 1000)
    .default(1000),
  FETCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  INGEST_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || value.length >= 16, { message: 'must be at least 16 characters (or empty to disable the endpoint)' }),
  INGEST_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * MEBIBYTE)
    .default(5 * MEBIBYTE),
} satisfies Record<string, z.ZodType>;

/** The parsed settings above, as the rest of src/ingest takes them (a whole Config fits). */
export type SourceSettings = z.infer<z.ZodObject<typeof sourceSettings>>;

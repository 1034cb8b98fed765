import { createRequire } from 'node:module';
import type pg from 'pg';
import { UserFacingError } from '../../domain/index.ts';

// The driver loads with the first pool: a process on SQLite never loads it (pg and its DNS and type parsers:
// ≈20 ms at every start of `market-brief topics` or the bot, in each engine thread too).
const require = createRequire(import.meta.url);

export type Row = Record<string, unknown>;

/** Anything that runs a query: the pool, or one client inside a transaction. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
}

/** Collects values for one statement and hands out their `$n` placeholders in order. */
export class Parameters {
  readonly values: unknown[] = [];
  /** The placeholder of a new value. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** Placeholders for a list of values, comma-separated. */
  list(values: readonly unknown[]): string {
    return values.map((value) => this.add(value)).join(', ');
  }
}

/** PostgreSQL's disk_full: the operator's to fix, said plainly to whoever sent the data (as on SQLite). */
const DISK_FULL = '53100';

export function storageError(error: unknown): unknown {
  if ((error as { code?: unknown } | null)?.code !== DISK_FULL) return error;
  return new UserFacingError('database or disk is full: nothing was stored; the bot’s disk needs free space, then send it again');
}

/** Runs `work` in one transaction on one client of the pool: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw storageError(error);
  } finally {
    client.release();
  }
}

export interface PoolSettings {
  /** Most connections (DATABASE_POOL_MAX). */
  max?: number | undefined;
  /** Idle connections close after this many ms (DATABASE_IDLE_MS). */
  idleMs?: number | undefined;
  /** Connecting fails after this many ms, 0 for never (DATABASE_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number | undefined;
  /** Tables live in this schema (created if missing) instead of the connection's default; tests use one each. */
  schema?: string | undefined;
}

/** A schema name safe to splice into SQL: letters, digits and underscores. */
export function checkedSchema(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  return schema;
}

export function createPool(url: string, settings: PoolSettings): pg.Pool {
  const { Pool } = require('pg') as typeof pg;
  const pool = new Pool({
    connectionString: url,
    max: settings.max ?? 10,
    idleTimeoutMillis: settings.idleMs ?? 30_000,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 10_000,
    ...(settings.schema === undefined ? {} : { options: `-c search_path=${checkedSchema(settings.schema)}` }),
  });
  // An idle connection the server dropped is reported here; the next query reconnects (or fails and says why).
  pool.on('error', () => undefined);
  return pool;
}

import { randomBytes } from 'node:crypto';

/** The database the PostgreSQL tests use; `.ci/run` creates it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Null when PostgreSQL answers at TEST_DATABASE_URL, else why not: tests that need it skip with
 * that message (`.ci/run` starts PostgreSQL and creates the database, so CI runs them).
 */
export async function postgresUnavailable(): Promise<string | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${error instanceof Error ? error.message : String(error)}); start it or set TEST_DATABASE_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test run uses. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Drops a schema made by a test, with everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A new, empty database for a test that runs several processes (each connects by URL); its URL and name. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; name: string }> {
  const { default: pg } = await import('pg');
  const name = uniqueSchema(prefix);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

/** Drops a database made by `createTestDatabase`, closing whatever a killed process left connected. */
export async function dropTestDatabase(name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

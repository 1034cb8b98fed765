import type pg from 'pg';
import type { Store } from '../../ports/index.ts';
import { createArticleReads } from './article-reads.ts';
import { createArticleWrites } from './article-writes.ts';
import { migratePostgres } from './migrations.ts';
import { createSmallStores } from './small-stores.ts';
import { createPool, type PoolSettings } from './sql.ts';
import { createSourceStore } from './source-store.ts';
import { createSubscriptionStore } from './subscription-store.ts';

export type PostgresStore = Store & {
  readonly pool: pg.Pool;
  /** Resolves once the schema is migrated (every method waits for it); rejects with why not. */
  ready(): Promise<void>;
};

/**
 * The store on PostgreSQL (docs/adr/0005-postgresql.md), returned at once: connecting and
 * migrating start on the first use (or `ready()`), and every method waits for them. A failed start
 * is tried again on the next use, so a database that comes up late is picked up.
 */
export function createPostgresStore(url: string, settings: PoolSettings = {}): PostgresStore {
  const pool = createPool(url, settings);
  let migrated: Promise<void> | null = null;
  function ready(): Promise<void> {
    migrated ??= migratePostgres(pool, settings.schema).then(
      () => undefined,
      (error: unknown) => {
        migrated = null;
        throw error;
      },
    );
    return migrated;
  }
  let closed = false;
  return {
    pool,
    ready,
    ...createArticleWrites(pool, ready),
    ...createArticleReads(pool, ready),
    ...createSubscriptionStore(pool, ready),
    ...createSourceStore(pool, ready),
    ...createSmallStores(pool, ready),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Opens the store and waits until its schema is migrated: a wrong URL or a database that is down fails here. */
export async function openPostgresStore(url: string, settings: PoolSettings = {}): Promise<PostgresStore> {
  const store = createPostgresStore(url, settings);
  try {
    await store.ready();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

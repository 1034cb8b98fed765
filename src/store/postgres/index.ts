export { createPostgresStore, openPostgresStore, type PostgresStore } from './postgres-store.ts';
export { POSTGRES_MIGRATIONS } from './migrations.ts';
export type { PoolSettings } from './sql.ts';

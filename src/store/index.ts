export { createPostgresStore, openPostgresStore, type PoolSettings, type PostgresStore } from './postgres/index.ts';
export { createSqliteStore } from './sqlite/index.ts';

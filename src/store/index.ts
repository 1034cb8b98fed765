export { createSqliteStore } from './sqlite/index.ts';

import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Most distinct statements kept: the SQL varies only with how many ids, types or bands a call passes. */
const MAX_STATEMENTS = 256;

/** Prepares each distinct SQL text once per connection and reuses it (preparing costs as much as a small query). */
export function statementCache(database: DatabaseSync): (sql: string) => StatementSync {
  const cache = new Map<string, StatementSync>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= MAX_STATEMENTS) cache.clear();
      statement = database.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

import type { DatabaseSync } from 'node:sqlite';
import type { Store, UsageTotal } from '../../ports/index.ts';

type CacheMethods = Pick<Store, 'getCached' | 'putCached' | 'recordUsage' | 'usageSince'>;

export function createCacheStore(database: DatabaseSync): CacheMethods {
  const get = database.prepare('SELECT value FROM cache WHERE kind = ? AND key = ? AND (expires_at IS NULL OR expires_at > ?)');
  const put = database.prepare(
    `INSERT INTO cache (kind, key, value, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at, expires_at = excluded.expires_at`,
  );
  const usage = database.prepare('INSERT INTO llm_usage (at, prompt_id, model, input_tokens, output_tokens, cached, owner) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return {
    async getCached(kind, key, now) {
      const row = get.get(kind, key, now);
      return row === undefined ? null : String(row['value']);
    },
    async putCached(kind, key, value, expiresAt) {
      put.run(kind, key, value, new Date().toISOString(), expiresAt);
    },
    async recordUsage(record) {
      usage.run(record.at, record.promptId, record.model, record.inputTokens, record.outputTokens, record.cached ? 1 : 0, record.owner ?? null);
    },
    async usageSince(since, owner): Promise<UsageTotal[]> {
      // absent: every call; null: the operator's own; else one workspace's.
      const scope = owner === undefined ? '' : owner === null ? 'AND owner IS NULL' : 'AND owner = ?';
      return database
        .prepare(
          `SELECT prompt_id, model, sum(1 - cached) AS calls, sum(cached) AS hits, sum(input_tokens) AS input, sum(output_tokens) AS output
           FROM llm_usage WHERE at >= ? ${scope} GROUP BY prompt_id, model ORDER BY prompt_id, model`,
        )
        .all(since, ...(owner === undefined || owner === null ? [] : [owner]))
        .map((row) => ({
          promptId: String(row['prompt_id']),
          model: String(row['model']),
          calls: Number(row['calls']),
          cacheHits: Number(row['hits']),
          inputTokens: Number(row['input']),
          outputTokens: Number(row['output']),
        }));
    },
  };
}

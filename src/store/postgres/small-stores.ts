import type pg from 'pg';
import type { Store } from '../../ports/index.ts';
import type { Row } from './sql.ts';

type SmallMethods = Pick<
  Store,
  'getCached' | 'putCached' | 'recordUsage' | 'usageSince' | 'saveInstallation' | 'getInstallation' | 'deleteInstallation' | 'rememberOnce'
>;

/** The cache, LLM usage, platform installations and the replay guard on PostgreSQL. */
export function createSmallStores(pool: pg.Pool, ready: () => Promise<void>): SmallMethods {
  async function query(text: string, values: unknown[] = []): Promise<{ rows: Row[]; rowCount: number | null }> {
    await ready();
    return pool.query(text, values);
  }

  return {
    async getCached(kind, key, now) {
      const { rows } = await query('SELECT value FROM cache WHERE kind = $1 AND key = $2 AND (expires_at IS NULL OR expires_at > $3)', [kind, key, now]);
      return rows[0] === undefined ? null : String(rows[0]['value']);
    },
    async putCached(kind, key, value, expiresAt) {
      await query(
        `INSERT INTO cache (kind, key, value, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at, expires_at = excluded.expires_at`,
        [kind, key, value, new Date().toISOString(), expiresAt],
      );
    },
    async recordUsage(record) {
      await query('INSERT INTO llm_usage (at, prompt_id, model, input_tokens, output_tokens, cached, owner) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        record.at,
        record.promptId,
        record.model,
        record.inputTokens,
        record.outputTokens,
        record.cached,
        record.owner ?? null,
      ]);
    },
    async usageSince(since, owner) {
      // absent: every call; null: the operator's own; else one workspace's.
      const scope = owner === undefined ? '' : owner === null ? 'AND owner IS NULL' : 'AND owner = $2';
      const { rows } = await query(
        `SELECT prompt_id, model, count(*) FILTER (WHERE NOT cached) AS calls, count(*) FILTER (WHERE cached) AS hits,
           sum(input_tokens) AS input, sum(output_tokens) AS output
         FROM llm_usage WHERE at >= $1 ${scope} GROUP BY prompt_id, model ORDER BY prompt_id, model`,
        owner === undefined || owner === null ? [since] : [since, owner],
      );
      return rows.map((row) => ({
        promptId: String(row['prompt_id']),
        model: String(row['model']),
        calls: Number(row['calls']),
        cacheHits: Number(row['hits']),
        inputTokens: Number(row['input']),
        outputTokens: Number(row['output']),
      }));
    },
    async saveInstallation(platform, workspaceId, data) {
      await query(
        `INSERT INTO installations (platform, workspace_id, data, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [platform, workspaceId, data, new Date().toISOString()],
      );
    },
    async getInstallation(platform, workspaceId) {
      const { rows } = await query('SELECT data FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]);
      return rows[0] === undefined ? null : String(rows[0]['data']);
    },
    async deleteInstallation(platform, workspaceId) {
      await query('DELETE FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]);
    },
    async rememberOnce(key, expiresAt, now) {
      // The key's primary key decides: of processes racing with one key, one inserts it. A key
      // expired at `now` is replaced in the same statement, so it counts as new again.
      const { rowCount } = await query(
        `INSERT INTO seen_once (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_once.expires_at <= $3`,
        [key, expiresAt, now],
      );
      await query('DELETE FROM seen_once WHERE expires_at <= $1', [now]);
      return rowCount === 1;
    },
  };
}

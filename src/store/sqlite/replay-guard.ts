import type { DatabaseSync } from 'node:sqlite';
import type { ReplayGuard } from '../../ports/index.ts';

/**
 * The replay guard on SQLite: the key's primary key decides, so two processes on one file racing
 * with the same key get one true between them. Expired keys are deleted on the way (an index
 * range scan), so the table holds at most the last few minutes of requests.
 */
export function createReplayGuard(database: DatabaseSync): ReplayGuard {
  const forget = database.prepare('DELETE FROM seen_once WHERE expires_at <= ?');
  const remember = database.prepare('INSERT OR IGNORE INTO seen_once (key, expires_at) VALUES (?, ?)');
  return {
    async rememberOnce(key, expiresAt, now) {
      forget.run(now);
      return Number(remember.run(key, expiresAt).changes) === 1;
    },
  };
}

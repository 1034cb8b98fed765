// Switching a database file to WAL, safely when several connections open a new file at once.
import type { DatabaseSync } from 'node:sqlite';

const SQLITE_BUSY = 5;
/** How long a connection keeps asking before it gives up, as its busy_timeout would wait. */
const WAIT_MS = 10_000;
const RETRY_MS = 20;

/**
 * `PRAGMA journal_mode = WAL`, asked again while another connection holds the lock. Two connections
 * that switch a new file at the same moment both hold a shared lock and both want an exclusive one:
 * SQLite refuses one of them at once ("database is locked") instead of calling its busy handler, which
 * could never be satisfied. The refused one waits a moment and asks again, by which time the other has
 * switched the file (the store contract's two-connection ledger test failed so once in a fresh clone).
 */
export function enableWal(database: Pick<DatabaseSync, 'exec'>, waitMs = WAIT_MS, sleep: (ms: number) => void = sleepSync): void {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      database.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      const code = (error as { errcode?: unknown } | null)?.errcode;
      if (typeof code !== 'number' || (code & 0xff) !== SQLITE_BUSY || Date.now() >= deadline) throw error;
      sleep(RETRY_MS);
    }
  }
}

/** node:sqlite is synchronous: a short wait without returning to the event loop. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

import { describe, expect, it } from 'vitest';
import { enableWal } from '../../src/store/sqlite/wal-mode.ts';

// A database whose first `failures` switches are refused as SQLite refuses one of two connections that switch a new file at once.
function refusing(failures: number, errcode = 5) {
  const calls: string[] = [];
  return {
    calls,
    exec(sql: string) {
      calls.push(sql);
      if (calls.length <= failures) throw Object.assign(new Error('database is locked'), { errcode });
    },
  };
}

describe('enableWal', () => {
  it('asks again while the lock is refused, then switches', () => {
    const database = refusing(3);
    const waits: number[] = [];
    enableWal(database, 10_000, (ms) => waits.push(ms));
    expect(database.calls).toEqual(Array(4).fill('PRAGMA journal_mode = WAL'));
    expect(waits).toHaveLength(3);
  });

  it('gives up after its wait, and at once on any other error', () => {
    expect(() => enableWal(refusing(Number.MAX_SAFE_INTEGER), 0, () => undefined)).toThrow('database is locked');
    const full = refusing(1, 13);
    expect(() => enableWal(full, 10_000, () => undefined)).toThrow('database is locked');
    expect(full.calls).toHaveLength(1);
  });
});

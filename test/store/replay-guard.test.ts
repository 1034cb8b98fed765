import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 9, minute)).toISOString();

describe('the replay guard (one-time keys in the store)', () => {
  it('says true once per key until it expires, across two connections to one file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-guard-')), 'guard.db');
    const one = createSqliteStore(path);
    const two = createSqliteStore(path);
    try {
      expect(await one.rememberOnce('slack:v0=aa', at(5), at(0))).toBe(true);
      expect(await one.rememberOnce('slack:v0=aa', at(5), at(1))).toBe(false);
      expect(await two.rememberOnce('slack:v0=aa', at(5), at(4))).toBe(false);
      expect(await two.rememberOnce('slack:v0=bb', at(6), at(4))).toBe(true);
      // Expired keys are forgotten (and deleted, so the table stays small).
      expect(await two.rememberOnce('slack:v0=aa', at(12), at(5))).toBe(true);
      expect(await one.rememberOnce('slack:v0=cc', at(20), at(15))).toBe(true);
      const rows = one.database
        .prepare('SELECT key FROM seen_once ORDER BY key')
        .all()
        .map((row) => row['key']);
      expect(rows).toEqual(['slack:v0=cc']);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeArticle, noKeys } from '../support/articles.ts';

describe('article kind (story or headline) in the SQLite store', () => {
  it('upgrades a database made before the kind column: its articles are stories', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-kind-')), 'db.sqlite');
    const old = new DatabaseSync(path);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((entry) => entry.version < 7)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, '2026-01-01T00:00:00Z');
    }
    old
      .prepare(`INSERT INTO articles (id, title, text, content_hash, entities_json, topics_json, sentiment_label, sentiment_score, ingested_at, sort_time, signature)
        VALUES ('old', 'Old story', 'Body.', 'hash-old', '[]', '[]', 'neutral', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', x'00')`)
      .run();
    old.close();
    const store = createSqliteStore(path);
    try {
      const article = await store.getArticle('old');
      expect(article?.title).toBe('Old story');
      expect(article?.kind).toBeUndefined();
      expect(store.database.prepare("SELECT kind FROM articles WHERE id = 'old'").get()?.['kind']).toBe('story');
    } finally {
      await store.close();
    }
  });
});

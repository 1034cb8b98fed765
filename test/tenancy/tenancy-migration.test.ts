import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.ts';

/** A database as version 9 left it, with one feed added in Slack and one from the shell/CLI. */
function version9(): DatabaseSync {
  const database = new DatabaseSync(':memory:');
  database.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 9)) {
    database.exec(migration.sql);
    database.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, '2026-11-01T00:00:00Z');
  }
  const insert = database.prepare(
    `INSERT INTO sources (id, url, topics_json, added_by_json, added_at, interval_minutes, next_poll_at)
     VALUES (?, ?, ?, ?, '2026-11-01T00:00:00Z', 10, '2026-11-01T00:00:00Z')`,
  );
  insert.run('src_slack', 'https://a.example/rss', '["ai"]', JSON.stringify({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1' }));
  insert.run('src_cli', 'https://b.example/rss', '[]', JSON.stringify({ platform: 'shell', workspaceId: 'local', channelId: 'local', userId: 'cli' }));
  return database;
}

describe('migration 10 (tenancy)', () => {
  it('links each existing feed to the workspace that added it, shell/CLI ones to the operator', () => {
    const database = version9();
    expect(migrate(database)).toContain(10);
    const links = database.prepare('SELECT source_id, owner, topics_json FROM source_owners ORDER BY source_id').all();
    expect(links.map((link) => ({ ...link }))).toEqual([
      { source_id: 'src_cli', owner: '', topics_json: '[]' },
      { source_id: 'src_slack', owner: 'slack:T1', topics_json: '["ai"]' },
    ]);
    const columns = database
      .prepare('PRAGMA table_info(articles)')
      .all()
      .map((column) => column['name']);
    expect(columns).toContain('shared');
  });
});

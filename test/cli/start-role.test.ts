import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

describe('market-brief start --role', () => {
  it('refuses web and worker on SQLite with a clear error, and an unknown role', async () => {
    for (const role of ['web', 'worker']) {
      const result = await runCli(['start', '--role', role], { env: { DATABASE_URL: 'sqlite::memory:' } });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`--role ${role} needs PostgreSQL`);
    }
    const unknown = await runCli(['start', '--role', 'cron'], { env: { DATABASE_URL: 'sqlite::memory:' } });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--role must be all, web or worker');
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, temporaryDatabase } from '../support/run-cli.ts';

// One process start: the reader of stdout is gone before the CLI writes (as `market-brief topics | head -1`
// once head has exited), so every write the CLI makes meets EPIPE.
describe('market-brief with its output piped into a reader that has gone', () => {
  it('ends quietly with status 0 and no stack trace', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [join(REPO, 'bin/market-brief.js'), 'topics'], {
      cwd: REPO,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_URL: temporaryDatabase() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Plain JavaScript (bin/): its choice is tested here directly, and once through the real bin.
import { SEMI_SPACE_MB, youngGenerationFlags } from '../../bin/young-generation.js';
import { REPO } from '../support/run-cli.ts';

describe('the young generation of market-brief commands (bin/young-generation.js)', () => {
  it('sizes it for start and ingest only, unless the user chose a size or turned it off', () => {
    expect(youngGenerationFlags('start', {}, [])).toEqual([`--max-semi-space-size=${SEMI_SPACE_MB['start']}`]);
    expect(youngGenerationFlags('ingest', {}, [])).toEqual([`--max-semi-space-size=${SEMI_SPACE_MB['ingest']}`]);
    for (const command of ['topics', 'company', 'brief', 'help', undefined]) expect(youngGenerationFlags(command, {}, [])).toEqual([]);
    expect(youngGenerationFlags('topics', { MARKET_BRIEF_SEMI_SPACE_MB: '32' }, [])).toEqual(['--max-semi-space-size=32']);
    expect(youngGenerationFlags('start', { MARKET_BRIEF_SEMI_SPACE_MB: 'off' }, [])).toEqual([]);
    expect(youngGenerationFlags('start', {}, ['--max-semi-space-size=2'])).toEqual([]);
    expect(youngGenerationFlags('ingest', { NODE_OPTIONS: '--max-semi-space-size=64' }, [])).toEqual([]);
    expect(() => youngGenerationFlags('start', { MARKET_BRIEF_SEMI_SPACE_MB: '8MB' }, [])).toThrow(/whole number of MB/);
  });

  // One process start through the real bin: the CLI runs under the flag, in the same process.
  it('market-brief ingest runs under the flag, and MARKET_BRIEF_SEMI_SPACE_MB=off leaves Node as it is', () => {
    const directory = mkdtempSync(join(tmpdir(), 'young-generation-'));
    try {
      const probe = join(directory, 'probe.mjs');
      // Preloaded by the final process only: it reports the flags that process runs with.
      writeFileSync(probe, "process.on('exit', () => process.stderr.write('EXECARGV ' + JSON.stringify(process.execArgv) + '\\n'));\n");
      const run = (extra: Record<string, string>) =>
        spawnSync(process.execPath, [join(REPO, 'bin', 'market-brief.js'), 'ingest', join(REPO, 'examples', 'hong-kong-stocks-surge.txt')], {
          env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: `sqlite:${join(directory, 'store.db')}`, NODE_OPTIONS: `--import ${probe}`, ...extra },
          encoding: 'utf8',
        });
      const sized = run({});
      expect(sized.status, sized.stderr).toBe(0);
      expect(sized.stderr).toContain(`EXECARGV ["--max-semi-space-size=${SEMI_SPACE_MB['ingest']}"]`);
      expect(sized.stderr.match(/EXECARGV/g)).toHaveLength(1);
      const off = run({ MARKET_BRIEF_SEMI_SPACE_MB: 'off' });
      expect(off.status, off.stderr).toBe(0);
      expect(off.stderr).toContain('EXECARGV []');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

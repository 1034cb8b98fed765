import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Plain JavaScript (bin/): its choice is tested here directly, and once through the real bin.
import { HEAP_GROWING_PERCENT, restartEnvironment, SEMI_SPACE_MB, WASM_WRAPPER_FLAG, youngGenerationFlags } from '../../bin/young-generation.js';
import { REPO } from '../support/run-cli.ts';

describe('the young generation of market-brief commands (bin/young-generation.js)', () => {
  const growing = `--heap-growing-percent=${HEAP_GROWING_PERCENT['ingest']}`;

  it('sizes it for start and ingest only, unless the user chose a size or turned it off', () => {
    expect(youngGenerationFlags('start', {}, [])).toEqual([`--max-semi-space-size=${SEMI_SPACE_MB['start']}`, WASM_WRAPPER_FLAG]);
    expect(youngGenerationFlags('ingest', {}, [])).toEqual([`--max-semi-space-size=${SEMI_SPACE_MB['ingest']}`, growing]);
    for (const command of ['topics', 'company', 'brief', 'help', undefined]) expect(youngGenerationFlags(command, {}, [])).toEqual([]);
    expect(youngGenerationFlags('topics', { MARKET_BRIEF_SEMI_SPACE_MB: '32' }, [])).toEqual(['--max-semi-space-size=32']);
    expect(youngGenerationFlags('start', { MARKET_BRIEF_SEMI_SPACE_MB: 'off' }, [])).toEqual([WASM_WRAPPER_FLAG]);
    expect(youngGenerationFlags('start', {}, ['--max-semi-space-size=2'])).toEqual([WASM_WRAPPER_FLAG]);
    expect(youngGenerationFlags('ingest', { NODE_OPTIONS: '--max-semi-space-size=64' }, [])).toEqual([growing]);
    expect(() => youngGenerationFlags('start', { MARKET_BRIEF_SEMI_SPACE_MB: '8MB' }, [])).toThrow(/whole number of MB/);
  });

  it('keeps the wasm-to-JavaScript wrappers of start, the command with worker threads, from tiering up, unless a budget is given', () => {
    expect(WASM_WRAPPER_FLAG).toMatch(/^--wasm-wrapper-tiering-budget=\d+$/);
    expect(youngGenerationFlags('start', {}, ['--wasm-wrapper-tiering-budget=500'])).toEqual([`--max-semi-space-size=${SEMI_SPACE_MB['start']}`]);
    for (const command of ['ingest', 'topics', 'shell']) expect(youngGenerationFlags(command, {}, [])).not.toContain(WASM_WRAPPER_FLAG);
    // Node accepts it (an unknown V8 flag would stop the bot from starting).
    const accepted = spawnSync(process.execPath, [WASM_WRAPPER_FLAG, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stderr).toBe('');
  });

  it("holds glibc's malloc to two arenas in the restarted command, unless the user chose a number", () => {
    expect(restartEnvironment({ PATH: '/bin' })).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2' });
    expect(restartEnvironment({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_ARENA_MAX: '8' });
  });

  it('lets the old generation of ingest grow less, unless the user chose a growth or turned it off', () => {
    const semiSpace = `--max-semi-space-size=${SEMI_SPACE_MB['ingest']}`;
    expect(youngGenerationFlags('ingest', { MARKET_BRIEF_HEAP_GROWING_PERCENT: 'off' }, [])).toEqual([semiSpace]);
    expect(youngGenerationFlags('ingest', { MARKET_BRIEF_HEAP_GROWING_PERCENT: '100' }, [])).toEqual([semiSpace, '--heap-growing-percent=100']);
    expect(youngGenerationFlags('ingest', {}, ['--heap-growing-percent=20'])).toEqual([semiSpace]);
    expect(youngGenerationFlags('ingest', {}, [semiSpace, growing])).toEqual([]);
    expect(() => youngGenerationFlags('ingest', { MARKET_BRIEF_HEAP_GROWING_PERCENT: '50%' }, [])).toThrow(/whole percent/);
  });

  // One process start through the real bin: the CLI runs under the flag, in the same process.
  it('market-brief ingest runs under the flags, and both set to off leave Node as it is', () => {
    const directory = mkdtempSync(join(tmpdir(), 'young-generation-'));
    try {
      const probe = join(directory, 'probe.mjs');
      // Preloaded by the final process only: it reports the flags that process runs with.
      writeFileSync(
        probe,
        "process.on('exit', () => process.stderr.write('EXECARGV ' + JSON.stringify(process.execArgv) + ' ARENAS ' + process.env.MALLOC_ARENA_MAX + '\\n'));\n",
      );
      const run = (extra: Record<string, string>) =>
        spawnSync(process.execPath, [join(REPO, 'bin', 'market-brief.js'), 'ingest', join(REPO, 'examples', 'hong-kong-stocks-surge.txt')], {
          env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: `sqlite:${join(directory, 'store.db')}`, NODE_OPTIONS: `--import ${probe}`, ...extra },
          encoding: 'utf8',
        });
      const sized = run({});
      expect(sized.status, sized.stderr).toBe(0);
      expect(sized.stderr).toContain(`EXECARGV ["--max-semi-space-size=${SEMI_SPACE_MB['ingest']}","${growing}"] ARENAS 2`);
      expect(sized.stderr.match(/EXECARGV/g)).toHaveLength(1);
      const off = run({ MARKET_BRIEF_SEMI_SPACE_MB: 'off', MARKET_BRIEF_HEAP_GROWING_PERCENT: 'off' });
      expect(off.status, off.stderr).toBe(0);
      expect(off.stderr).toContain('EXECARGV [] ARENAS undefined');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Plain JavaScript (it must run on Node 20): its checks are tested here directly.
import { isRecentEnough, requiredNode } from '../../bin/require-node.js';
import { REPO } from '../support/run-cli.ts';

const MACHINE_NODE = '/usr/bin/node';

function versionOf(node: string): string | null {
  if (!existsSync(node)) return null;
  const result = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** A Node older than the dependencies need: the machine's (20 on a fresh machine here), else node@20 from the npm registry. */
function oldNode(): { node: string } | { skip: string } {
  const machine = versionOf(MACHINE_NODE);
  if (machine !== null && !isRecentEnough(machine)) return { node: MACHINE_NODE };
  const folder = mkdtempSync(join(tmpdir(), 'mb-node20-'));
  const install = spawnSync('npm', ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'node@20'], {
    encoding: 'utf8',
  });
  const node = join(folder, 'node_modules', '.bin', 'node');
  if (install.status !== 0 || versionOf(node) === null)
    return { skip: `no Node 20 here and node@20 could not be installed from the npm registry: ${install.stderr.trim().slice(0, 200)}` };
  return { node };
}

describe('the npm scripts on an old Node (bin/require-node.js)', () => {
  it('reads the needed version from package.json and compares versions', () => {
    expect(requiredNode()).toEqual([22, 19, 0]);
    expect(['20.20.2', '22.18.0', '22.18.9'].map((version) => isRecentEnough(version))).toEqual([false, false, false]);
    expect(['22.19.0', '22.20.1', '23.0.0', '24.21.0', 'v26.1.0'].map((version) => isRecentEnough(version))).toEqual([true, true, true, true, true]);
  });

  // One process start: `node bin/require-node.js <command>` (the npm scripts' form) under Node 20, with no
  // newer Node on PATH, runs the command under Node 24 (the cache folder .ci/run also uses; installed once).
  it('re-runs the command under a Node recent enough, after a one-line notice on stderr', { timeout: 600_000 }, async (context) => {
    const found = oldNode();
    if ('skip' in found) {
      console.warn(`skipping the Node 20 quick start: ${found.skip}`);
      context.skip();
      return;
    }
    const oldBin = join(found.node, '..');
    const child = spawn(found.node, [join(REPO, 'bin/require-node.js'), 'node', '-p', 'process.versions.node'], {
      cwd: REPO,
      env: { PATH: `${oldBin}:/usr/bin:/bin`, HOME: process.env['HOME'] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status, stderr).toBe(0);
    expect(isRecentEnough(stdout.trim())).toBe(true);
    const notice = stderr.split('\n').filter((line) => line.startsWith('market-brief: '));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/Node\.js 20\.\d+\.\d+ is older than the 22\.19\.0 the dependencies need/);
  });
});

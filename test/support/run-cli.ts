import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const hasSharedData = existsSync(SHARED_DATA);

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh SQLite database in a temporary folder, as a DATABASE_URL. */
export function temporaryDatabase(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'mb-cli-')), 'test.db')}`;
}

/** Runs `market-brief …` as a user would (the package bin), with the given stdin and environment. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string | Buffer } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/market-brief.js'), ...args], {
      cwd: REPO,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A stream that keeps what is written to it; `isTTY` as a terminal would say. */
export class Capture extends Writable {
  text = '';
  isTTY: boolean | undefined;
  constructor(isTTY?: boolean) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/**
 * Runs the CLI's `main` in this process with its own stdin, stdout and stderr (no process start):
 * the environment is exactly `env` (plus PATH and HOME), as `runCli` gives it.
 */
export async function runCliInProcess(
  args: string[],
  options: { env?: Record<string, string>; input?: string; stderrIsTTY?: boolean } = {},
): Promise<CliResult> {
  const { main } = await import('../../src/cli.ts');
  const stdout = new Capture();
  const stderr = new Capture(options.stderrIsTTY);
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...options.env };
  const status = await main(args, { stdin: Readable.from([options.input ?? '']), stdout, stderr, env });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

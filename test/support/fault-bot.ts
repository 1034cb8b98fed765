import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WASM_WRAPPER_FLAG } from '../../bin/young-generation.js';

export const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with how the process ended. */
  ended: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
}

/** Runs `node src/cli.ts <args>` with only the given settings (no .env from the working directory). */
export function runCli(args: string[], environment: Record<string, string>, cwd?: string): BotProcess {
  // As bin/market-brief.js runs `start` (the bot's engine threads): see bin/young-generation.js.
  const child = spawn(process.execPath, [WASM_WRAPPER_FLAG, CLI, ...args], {
    cwd: cwd ?? process.cwd(),
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false', ...environment },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ended = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (status, signal) => resolve({ status, signal })),
  );
  return { child, ended, stderr: () => stderr };
}

/** Calls `onLine` for each line the process writes to stdout. */
export function onStdoutLine(bot: BotProcess, onLine: (line: string) => void): void {
  let buffer = '';
  bot.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      onLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  });
}

/** `market-brief start` as the shell bot with the HTTP ingest endpoint; resolves once it listens. */
export async function startShellBot(environment: Record<string, string>, cwd?: string): Promise<BotProcess & { port: number }> {
  const bot = runCli(['start'], { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', ...environment }, cwd);
  const port = await new Promise<number>((resolve, reject) => {
    onStdoutLine(bot, (line) => {
      const match = /HTTP server on port (\d+)/.exec(line);
      if (match !== null) resolve(Number(match[1]));
    });
    void bot.ended.then((end) => reject(new Error(`the bot exited (${end.status ?? end.signal}) before listening:\n${bot.stderr()}`)));
  });
  return { ...bot, port };
}

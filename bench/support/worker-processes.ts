// Worker processes for the scale-out benchmark: `market-brief start --role worker` as a service
// manager would run it, with their peak RSS and CPU time read from /proc before they are stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WASM_WRAPPER_FLAG } from '../../bin/young-generation.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface WorkerUsage {
  /** Peak resident set size (VmHWM), MB. */
  peakRssMb: number;
  /** User + system CPU seconds. */
  cpuSeconds: number;
}

export interface Workers {
  readonly processes: readonly ChildProcess[];
  /** Each worker's peak RSS and CPU time so far. */
  usage(): WorkerUsage[];
  /** SIGTERM to each, then waits for them to exit (a graceful stop releases their jobs). */
  stop(): Promise<void>;
}

function usageOf(pid: number): WorkerUsage {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name) are utime and stime in ticks.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakRssMb: Math.round(peakKb / 102.4) / 10, cpuSeconds: Math.round(ticks) / 100 };
}

/** Starts `count` worker processes with `env` added to this process's environment. */
export function startWorkers(count: number, env: Record<string, string>, log: (line: string) => void): Workers {
  const processes = Array.from({ length: count }, (_unused, index) => {
    // As bin/market-brief.js runs `start` (its engine threads): see bin/young-generation.js.
    const child = spawn(process.execPath, [WASM_WRAPPER_FLAG, CLI, 'start', '--role', 'worker'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim() !== '') log(`worker ${index + 1}: ${line.slice(0, 300)}`);
    });
    return child;
  });
  return {
    processes,
    usage: () => processes.map((child) => (child.pid === undefined ? { peakRssMb: 0, cpuSeconds: 0 } : usageOf(child.pid))),
    async stop() {
      await Promise.all(
        processes.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** Resolves once `done()` holds, checking every `everyMs`; rejects with `what` after `limitMs`. */
export async function waitUntil(done: () => boolean | Promise<boolean>, what: string, limitMs: number, everyMs = 250): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`gave up after ${Math.round(limitMs / 1000)} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

import { setTimeout as sleep } from 'node:timers/promises';

/** Runs work for one host at a time, at least `intervalMs` apart (start to start). */
export interface HostGate {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export interface GateTimers {
  now(): number;
  sleep(milliseconds: number): Promise<unknown>;
}

const realTimers: GateTimers = { now: () => performance.now(), sleep: (milliseconds) => sleep(milliseconds) };

/** Beyond this many remembered hosts, ones idle for longer than the interval are forgotten. */
const PRUNE_ABOVE = 1000;

/**
 * Politeness towards each server: requests to one host queue behind each other and are spaced
 * out, while different hosts proceed independently.
 */
export function createHostGate(intervalMs: number, timers: GateTimers = realTimers): HostGate {
  const tails = new Map<string, Promise<void>>();
  const lastStart = new Map<string, number>();

  function prune(now: number): void {
    if (lastStart.size <= PRUNE_ABOVE) return;
    for (const [host, started] of lastStart) if (now - started > intervalMs && !tails.has(host)) lastStart.delete(host);
  }

  return {
    async run(host, task) {
      const previous = tails.get(host) ?? Promise.resolve();
      let release = (): void => undefined;
      const done = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => done);
      tails.set(host, tail);
      await previous;
      try {
        const started = lastStart.get(host);
        const wait = started === undefined ? 0 : started + intervalMs - timers.now();
        if (wait > 0) await timers.sleep(wait);
        lastStart.set(host, timers.now());
        prune(timers.now());
        return await task();
      } finally {
        release();
        if (tails.get(host) === tail) tails.delete(host);
      }
    },
  };
}

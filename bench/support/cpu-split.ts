// CPU time (user + system) of the main thread spent inside chosen methods of the objects a run
// uses: which share of an ingest goes to the store and which to the analysis, without a profiler.
// The main thread's own: the process's would add whatever V8's helper threads (background
// compiling, concurrent marking) did meanwhile, which at 100k stored inflated each stage by a
// quarter to a third and most of all the longest ones.
type Method = (...args: never[]) => unknown;

export interface CpuSplit {
  /** Milliseconds of CPU per label since the last reset. */
  totals(): Record<string, number>;
  reset(): void;
}

/** This thread's CPU time so far (Node ≥ 23.9; the process's before that). */
export function threadCpu(): NodeJS.CpuUsage {
  return typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
}

/** Milliseconds of this thread's CPU since `before` (from threadCpu). */
export function threadCpuSince(before: NodeJS.CpuUsage): number {
  const now = threadCpu();
  return (now.user - before.user + now.system - before.system) / 1000;
}

/** Wraps `target[method]` (sync or async) so its CPU time adds to `label`. */
export function splitCpu(entries: ReadonlyArray<{ target: object; method: string; label: string }>): CpuSplit {
  const sums = new Map<string, number>();
  for (const { target, method, label } of entries) {
    const holder = target as Record<string, Method>;
    const original = holder[method];
    if (typeof original !== 'function') throw new Error(`no method ${method} to time`);
    sums.set(label, 0);
    holder[method] = (...args: never[]) => {
      const before = threadCpu();
      const add = () => {
        sums.set(label, (sums.get(label) ?? 0) + threadCpuSince(before));
      };
      const result = original.apply(target, args);
      if (result instanceof Promise) return result.finally(add);
      add();
      return result;
    };
  }
  return {
    totals: () => Object.fromEntries([...sums].map(([label, milliseconds]) => [label, Math.round(milliseconds)])),
    reset: () => {
      for (const label of sums.keys()) sums.set(label, 0);
    },
  };
}

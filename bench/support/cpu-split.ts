// CPU time (user + system, this process) spent inside chosen methods of the objects a run uses:
// which share of an ingest goes to the store and which to the analysis, without a profiler.
type Method = (...args: never[]) => unknown;

export interface CpuSplit {
  /** Milliseconds of CPU per label since the last reset. */
  totals(): Record<string, number>;
  reset(): void;
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
      const before = process.cpuUsage();
      const add = () => {
        const used = process.cpuUsage(before);
        sums.set(label, (sums.get(label) ?? 0) + (used.user + used.system) / 1000);
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

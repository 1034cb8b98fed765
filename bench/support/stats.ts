/** The p-th percentile (0…100) of the values, by the nearest-rank method. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Rounded to `digits` decimals, for figures people read. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** p50, p95, p99 and max of latencies in milliseconds, rounded. */
export function latencySummary(milliseconds: readonly number[]): { samples: number; p50: number; p95: number; p99: number; max: number } {
  return {
    samples: milliseconds.length,
    p50: round(percentile(milliseconds, 50)),
    p95: round(percentile(milliseconds, 95)),
    p99: round(percentile(milliseconds, 99)),
    max: round(Math.max(...milliseconds)),
  };
}

export function megabytes(bytes: number): number {
  return round(bytes / (1024 * 1024), 1);
}

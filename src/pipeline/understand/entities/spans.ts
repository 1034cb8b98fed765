/** Whether [start, end) overlaps one of `sorted` (by start, not overlapping one another): only the last one starting before `end` can. */
export function overlapsAny(sorted: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as { start: number }).start < end) low = middle + 1;
    else high = middle;
  }
  const before = sorted[low - 1];
  return before !== undefined && before.end > start;
}

import type { Token } from '../name-keys/index.ts';

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

/** 1 for each token inside one of the spans (added to `into` when given). */
export function claimedTokens(tokens: readonly Token[], spans: ReadonlyArray<{ start: number; end: number }>, into?: Uint8Array): Uint8Array {
  const claimed = into === undefined ? new Uint8Array(tokens.length) : into.slice();
  for (const span of spans) {
    // Binary search for the first token ending after the span starts.
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((tokens[middle] as Token).end <= span.start) low = middle + 1;
      else high = middle;
    }
    for (let position = low; position < tokens.length && (tokens[position] as Token).start < span.end; position += 1) claimed[position] = 1;
  }
  return claimed;
}

// Runs one text function on one hostile shape at the small and the large size and posts the
// timings back. In a worker so the parent can stop a run that has clearly gone super-linear.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { subject, type SubjectName } from './linearity-subjects.ts';

const { name, small, large } = workerData as { name: SubjectName; small: string; large: string };
const run = subject(name);

// A full collection before each round, so no round pays for the garbage of the one before.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

// CPU time of this thread, in ms: other processes on a busy machine do not count against a run.
function cpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

// Results are kept alive until the round ends: 16 small outputs then weigh on the collector as
// much as one large output does, so the ratio measures the algorithm, not the heap's growth.
let kept: unknown[] = [];

function time(text: string): number {
  const started = cpuMs();
  kept.push(run(text));
  return cpuMs() - started;
}

// The small size is timed over the consecutive small slices that make up the large text (×16; the
// first is the small prefix), so both sides do the same work on the same words: a function that
// caches what it has seen (tokens, lemmas) gains no more on the small side than on the large, as it
// did when one prefix was timed 16 times. Small and large rounds alternate, and the minimum of each
// is kept: on a busy machine the least disturbed run is the best estimate.
const repeats = Math.max(1, Math.round(large.length / small.length));
const slices = Array.from({ length: repeats }, (_unused, index) => large.slice(index * small.length, (index + 1) * small.length));
time(small); // warm-up: JIT and lazy tables
for (let round = 0; round < 3; round += 1) {
  kept = [];
  collect();
  let total = 0;
  for (const slice of slices) total += time(slice);
  parentPort?.postMessage({ kind: 'small', ms: total / repeats });
  kept = [];
  collect();
  const largeMs = time(large);
  parentPort?.postMessage({ kind: 'large', ms: largeMs });
  if (largeMs > 2000) break; // slow enough that one run is not noise
}
parentPort?.postMessage({ kind: 'done', ms: 0 });

// `npm run bench:linearity`: every text function that sees untrusted text (sentence splitting,
// cleaning, tokenising, entity matching, sentiment, topics, the extractive summariser) is fed
// hostile shapes at 64 KB and at 1 MB (×16). Linear code takes about ×16 as long; the check fails
// when any ratio exceeds ×20. Shapes are the known attacks ("Wow! really " runs, punctuation runs,
// one long token, nested brackets, capitalised runs, ...) plus seeded fast-check fuzz mixes of
// hostile fragments. Each run is in a worker with a deadline, so a quadratic case is reported
// (as "> deadline") instead of running for hours. Prints one JSON object; exit 1 on a failure.
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { progress, runBenchmark } from './support/report.ts';
import { SUBJECT_NAMES, type SubjectName } from './support/linearity-subjects.ts';

const NAME = 'linearity';
const SMALL = 64 * 1024;
const LARGE = 1024 * 1024;
const MAX_RATIO = 20;
// A large run slower than this (or than MAX_RATIO × 1.5 × the small run) is stopped: it has failed.
const DEADLINE_FLOOR_MS = 20_000;
// The warm-up and the first 16 runs at 64 KB get this long; past it the function is far from linear.
const SMALL_DEADLINE_MS = 60_000;
// Fresh measurements of a ratio between ×20 and ×40 before it counts as a failure.
const RETRIES = 2;

const WORKER = new URL('./support/linearity-worker.ts', import.meta.url);
const prose = (JSON.parse(readFileSync(new URL('../examples/sample-articles.json', import.meta.url), 'utf8')) as Array<{ text: string }>)
  .map((article) => article.text)
  .join('\n\n');

function tile(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Seeded fast-check fuzz: hostile fragments drawn at random until the text is `size` long. */
function fuzz(seed: number, fragment: fc.Arbitrary<string>, size: number): string {
  const parts: string[] = [];
  let length = 0;
  let round = 0;
  while (length < size) {
    for (const part of fc.sample(fragment, { seed: seed + round, numRuns: 2000 })) {
      parts.push(part);
      length += part.length;
    }
    round += 1;
  }
  return parts.join('').slice(0, size);
}

const hostileFragment = fc.oneof(
  fc.constantFrom('Wow! ', 'really ', '? ', '!', '...', '…', '. ', 'U.S. ', 'Inc. ', 'No. ', 'Mr. ', '0.', '5 ', '\n', '\n\n', '- ', '* ', '• '),
  fc.constantFrom('(', ')', '[', ']', '"', '“', '”', "'", '’', '((', '))', '“(', ')”'),
  fc.constantFrom('ACME ', 'Corp ', 'Holdings ', 'Global ', 'Bank ', 'Of ', 'America ', 'Apple ', 'Tesla ', 'Hang ', 'Seng '),
  fc.constantFrom('rose ', 'fell ', 'not ', 'surged ', 'plunged ', 'profit ', '3.5% ', '$1.2 billion ', 'percent '),
  fc.string({ unit: fc.constantFrom('a', 'B', '.', '!', '?', ' ', '-', '"', '(', ')', '\n', '1'), maxLength: 12 }),
);
const wordFragment = fc.stringMatching(/^[A-Za-z]{1,12}[.!?,;:]?$/).map((word) => `${word} `);

/** Each shape builds its text at a given size; the small text is the large one's prefix. */
const SHAPES: Record<string, (size: number) => string> = {
  'Wow! really': (size) => tile('Wow! really ', size),
  'question, lowercase': (size) => tile('Really? yes ', size),
  'punctuation run': (size) => tile('!?.…!!??..', size),
  'one long token': (size) => 'a'.repeat(size),
  'no spaces, dotted': (size) => tile('Abc.def.G1.', size),
  'nested brackets': (size) => '('.repeat(size / 2) + ')'.repeat(size / 2),
  'open brackets, quotes': (size) => tile('(“[\'"', size),
  'capitalised run': (size) => tile('Acme Global Bank Holdings Of America Apple Corp ', size),
  'listed names': (size) => tile('Acme Corp (LSE: ACM) and Apple (Other OTC: AAPL - news), ', size),
  'upper-case run': (size) => tile('ACME GLOBAL BANK HOLDINGS ', size),
  abbreviations: (size) => tile('Mr. U.S. Inc. No. 1 Jan. e.g. ', size),
  'short lines': (size) => tile('Stocks rose\n', size),
  'hyphenated lines': (size) => tile('market-\nwide-\n', size),
  'blank lines': (size) => tile('\n \n', size),
  'one long sentence': (size) => tile('shares of the bank rose and ', size),
  'moves without a name': (size) => tile("as the firm's shares fell 5 percent, and its stock rose 2% while ", size),
  'a name after prepositions': (size) => tile('the Fed of the Fed cut rates for the Fed ', size),
  'unclosed credit': (size) => `(Reporting by ${tile('Jane Doe; ', size - 14)}`,
  'real prose, no breaks': (size) => tile(prose.replace(/\s+/g, ' '), size),
  'real prose': (size) => tile(`${prose}\n\n`, size),
  'fuzz: hostile fragments': (size) => fuzz(16, hostileFragment, size),
  'fuzz: words and stops': (size) => fuzz(1601, wordFragment, size),
};

interface Row {
  function: SubjectName;
  shape: string;
  smallKb: number;
  largeKb: number;
  smallMs: number | null;
  largeMs: number | null;
  ratio: number | null;
  pass: boolean;
  note?: string;
}

function measure(name: SubjectName, small: string, large: string): Promise<{ smallMs: number; largeMs: number | null; deadlineMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { name, small, large }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    let smallMs = Number.POSITIVE_INFINITY;
    let largeMs: number | null = null;
    let deadlineMs = DEADLINE_FLOOR_MS;
    let timer: NodeJS.Timeout | undefined;
    // Until the first small round reports, the deadline covers the warm-up and 16 small runs.
    const startTimer = () => setTimeout(finish, SMALL_DEADLINE_MS);
    const finish = () => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ smallMs, largeMs, deadlineMs });
    };
    timer = startTimer();
    worker.on('message', (message: { kind: 'small' | 'large' | 'done'; ms: number }) => {
      if (message.kind === 'small') {
        smallMs = Math.min(smallMs, message.ms);
        clearTimeout(timer);
        // Past the deadline the large run has failed already (or, after one large run, is just noise).
        deadlineMs = Math.max(DEADLINE_FLOOR_MS, smallMs * MAX_RATIO * 1.5);
        timer = setTimeout(finish, deadlineMs);
      } else if (message.kind === 'large') largeMs = Math.min(largeMs ?? Number.POSITIVE_INFINITY, message.ms);
      else finish();
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function ratioOf(smallMs: number, largeMs: number | null): number | null {
  return largeMs === null || !Number.isFinite(smallMs) ? null : largeMs / Math.max(smallMs, 0.05);
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

await runBenchmark(NAME, async () => {
  // LINEARITY_ONLY=tokenize,entities and LINEARITY_SHAPES="one long token" narrow a run.
  const only = process.env['LINEARITY_ONLY']?.split(',');
  const shapes = process.env['LINEARITY_SHAPES']?.split(',');
  const rows: Row[] = [];
  for (const [shape, build] of Object.entries(SHAPES)) {
    if (shapes !== undefined && !shapes.includes(shape)) continue;
    const large = build(LARGE);
    const small = large.slice(0, SMALL);
    for (const name of SUBJECT_NAMES) {
      if (only !== undefined && !only.includes(name)) continue;
      let { smallMs, largeMs, deadlineMs } = await measure(name, small, large);
      let ratio = ratioOf(smallMs, largeMs);
      let remeasured = false;
      // A ratio just over the limit may be a disturbed run: measured up to twice more in fresh
      // workers, the lowest ratio counts. A super-linear function fails every time (×60 and more, or stopped).
      for (let attempt = 0; attempt < RETRIES && ratio !== null && ratio > MAX_RATIO && ratio < MAX_RATIO * 2; attempt += 1) {
        const again = await measure(name, small, large);
        const againRatio = ratioOf(again.smallMs, again.largeMs);
        remeasured = true;
        if (againRatio !== null && againRatio < ratio) {
          ({ smallMs, largeMs, deadlineMs } = again);
          ratio = againRatio;
        }
      }
      const pass = ratio !== null && ratio <= MAX_RATIO;
      const row: Row = {
        function: name,
        shape,
        smallKb: SMALL / 1024,
        largeKb: LARGE / 1024,
        smallMs: Number.isFinite(smallMs) ? round(smallMs) : null,
        largeMs: largeMs === null ? null : round(largeMs),
        ratio: ratio === null ? null : round(ratio, 1),
        pass,
      };
      if (remeasured) row.note = 'measured again, lowest ratio kept';
      if (!Number.isFinite(smallMs)) row.note = `stopped at 64 KB after ${SMALL_DEADLINE_MS / 1000} s`;
      else if (largeMs === null) row.note = `stopped at 1 MB after ${Math.round(deadlineMs / 1000)} s`;
      rows.push(row);
      progress(
        NAME,
        `${name} × ${shape}: ${row.smallMs ?? '-'} ms → ${row.largeMs ?? '-'} ms (×${row.ratio ?? '∞'}) ${row.note ?? ''} ${pass ? 'ok' : 'FAIL'}`,
      );
    }
  }
  const failures = rows.filter((row) => !row.pass);
  if (failures.length > 0) process.exitCode = 1;
  const worst = [...rows].sort((left, right) => (right.ratio ?? Number.POSITIVE_INFINITY) - (left.ratio ?? Number.POSITIVE_INFINITY))[0];
  return {
    parameters: { smallKb: SMALL / 1024, largeKb: LARGE / 1024, maxRatio: MAX_RATIO, shapes: Object.keys(SHAPES), functions: SUBJECT_NAMES },
    figures: { rows, failures: failures.length },
    summary: [
      { figure: `text functions × hostile shapes, 64 KB → 1 MB`, value: `${rows.length - failures.length}/${rows.length} within ×${MAX_RATIO}` },
      { figure: 'worst ratio', value: worst === undefined ? 'n/a' : `×${worst.ratio ?? '∞'} (${worst.function}, ${worst.shape})` },
    ],
    notes: [
      'Each function runs in a worker: one warm-up, then up to three rounds of (the 16 consecutive 64 KB slices of the 1 MB text, each timed once, mean) and (the 1 MB text once), a full GC before each, the minimum of each side kept; times are the worker thread’s CPU time (process.threadCpuUsage), so other load on the machine does not count, ratio = 1 MB time / 64 KB time (×16 input). A ratio between ×20 and ×40 is measured up to twice more in fresh workers and the lowest ratio kept. A 1 MB run past max(20 s, 30 × the 64 KB time), or 64 KB rounds past 60 s, are stopped and fail.',
    ],
  };
});

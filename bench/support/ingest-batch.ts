// Child process of bench/ingest.ts: opens the bot on a store and ingests a folder of new articles
// the way `market-brief ingest` does (read + clean + understand + dedupe + store + index), timing
// each file. A process of its own so its peak RSS is the bot's, not the benchmark's.
// The folder's batched/ files go in as `market-brief ingest <folder>` sends a directory: 64 files per
// transaction (group commit), timed in CPU and wall time for the whole folder.
// Usage: node bench/support/ingest-batch.ts <database> <folder with text/, html/ and batched/>
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { FILES_PER_BATCH } from '../../src/cli/ingest-command.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ingestInput, ingestInputs, listInputFiles } from '../../src/sources/ingest-inputs.ts';
import { splitCpu, threadCpu, threadCpuSince } from './cpu-split.ts';
import { ioPerItem, processIo } from './process-io.ts';

const [databasePath = '', folder = ''] = process.argv.slice(2);
const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${databasePath}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
const storedBefore = await app.store.countArticles();
// The directory run's CPU by stage: the store's calls (SQL, index upkeep, COMMIT) and the analysis;
// the rest is reading, cleaning, the dedupe keys, the batch's own work and GC.
const split = splitCpu([
  { target: app.ingest.store, method: 'findExisting', label: 'storeLookups' },
  { target: app.ingest.store, method: 'nearDuplicateCandidates', label: 'storeNearDuplicates' },
  { target: app.ingest.store, method: 'insertArticles', label: 'storeInsertAndCommit' },
  { target: app.ingest.analyzer, method: 'analyze', label: 'analysis' },
]);
const formats: Record<string, { files: number; stored: number; duplicates: number; failed: number; milliseconds: number[] }> = {};
for (const format of ['text', 'html']) {
  const result = { files: 0, stored: 0, duplicates: 0, failed: 0, milliseconds: [] as number[] };
  for (const file of await listInputFiles(join(folder, format))) {
    const started = performance.now();
    const report = await ingestInput(file, app.ingest, { maxBytes: app.config.MAX_INPUT_BYTES });
    result.milliseconds.push(performance.now() - started);
    result.files += 1;
    if (report.error !== null) result.failed += 1;
    for (const outcome of report.outcomes) {
      if (outcome.status === 'stored') result.stored += 1;
      else result.duplicates += 1;
    }
  }
  formats[format] = result;
}
const files = await listInputFiles(join(folder, 'batched'));
const batched = {
  files: files.length,
  stored: 0,
  duplicates: 0,
  failed: 0,
  cpuMs: 0,
  /** Of cpuMs, the main thread's (the rest is V8's helper threads: background compiling, concurrent GC). */
  mainThreadCpuMs: 0,
  wallMs: 0,
  stages: {} as Record<string, number>,
  io: null as ReturnType<typeof ioPerItem>,
};
split.reset();
const ioBefore = processIo();
const cpuBefore = process.cpuUsage();
const mainBefore = threadCpu();
const started = performance.now();
for (let start = 0; start < files.length; start += FILES_PER_BATCH) {
  const reports = await ingestInputs(
    files.slice(start, start + FILES_PER_BATCH).map((input) => ({ input })),
    app.ingest,
    { maxBytes: app.config.MAX_INPUT_BYTES },
  );
  for (const report of reports) {
    if (report.error !== null) batched.failed += 1;
    for (const outcome of report.outcomes) {
      if (outcome.status === 'stored') batched.stored += 1;
      else batched.duplicates += 1;
    }
  }
}
// The WAL's last pages are copied into the file inside the measured window: the store checkpoints
// every 20,000 pages, and the command's close would do the rest.
const ingestStore = app.ingest.store as Partial<{ database: { exec(sql: string): void } }>;
ingestStore.database?.exec('PRAGMA wal_checkpoint(PASSIVE)');
batched.wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
batched.mainThreadCpuMs = threadCpuSince(mainBefore);
batched.cpuMs = (cpu.user + cpu.system) / 1000;
batched.stages = split.totals();
batched.io = ioPerItem(ioBefore, processIo(), files.length);
const storedAfter = await app.store.countArticles();
await app.close();
process.stdout.write(`${JSON.stringify({ storedBefore, storedAfter, formats, batched, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);

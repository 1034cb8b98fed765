// Child process of bench/ingest.ts: opens the bot on a store and ingests a folder of new articles
// the way `market-brief ingest` does (read + clean + understand + dedupe + store + index), timing
// each file. A process of its own so its peak RSS is the bot's, not the benchmark's.
// Usage: node bench/support/ingest-batch.ts <database> <folder with text/ and html/>
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ingestInput, listInputFiles } from '../../src/sources/ingest-inputs.ts';

const [databasePath = '', folder = ''] = process.argv.slice(2);
const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${databasePath}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
const storedBefore = await app.store.countArticles();
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
const storedAfter = await app.store.countArticles();
await app.close();
process.stdout.write(`${JSON.stringify({ storedBefore, storedAfter, formats, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);

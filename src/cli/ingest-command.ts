import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { stat } from 'node:fs/promises';
import type { App } from '../app.ts';
import { articleJson, ingestInputs, type InputReport, scanInputDirectory, type SkippedFile } from '../sources/index.ts';
import { type CliIo, processIo } from './io.ts';
import { INGEST_USAGE } from './usage-lines.ts';

/**
 * Files stored per transaction when ingesting a directory. At 100k stored, 256 a transaction (with the
 * store's larger page cache) cost 1.1–1.2 ms of store CPU an article against 1.5–1.7 ms at 64: fewer
 * COMMITs, and the pages a transaction dirties are shared by more articles (docs/performance.md).
 */
export const FILES_PER_BATCH = 256;

function progress(io: CliIo, done: number, total: number): void {
  if (!io.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) io.stderr.write('\n');
}

async function expand(input: string): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  if (input === '-') return { files: ['-'], skipped: [] };
  try {
    // A file named on the command line is always read; only directory contents are filtered.
    return (await stat(input)).isDirectory() ? await scanInputDirectory(input) : { files: [input], skipped: [] };
  } catch {
    return { files: [input], skipped: [] }; // ingestInput reports the missing file by name
  }
}

/** `market-brief ingest`: exit status 0 when every input went in, 1 when any failed. */
export async function ingestCommand(argv: string[], app: App, io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) {
    io.stderr.write(`usage: ${INGEST_USAGE}\n`);
    return 2;
  }
  let failed = 0;
  let stored = 0;
  let duplicates = 0;
  let skippedFiles = 0;
  for (const input of positionals) {
    const { files, skipped } = await expand(input);
    // Every skipped file is named with its reason, and counts in the progress total.
    for (const { path, reason } of skipped) io.stderr.write(`market-brief: skipped ${path}: ${reason}\n`);
    skippedFiles += skipped.length;
    const total = files.length + skipped.length;
    const showProgress = total > 1;
    if (showProgress && skipped.length > 0) progress(io, skipped.length, total);
    // A batch of files goes in by one transaction (group commit); each is reported after it commits.
    for (let start = 0; start < files.length; start += FILES_PER_BATCH) {
      const batch = [];
      for (const file of files.slice(start, start + FILES_PER_BATCH)) {
        batch.push(file === '-' ? { input: file, bytes: new TextEncoder().encode(await text(io.stdin)) } : { input: file });
      }
      const reports: InputReport[] = await ingestInputs(batch, app.ingest, { maxBytes: app.config.MAX_INPUT_BYTES });
      for (const [offset, report] of reports.entries()) {
        for (const outcome of report.outcomes) {
          if (outcome.status === 'stored') stored += 1;
          else duplicates += 1;
          if (!values.json) continue;
          const article = outcome.status === 'stored' ? outcome.article : await app.store.getArticle(outcome.existingId);
          if (article !== null) io.stdout.write(`${articleJson(article, outcome.status)}\n`);
        }
        if (report.error !== null) {
          if (showProgress && io.stderr.isTTY) io.stderr.write('\n');
          io.stderr.write(`market-brief: ${report.error}\n`);
          if (report.outcomes.length === 0) failed += 1;
        }
        if (showProgress) progress(io, skipped.length + start + offset + 1, total);
      }
    }
  }
  if (!values.json) io.stderr.write(`stored ${stored}, already known ${duplicates}, failed inputs ${failed}, skipped files ${skippedFiles}\n`);
  return failed > 0 ? 1 : 0;
}

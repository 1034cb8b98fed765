import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { stat } from 'node:fs/promises';
import type { App } from '../app.ts';
import { articleJson, ingestInput, type InputReport, listInputFiles } from '../sources/index.ts';

export const INGEST_USAGE = 'market-brief ingest [--json] <file|directory|->…';

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

async function expand(input: string): Promise<string[]> {
  if (input === '-') return ['-'];
  try {
    return (await stat(input)).isDirectory() ? await listInputFiles(input) : [input];
  } catch {
    return [input]; // ingestInput reports the missing file by name
  }
}

/** `market-brief ingest`: exit status 0 when every input went in, 1 when any failed. */
export async function ingestCommand(argv: string[], app: App): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) {
    process.stderr.write(`usage: ${INGEST_USAGE}\n`);
    return 2;
  }
  let failed = 0;
  let stored = 0;
  let duplicates = 0;
  for (const input of positionals) {
    const files = await expand(input);
    const showProgress = files.length > 1;
    for (const [index, file] of files.entries()) {
      const bytes = file === '-' ? new TextEncoder().encode(await text(process.stdin)) : undefined;
      const report: InputReport = await ingestInput(file, app.ingest, {
        maxBytes: app.config.MAX_INPUT_BYTES,
        ...(bytes === undefined ? {} : { bytes }),
      });
      for (const outcome of report.outcomes) {
        if (outcome.status === 'stored') stored += 1;
        else duplicates += 1;
        if (!values.json) continue;
        const article = outcome.status === 'stored' ? outcome.article : await app.store.getArticle(outcome.existingId);
        if (article !== null) process.stdout.write(`${articleJson(article, outcome.status)}\n`);
      }
      if (report.error !== null) {
        if (showProgress && process.stderr.isTTY) process.stderr.write('\n');
        process.stderr.write(`market-brief: ${report.error}\n`);
        if (report.outcomes.length === 0) failed += 1;
      }
      if (showProgress) progress(index + 1, files.length);
    }
  }
  if (!values.json) process.stderr.write(`stored ${stored}, already known ${duplicates}, failed inputs ${failed}\n`);
  return failed > 0 ? 1 : 0;
}

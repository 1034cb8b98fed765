// The answers of the query benchmark's inputs on one store, written as JSON lines, to check that a
// change to the store or the answering code leaves every answer the same:
//   node bench/support/query-answers.ts <store.db> <out.jsonl> [--at <ISO time>] [--compare <before.jsonl>] [--only company|market|ask]
// The clock is fixed (`--at`, default the newest article's time) so /market's window is the same
// on both runs. With --compare it prints each differing answer and exits non-zero if any differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { runCommand } from '../../src/dispatch/run-command.ts';
import { chooseInputs, context } from './query-inputs.ts';

const [path, out, ...rest] = process.argv.slice(2);
if (path === undefined || out === undefined)
  throw new Error('usage: node bench/support/query-answers.ts <store.db> <out.jsonl> [--at ISO] [--compare before.jsonl]');
const option = (name: string) => {
  const index = rest.indexOf(name);
  return index < 0 ? undefined : rest[index + 1];
};

function newest(file: string): string {
  const database = new DatabaseSync(file, { readOnly: true });
  const row = database.prepare('SELECT max(sort_time) AS t FROM articles').get();
  database.close();
  return String(row?.['t']);
}

const at = new Date(option('--at') ?? newest(path));
const inputs = await chooseInputs(path);
const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null), {
  clock: { now: () => new Date(at) },
});
const lines: string[] = [];
const only = option('--only');
for (const name of ['company', 'market', 'ask'] as const) {
  if (only !== undefined && only !== name) continue;
  const command = app.commands.commands.find((candidate) => candidate.name === name);
  if (command === undefined) throw new Error(`no /${name} command`);
  const cpu: number[] = [];
  const slowest: Array<{ ms: number; options: Record<string, string> }> = [];
  for (const options of inputs[name]) {
    const before = process.cpuUsage();
    const reply = await runCommand(command, options, context, app.commands);
    const used = process.cpuUsage(before).user / 1000;
    cpu.push(used);
    slowest.push({ ms: used, options });
    lines.push(JSON.stringify({ command: name, options, reply }));
  }
  slowest.sort((a, b) => b.ms - a.ms);
  process.stderr.write(
    `/${name} slowest: ${slowest
      .slice(0, 5)
      .map((entry) => `${JSON.stringify(entry.options)} ${entry.ms.toFixed(1)} ms`)
      .join(', ')}\n`,
  );
  const sorted = cpu.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  process.stderr.write(`/${name}: user CPU per answer p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms\n`);
}
await app.close();
writeFileSync(out, `${lines.join('\n')}\n`);
process.stderr.write(`${lines.length} answers at ${at.toISOString()} written to ${out}\n`);

const before = option('--compare');
if (before !== undefined) {
  const old = readFileSync(before, 'utf8').trim().split('\n');
  let differing = 0;
  for (const [index, line] of lines.entries()) {
    if (old[index] === line) continue;
    differing += 1;
    if (differing <= 5) process.stderr.write(`differs:\n- ${old[index]?.slice(0, 2000)}\n+ ${line.slice(0, 2000)}\n`);
  }
  process.stderr.write(`${differing} of ${lines.length} answers differ from ${before}\n`);
  if (differing > 0 || old.length !== lines.length) process.exitCode = 1;
}

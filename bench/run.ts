// `npm run bench`: runs every benchmark under bench/ in its own process, prints each one's JSON
// object as it finishes and a table at the end, and writes bench/results/latest.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineInfo } from './support/machine.ts';
import { type BenchmarkResult, formatTable } from './support/report.ts';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
// The 100k store the ingest benchmark leaves behind is reused by the ones after it.
const ORDER = ['ingest', 'query', 'startup', 'ack', 'fanout', 'llm-economy', 'llm-calls'];

function benchmarks(): string[] {
  const found = readdirSync(BENCH)
    .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
    .map((file) => file.slice(0, -3));
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  // `npm run bench -- query startup` runs only the benchmarks named.
  const wanted = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));
  const unknown = wanted.filter((name) => !found.includes(name));
  if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(', ')}; there are: ${found.join(', ')}`);
  const chosen = wanted.length === 0 ? found : found.filter((name) => wanted.includes(name));
  return chosen.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A benchmark that prints its own JSON shape (`{"benchmark": …}`) is wrapped into the common one. */
function wrap(name: string, output: unknown, seconds: number): BenchmarkResult {
  const record = (typeof output === 'object' && output !== null ? output : { output }) as Record<string, unknown>;
  const { benchmark: _label, ...figures } = record;
  const summary = [];
  const byArticles = figures['byArticles'];
  if (Array.isArray(byArticles)) {
    const rows = byArticles as Array<{ articles?: number; first?: { calls?: number }; repeatCalls?: number }>;
    summary.push({
      figure: `brief writer alone, ${rows.map((row) => row.articles).join('/')} articles`,
      value: `${rows.map((row) => row.first?.calls).join('/')} calls first, ${rows.map((row) => row.repeatCalls).join('/')} on repeat`,
    });
  }
  return {
    name,
    parameters: {},
    figures,
    summary,
    notes: ['Printed by the benchmark in its own format; wrapped by bench/run.ts.'],
    machine: machineInfo(),
    seconds,
  };
}

function runOne(name: string, cache: string): Promise<BenchmarkResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(BENCH, `${name}.ts`)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_RUNNER: '1', BENCH_CACHE_DIR: cache },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      if (status !== 0) {
        reject(new Error(`bench/${name}.ts exited with ${status}`));
        return;
      }
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"name":'));
      try {
        resolve(line !== undefined ? (JSON.parse(line) as BenchmarkResult) : wrap(name, JSON.parse(output), seconds));
      } catch {
        reject(new Error(`bench/${name}.ts printed no JSON result`));
      }
    });
  });
}

const started = new Date();
const cache = mkdtempSync(join(tmpdir(), 'market-brief-bench-run-'));
const results: BenchmarkResult[] = [];
const failures: Array<{ name: string; error: string }> = [];
try {
  for (const name of benchmarks()) {
    process.stderr.write(`\n== bench/${name}.ts\n`);
    try {
      const result = await runOne(name, cache);
      results.push(result);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } catch (error) {
      failures.push({ name, error: (error as Error).message });
      process.stderr.write(`bench: ${(error as Error).message}\n`);
    }
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
const seconds = Math.round((Date.now() - started.getTime()) / 1000);
const machine = machineInfo();
const resultsFolder = join(BENCH, 'results');
mkdirSync(resultsFolder, { recursive: true });
writeFileSync(
  join(resultsFolder, 'latest.json'),
  `${JSON.stringify({ command: 'npm run bench', startedAt: started.toISOString(), seconds, machine, results, failures }, null, 2)}\n`,
);
process.stdout.write(`\n${formatTable(results)}\n\n`);
process.stdout.write(
  `${results.length} benchmarks in ${Math.floor(seconds / 60)} min ${seconds % 60} s on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}; written to bench/results/latest.json\n`,
);
if (failures.length > 0) {
  process.stdout.write(`failed: ${failures.map((failure) => failure.name).join(', ')}\n`);
  process.exitCode = 1;
}

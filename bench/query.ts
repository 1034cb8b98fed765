// 2. Query latency: /company, /market and /ask (offline: no OPENAI settings, so retrieval plus the
// extractive answer) p50/p95/p99 over a 10k and a 100k-article store, and with BENCH_QUERY_1M=1 a
// 1M-article store too (generated and cached under the bench cache folder; see docs/performance.md).
// Run: node bench/query.ts   ·   BENCH_QUERY_1M=1 BENCH_CACHE_DIR=~/.cache/market-brief-bench node bench/query.ts
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { runCommand } from '../src/dispatch/run-command.ts';
import { sharedStore } from './support/bench-store.ts';
import { chooseInputs, context, type Inputs, RUNS, WARM_UP } from './support/query-inputs.ts';
import { progress, runBenchmark } from './support/report.ts';
import { latencySummary, percentile, round } from './support/stats.ts';

const NAME = 'query';
const COMMANDS = ['company', 'market', 'ask'] as const;
/** Goals (issue 14): p95 under 50 ms at 100k stored, under 100 ms at 1M. */
const GOAL_P95_MS: Record<number, number> = { 100_000: 50, 1_000_000: 100 };
const WITH_1M = process.env['BENCH_QUERY_1M'] === '1';
const SIZES = [10_000, 100_000, ...(WITH_1M ? [1_000_000] : [])];

type Latency = ReturnType<typeof latencySummary> & { cpuP50: number; cpuP95: number; answeredWithSources: number };

async function measure(path: string, inputs: Inputs) {
  const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  if (app.llm !== undefined) throw new Error('the query benchmark must run offline (unset OPENAI_API_KEY and OPENAI_BASE_URL)');
  const articles = await app.store.countArticles();
  const latencies: Record<string, Latency> = {};
  for (const name of COMMANDS) {
    const command = app.commands.commands.find((candidate) => candidate.name === name);
    if (command === undefined) throw new Error(`no /${name} command`);
    progress(NAME, `/${name} × ${inputs[name].length} over ${articles} articles`);
    const milliseconds: number[] = [];
    const cpu: number[] = [];
    let answered = 0;
    for (const [index, options] of inputs[name].entries()) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const reply = await runCommand(command, options, context, app.commands);
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      if (index < WARM_UP) continue;
      milliseconds.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
      if (reply.sources.length > 0) answered += 1;
    }
    latencies[name] = {
      ...latencySummary(milliseconds),
      // CPU time of the process per command: what the wall time would be on an idle machine, near enough.
      cpuP50: round(percentile(cpu, 50)),
      cpuP95: round(percentile(cpu, 95)),
      answeredWithSources: round(answered / milliseconds.length, 3),
    };
  }
  await app.close();
  return { articles, latencies };
}

await runBenchmark(NAME, async () => {
  const stores = [];
  for (const size of SIZES) stores.push({ size, ...(await sharedStore(size, NAME)) });
  const [small] = stores;
  if (small === undefined) throw new Error('no store');
  const inputs = await chooseInputs(small.path);
  const measured = [];
  for (const store of stores) measured.push({ size: store.size, ...(await measure(store.path, inputs)) });
  const base = measured[0];
  const summary = [];
  const figures: Record<string, unknown> = { distinctCompanies: inputs.companies, distinctMarkets: inputs.markets };
  for (const at of measured) {
    const label = at.size >= 1_000_000 ? `at${at.size / 1_000_000}M` : `at${at.size / 1_000}k`;
    figures[label] = { articles: at.articles, ...at.latencies };
    if (at === base) continue;
    const goal = GOAL_P95_MS[at.size];
    for (const name of COMMANDS) {
      const latency = at.latencies[name];
      const small10k = base?.latencies[name];
      if (latency === undefined || small10k === undefined) continue;
      summary.push({
        figure: `/${name} over ${at.articles.toLocaleString('en-US')} articles`,
        value:
          `p50 ${latency.p50} ms · p95 ${latency.p95} ms${goal === undefined ? '' : ` (goal < ${goal} ms)`} · p99 ${latency.p99} ms · ` +
          `CPU p50 ${latency.cpuP50} / p95 ${latency.cpuP95} ms (p50 ×${round(latency.p50 / small10k.p50)} of 10k)`,
      });
    }
  }
  return {
    parameters: {
      stores: measured.map((at) => at.articles),
      runs: RUNS,
      warmUp: WARM_UP,
      llm: 'none (offline)',
      storesBuiltHereSeconds: stores.map((store) => store.builtHereSeconds),
      with1M: WITH_1M,
    },
    figures,
    summary,
    notes: [
      'Each command runs through runCommand as a platform would call it, offline (no OPENAI settings): /company and /ask are retrieval plus the quoted answer, /market retrieval plus the extractive brief over its 7-day window.',
      'The same inputs run on every store: company names half among the 50 most-mentioned, half from the long tail; markets are indices, exchanges and region topics; questions are our own templates around company names.',
      'CPU is the process time (user + system) per command: on a loaded machine the wall time includes waiting for a core.',
      WITH_1M
        ? 'The 1M store is built once into the cache folder (BENCH_CACHE_DIR) and reused; an unfinished build resumes.'
        : 'Set BENCH_QUERY_1M=1 to measure a 1M-article store too (built once into BENCH_CACHE_DIR).',
    ],
  };
});

// 2. Query latency: /company, /market and /ask (offline: no OPENAI settings, so retrieval plus the
// extractive answer) p50/p95/p99 over a 100k-article store. Run: node bench/query.ts
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { runCommand } from '../src/dispatch/run-command.ts';
import { sharedStore } from './support/bench-store.ts';
import { chooseInputs, context, type Inputs, RUNS, WARM_UP } from './support/query-inputs.ts';
import { progress, runBenchmark } from './support/report.ts';
import { latencySummary, round } from './support/stats.ts';

const NAME = 'query';
const SIZE = 100_000;
async function measure(path: string, inputs: Inputs) {
  const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  if (app.llm !== undefined) throw new Error('the query benchmark must run offline (unset OPENAI_API_KEY and OPENAI_BASE_URL)');
  const articles = await app.store.countArticles();
  const latencies: Record<string, ReturnType<typeof latencySummary> & { answeredWithSources: number }> = {};
  for (const name of ['company', 'market', 'ask'] as const) {
    const command = app.commands.commands.find((candidate) => candidate.name === name);
    if (command === undefined) throw new Error(`no /${name} command`);
    progress(NAME, `/${name} × ${inputs[name].length} over ${articles} articles`);
    const milliseconds: number[] = [];
    let answered = 0;
    for (const [index, options] of inputs[name].entries()) {
      const started = performance.now();
      const reply = await runCommand(command, options, context, app.commands);
      const elapsed = performance.now() - started;
      if (index < WARM_UP) continue;
      milliseconds.push(elapsed);
      if (reply.sources.length > 0) answered += 1;
    }
    latencies[name] = { ...latencySummary(milliseconds), answeredWithSources: round(answered / milliseconds.length, 3) };
  }
  await app.close();
  return { articles, latencies };
}

await runBenchmark(NAME, async () => {
  const small = await sharedStore(10_000, NAME);
  const large = await sharedStore(SIZE, NAME);
  const inputs = await chooseInputs(small.path);
  const atSmall = await measure(small.path, inputs);
  const atLarge = await measure(large.path, inputs);
  const summary = [];
  const ratios: Record<string, { p50: number; p95: number }> = {};
  for (const name of ['company', 'market', 'ask'] as const) {
    const latency = atLarge.latencies[name];
    const base = atSmall.latencies[name];
    if (latency === undefined || base === undefined) continue;
    ratios[name] = { p50: round(latency.p50 / base.p50), p95: round(latency.p95 / base.p95) };
    summary.push({
      figure: `/${name} over ${atLarge.articles.toLocaleString('en-US')} articles`,
      value: `p50 ${latency.p50} ms · p95 ${latency.p95} ms · p99 ${latency.p99} ms (p50 ×${ratios[name].p50} of 10k)`,
    });
  }
  return {
    parameters: {
      stores: [atSmall.articles, atLarge.articles],
      runs: RUNS,
      warmUp: WARM_UP,
      llm: 'none (offline)',
      storesBuiltHereSeconds: [small.builtHereSeconds, large.builtHereSeconds],
    },
    figures: {
      distinctCompanies: inputs.companies,
      distinctMarkets: inputs.markets,
      at10k: { articles: atSmall.articles, ...atSmall.latencies },
      at100k: { articles: atLarge.articles, ...atLarge.latencies },
      ratio100kTo10k: ratios,
    },
    summary,
    notes: [
      'Each command runs through runCommand as a platform would call it, offline (no OPENAI settings): /company and /ask are retrieval plus the quoted answer, /market retrieval plus the extractive brief over its 7-day window.',
      'The same inputs run on a 10k and a 100k store: company names half among the 50 most-mentioned, half from the long tail; markets are indices, exchanges and region topics; questions are our own templates around company names.',
    ],
  };
});

// 6. Start-up time and RSS of `market-brief start` (node bin/market-brief.js start, the installed
// command): the shell bot and the Discord bot (against the loopback Discord), on an empty store and on a
// 100k-article one; a cold `market-brief topics` in CPU seconds; peak RSS of `market-brief ingest` of a
// few thousand plain-text articles from ../shared/data. Each figure is printed beside its goal.
// Run: node bench/startup.ts   (--quick: the empty store only, no 100k store is built)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { youngGenerationFlags } from '../bin/young-generation.js';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { sharedStore, workDirectory } from './support/bench-store.ts';
import { corpusAvailable, loadTextCorpus } from './support/corpus.ts';
import { progress, runBenchmark } from './support/report.ts';
import { median, round } from './support/stats.ts';

const NAME = 'startup';
const RUNS = 3;
const IDLE_MS = 1_500;
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/market-brief.js', import.meta.url));
const QUICK = process.argv.includes('--quick');
const INGEST_ARTICLES = 3_000;
const GOAL_INGEST_PEAK_MB = 300;
// MARKET_BRIEF_SEMI_SPACE_MB (bin/young-generation.js) reaches every process measured: `off` gives Node's own young generation.
const YOUNG_GENERATION = process.env['MARKET_BRIEF_SEMI_SPACE_MB'];
const youngGenerationEnvironment = (): Record<string, string> => (YOUNG_GENERATION === undefined ? {} : { MARKET_BRIEF_SEMI_SPACE_MB: YOUNG_GENERATION });

interface Variant {
  label: string;
  database: string;
  discord: boolean;
}

/** Resident set size of a process in bytes, from /proc (Linux). */
function rssOf(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

const TOPICS_RUNS = 5;
const GOAL_TOPICS_S = 0.6;
const GOAL_READY_RSS_MB = 150;

/**
 * One cold `market-brief topics` in a fresh process: wall from spawn to exit, and the process's own
 * CPU time (user + system, from process.cpuUsage at the end, so module loading is included).
 */
function coldTopics(database: string): { wallS: number; cpuS: number } {
  // As bin/market-brief.js does: the compile cache on before the CLI's first module loads.
  const script = `(await import('node:module')).default.enableCompileCache?.(); const { main } = await import(${JSON.stringify(CLI)}); process.exitCode = await main(['topics']); const u = process.cpuUsage(); process.stderr.write('CPU ' + (u.user + u.system) + '\\n');`;
  const started = performance.now();
  // Under the Node flags bin/market-brief.js would start `topics` with (none, unless MARKET_BRIEF_SEMI_SPACE_MB is set).
  const result = spawnSync(process.execPath, [...youngGenerationFlags('topics', process.env, []), '--input-type=module', '-e', script], {
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: `sqlite:${database}`, EXAMPLES_ON_FIRST_RUN: 'false' },
    encoding: 'utf8',
  });
  const wallS = (performance.now() - started) / 1000;
  const match = /CPU (\d+)/.exec(result.stderr);
  if (result.status !== 0 || match === null) throw new Error(`market-brief topics failed (${result.status}): ${result.stderr.slice(-1000)}`);
  return { wallS, cpuS: Number(match[1]) / 1e6 };
}

async function startOnce(variant: Variant, fake: FakeDiscord): Promise<{ readyMs: number; readyRssMb: number | null; idleRssMb: number | null }> {
  const environment: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    DATABASE_URL: `sqlite:${variant.database}`,
    EXAMPLES_ON_FIRST_RUN: 'false',
    LOG_LEVEL: 'info',
    ...youngGenerationEnvironment(),
  };
  if (variant.discord) {
    Object.assign(environment, { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.identity.applicationId, DISCORD_API_URL: fake.apiUrl });
  }
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'start'], { stdio: ['pipe', 'pipe', 'pipe'], env: environment });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // The shell bot is ready when it prompts; the Discord bot when it logs that it is running.
  const readyMs = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const watch = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (/Type \/help|"msg":"market-brief running"/.test(seen)) resolve(performance.now() - started);
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('exit', (status) => reject(new Error(`market-brief start exited with ${status} before it was ready:\n${seen.slice(-2000)}`)));
  });
  const atReady = child.pid === undefined ? null : rssOf(child.pid);
  await delay(IDLE_MS);
  const rss = child.pid === undefined ? null : rssOf(child.pid);
  if (variant.discord) child.kill('SIGTERM');
  else child.stdin.end();
  await exited;
  return { readyMs, readyRssMb: atReady === null ? null : round(atReady / (1024 * 1024), 1), idleRssMb: rss === null ? null : round(rss / (1024 * 1024), 1) };
}

/**
 * Peak RSS (getrusage maxrss) of one `market-brief ingest <folder>` of INGEST_ARTICLES plain-text articles from
 * ../shared/data into an empty store, in a fresh process; null when the data is absent.
 */
function ingestPeak(directory: string): { peakRssMb: number; articles: number; cpuS: number; flags: string[] } | null {
  if (!corpusAvailable()) return null;
  const folder = join(directory, 'ingest-input');
  mkdirSync(folder, { recursive: true });
  const items = loadTextCorpus().slice(0, INGEST_ARTICLES);
  for (const item of items) writeFileSync(join(folder, item.name), item.content);
  const script = `(await import('node:module')).default.enableCompileCache?.(); const { main } = await import(${JSON.stringify(CLI)}); process.exitCode = await main(['ingest', ${JSON.stringify(folder)}]); const u = process.cpuUsage(); process.stderr.write('PEAK ' + process.resourceUsage().maxRSS + ' CPU ' + (u.user + u.system) + '\\n');`;
  // Under the Node flags bin/market-brief.js starts `ingest` with (its young generation, bin/young-generation.js).
  const flags = youngGenerationFlags('ingest', process.env, []);
  const result = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: `sqlite:${join(directory, 'ingest.db')}`, EXAMPLES_ON_FIRST_RUN: 'false', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  const match = /PEAK (\d+) CPU (\d+)/.exec(result.stderr);
  if (match === null) throw new Error(`market-brief ingest failed (${result.status}): ${result.stderr.slice(-1000)}`);
  return { peakRssMb: round(Number(match[1]) / 1024, 1), articles: items.length, cpuS: round(Number(match[2]) / 1e6, 2), flags };
}

await runBenchmark(NAME, async () => {
  const directory = workDirectory(NAME);
  const empty = join(directory, 'empty.db');
  const variants: Variant[] = [
    { label: 'shell, empty store', database: empty, discord: false },
    { label: 'Discord, empty store', database: empty, discord: true },
  ];
  if (!QUICK) {
    const shared = await sharedStore(100_000, NAME);
    const label = shared.articles.toLocaleString('en-US');
    variants.splice(1, 0, { label: `shell, ${label} articles`, database: shared.path, discord: false });
    variants.push({ label: `Discord, ${label} articles`, database: shared.path, discord: true });
  }
  progress(NAME, `peak RSS of market-brief ingest of ${INGEST_ARTICLES} plain-text articles`);
  const ingest = ingestPeak(directory);
  progress(NAME, `cold market-brief topics: ${TOPICS_RUNS} runs`);
  const topicsRuns = [];
  for (let run = 0; run < TOPICS_RUNS; run += 1) topicsRuns.push(coldTopics(empty));
  const topics = {
    cpuSMedian: round(median(topicsRuns.map((run) => run.cpuS)), 2),
    wallSMedian: round(median(topicsRuns.map((run) => run.wallS)), 2),
    cpuSRuns: topicsRuns.map((run) => round(run.cpuS, 2)),
  };
  const fake = await FakeDiscord.start();
  const figures = [];
  try {
    for (const variant of variants) {
      progress(NAME, `${variant.label}: ${RUNS} starts`);
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await startOnce(variant, fake));
      const rss = runs.flatMap((run) => (run.idleRssMb === null ? [] : [run.idleRssMb]));
      const readyRss = runs.flatMap((run) => (run.readyRssMb === null ? [] : [run.readyRssMb]));
      figures.push({
        variant: variant.label,
        startMsMedian: round(median(runs.map((run) => run.readyMs)), 0),
        startMsRuns: runs.map((run) => round(run.readyMs, 0)),
        idleRssMbMedian: rss.length === 0 ? null : median(rss),
        readyRssMbMedian: readyRss.length === 0 ? null : median(readyRss),
      });
    }
  } finally {
    await fake.close();
  }
  return {
    parameters: {
      runs: RUNS,
      idleMs: IDLE_MS,
      topicsRuns: TOPICS_RUNS,
      ingestArticles: INGEST_ARTICLES,
      quick: QUICK,
      semiSpaceMb: YOUNG_GENERATION ?? 'bin/young-generation.js defaults',
      command:
        "node bin/market-brief.js start; main(['topics']) and main(['ingest', folder]) in a fresh node with the compile cache on and the Node flags bin/market-brief.js gives each command",
    },
    figures: { topics, ingest, variants: figures },
    summary: [
      { figure: 'cold market-brief topics (median)', value: `${topics.cpuSMedian} CPU-s, ${topics.wallSMedian} s wall (goal < ${GOAL_TOPICS_S} CPU-s)` },
      {
        figure: 'peak RSS while ingesting',
        value:
          ingest === null
            ? 'skipped: ../shared/data is absent'
            : `${ingest.peakRssMb} MB for ${ingest.articles} plain-text articles, ${ingest.cpuS} CPU-s${ingest.flags.length === 0 ? '' : ` (${ingest.flags.join(' ')})`} (goal < ${GOAL_INGEST_PEAK_MB} MB)`,
      },
      ...figures.map((figure) => ({
        figure: `start-up, ${figure.variant}`,
        value: `${figure.startMsMedian} ms, RSS at ready ${figure.readyRssMbMedian ?? 'n/a'} MB${figure.variant.startsWith('shell') ? ` (goal < ${GOAL_READY_RSS_MB} MB)` : ''}, idle RSS ${figure.idleRssMbMedian ?? 'n/a'} MB`,
      })),
    ],
    notes: [
      'From spawning `node bin/market-brief.js start` to the shell prompt (shell bot) or the "market-brief running" log line (Discord bot, connected to the loopback gateway); idle RSS read from /proc 1.5 s later. Medians of 3 starts.',
    ],
  };
});

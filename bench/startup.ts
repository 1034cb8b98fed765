// 6. Start-up time and idle RSS of `market-brief start` (node src/cli.ts start): the shell bot and
// the Discord bot (against the loopback Discord), on an empty store and on a 100k-article one.
// Run: node bench/startup.ts
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { sharedStore, workDirectory } from './support/bench-store.ts';
import { progress, runBenchmark } from './support/report.ts';
import { median, round } from './support/stats.ts';

const NAME = 'startup';
const RUNS = 3;
const IDLE_MS = 1_500;
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

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
  const script = `const { main } = await import(${JSON.stringify(CLI)}); process.exitCode = await main(['topics']); const u = process.cpuUsage(); process.stderr.write('CPU ' + (u.user + u.system) + '\\n');`;
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
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
  };
  if (variant.discord) {
    Object.assign(environment, { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.identity.applicationId, DISCORD_API_URL: fake.apiUrl });
  }
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'start'], { stdio: ['pipe', 'pipe', 'pipe'], env: environment });
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

await runBenchmark(NAME, async () => {
  const shared = await sharedStore(100_000, NAME);
  const empty = join(workDirectory(NAME), 'empty.db');
  const variants: Variant[] = [
    { label: 'shell, empty store', database: empty, discord: false },
    { label: `shell, ${shared.articles.toLocaleString('en-US')} articles`, database: shared.path, discord: false },
    { label: 'Discord, empty store', database: empty, discord: true },
    { label: `Discord, ${shared.articles.toLocaleString('en-US')} articles`, database: shared.path, discord: true },
  ];
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
    parameters: { runs: RUNS, idleMs: IDLE_MS, topicsRuns: TOPICS_RUNS, command: "node src/cli.ts start; main(['topics']) in a fresh node" },
    figures: { topics, variants: figures },
    summary: [
      { figure: 'cold market-brief topics (median)', value: `${topics.cpuSMedian} CPU-s, ${topics.wallSMedian} s wall (goal < ${GOAL_TOPICS_S} s)` },
      ...figures.map((figure) => ({
        figure: `start-up, ${figure.variant}`,
        value: `${figure.startMsMedian} ms, RSS at ready ${figure.readyRssMbMedian ?? 'n/a'} MB${figure.variant.startsWith('shell') ? ` (goal < ${GOAL_READY_RSS_MB} MB)` : ''}, idle RSS ${figure.idleRssMbMedian ?? 'n/a'} MB`,
      })),
    ],
    notes: [
      'From spawning `node src/cli.ts start` to the shell prompt (shell bot) or the "market-brief running" log line (Discord bot, connected to the loopback gateway); idle RSS read from /proc 1.5 s later. Medians of 3 starts.',
    ],
  };
});

// 6. Start-up time and idle RSS of `market-brief start` (node src/cli.ts start): the shell bot and
// the Discord bot (against the loopback Discord), on an empty store and on a 100k-article one.
// Run: node bench/startup.ts
import { spawn } from 'node:child_process';
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

async function startOnce(variant: Variant, fake: FakeDiscord): Promise<{ readyMs: number; idleRssMb: number | null }> {
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
  await delay(IDLE_MS);
  const rss = child.pid === undefined ? null : rssOf(child.pid);
  if (variant.discord) child.kill('SIGTERM');
  else child.stdin.end();
  await exited;
  return { readyMs, idleRssMb: rss === null ? null : round(rss / (1024 * 1024), 1) };
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
  const fake = await FakeDiscord.start();
  const figures = [];
  try {
    for (const variant of variants) {
      progress(NAME, `${variant.label}: ${RUNS} starts`);
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await startOnce(variant, fake));
      const rss = runs.flatMap((run) => (run.idleRssMb === null ? [] : [run.idleRssMb]));
      figures.push({
        variant: variant.label,
        startMsMedian: round(median(runs.map((run) => run.readyMs)), 0),
        startMsRuns: runs.map((run) => round(run.readyMs, 0)),
        idleRssMbMedian: rss.length === 0 ? null : median(rss),
      });
    }
  } finally {
    await fake.close();
  }
  return {
    parameters: { runs: RUNS, idleMs: IDLE_MS, command: 'node src/cli.ts start' },
    figures: { variants: figures },
    summary: figures.map((figure) => ({ figure: `start-up, ${figure.variant}`, value: `${figure.startMsMedian} ms, idle RSS ${figure.idleRssMbMedian ?? 'n/a'} MB` })),
    notes: [
      'From spawning `node src/cli.ts start` to the shell prompt (shell bot) or the "market-brief running" log line (Discord bot, connected to the loopback gateway); idle RSS read from /proc 1.5 s later. Medians of 3 starts.',
    ],
  };
});

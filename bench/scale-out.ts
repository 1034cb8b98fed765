// Scale-out on PostgreSQL: the same jobs run by 1 and by 3 `market-brief start --role worker`
// processes sharing one database through pg-boss. (1) 10,000 loopback feeds due at once: time from
// the first fetch to the last and until every item is stored; (2) per-article LLM summaries with a
// fake model that takes 500 ms per call: summaries per second. RSS and CPU per worker process.
// Needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/market_brief_test).
// Run: node bench/scale-out.ts   (SCALE_FEEDS, SCALE_SUMMARIES change the sizes)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { ingestArticle } from '../src/pipeline/ingest-article.ts';
import { createPostgresStore } from '../src/store/index.ts';
import { faultArticles } from '../test/support/fault-articles.ts';
import { startFakeOpenAi } from '../test/support/fake-openai.ts';
import { createTestDatabase, dropTestDatabase, postgresUnavailable } from '../test/support/postgres.ts';
import { progress, runBenchmark, type SummaryRow } from './support/report.ts';
import { round } from './support/stats.ts';
import { startWorkers, type WorkerUsage, waitUntil } from './support/worker-processes.ts';

const NAME = 'scale-out';
const FEEDS = Number(process.env['SCALE_FEEDS'] ?? 10_000);
const SUMMARIES = Number(process.env['SCALE_SUMMARIES'] ?? 200);
const MODEL_DELAY_MS = 500;
const WORKER_COUNTS = [1, 3] as const;
const FEED_GOAL_SECONDS = 600;
const log = (line: string) => progress(NAME, line);

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A loopback server of `count` feeds, /feed/<n>, each with one item of its own; notes the first and last fetch. */
async function startFeedServer(count: number) {
  const items = faultArticles(count, 4242, new Date(), 6);
  const fetched = new Set<number>();
  let first = 0;
  let last = 0;
  const server = createServer((request, response) => {
    const number = Number(/^\/feed\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    const item = items[number];
    if (item === undefined) return void response.writeHead(404).end();
    if (fetched.size === 0) first = performance.now();
    fetched.add(number);
    last = performance.now();
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${number}</title><link>http://example.com/${number}</link>` +
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.url)}</link><guid>${escapeXml(item.url)}</guid>` +
        `<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate><description>${escapeXml(item.text)}</description></item></channel></rss>`,
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    fetched: () => fetched.size,
    seconds: () => (last - first) / 1000,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const baseEnv = { LOG_LEVEL: 'warn', EXAMPLES_ON_FIRST_RUN: 'false' };

function usageFigures(usage: readonly WorkerUsage[]) {
  return { peakRssMb: usage.map((entry) => entry.peakRssMb), cpuSeconds: usage.map((entry) => entry.cpuSeconds) };
}

async function feedRun(workers: number) {
  const database = await createTestDatabase('mb_bench_feeds');
  const feeds = await startFeedServer(FEEDS);
  try {
    const store = createPostgresStore(database.url);
    await store.ready();
    const now = new Date().toISOString();
    for (let number = 0; number < FEEDS; number += 1) {
      await store.addSource(
        {
          url: `http://127.0.0.1:${feeds.port}/feed/${number}`,
          title: null,
          topics: [],
          addedBy: { platform: 'cli', workspaceId: 'local', channelId: 'cli', userId: 'bench' },
          intervalMinutes: 60,
        },
        now,
      );
    }
    log(`${FEEDS} feeds registered; starting ${workers} worker(s)`);
    const started = performance.now();
    const pool = startWorkers(
      workers,
      {
        ...baseEnv,
        DATABASE_URL: database.url,
        FETCH_ALLOW_HOSTS: '127.0.0.1',
        FETCH_ALLOW_PORTS: String(feeds.port),
        // Every feed is on one loopback host here; real feeds are spread over many hosts.
        FETCH_HOST_INTERVAL_MS: '0',
        FETCH_CONCURRENCY: '16',
        FEED_PAGE_FETCHES: '0',
      },
      log,
    );
    try {
      await waitUntil(() => feeds.fetched() >= FEEDS, `${FEEDS} feeds fetched`, 30 * 60_000, 1_000);
      await waitUntil(async () => (await store.countArticles()) >= FEEDS, `${FEEDS} items stored`, 10 * 60_000, 1_000);
      const toStored = (performance.now() - started) / 1000;
      const usage = pool.usage();
      return { workers, fetchSeconds: round(feeds.seconds(), 1), fromStartToStoredSeconds: round(toStored, 1), ...usageFigures(usage) };
    } finally {
      await pool.stop();
      await store.close();
    }
  } finally {
    await feeds.close();
    await dropTestDatabase(database.name);
  }
}

async function summaryRun(workers: number) {
  const database = await createTestDatabase('mb_bench_summaries');
  const model = await startFakeOpenAi();
  model.setFaults((request) => (request.promptId === 'article-summary' ? { kind: 'slow', delayMs: MODEL_DELAY_MS } : null));
  try {
    const app = createApp(loadConfig({ ...baseEnv, DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, null));
    for (const article of faultArticles(SUMMARIES, 77, new Date(), 6)) await ingestArticle(article, app.ingest);
    await app.close();
    log(`${SUMMARIES} articles stored; starting ${workers} worker(s) against a model that takes ${MODEL_DELAY_MS} ms a call`);
    const pool = startWorkers(
      workers,
      { ...baseEnv, DATABASE_URL: database.url, OPENAI_BASE_URL: model.baseURL, OPENAI_API_KEY: 'bench', LLM_CONCURRENCY: '4', LLM_MAX_RETRIES: '0' },
      log,
    );
    let first = 0;
    try {
      await waitUntil(
        () => {
          if (first === 0 && model.calls('article-summary') > 0) first = performance.now();
          return model.calls('article-summary') >= SUMMARIES;
        },
        `${SUMMARIES} summaries`,
        20 * 60_000,
        50,
      );
      // The last calls are answered MODEL_DELAY_MS after they arrive.
      const seconds = (performance.now() - first + MODEL_DELAY_MS) / 1000;
      return { workers, seconds: round(seconds, 1), perSecond: round(SUMMARIES / seconds, 2), ...usageFigures(pool.usage()) };
    } finally {
      await pool.stop();
    }
  } finally {
    await model.close();
    await dropTestDatabase(database.name);
  }
}

await runBenchmark(NAME, async () => {
  const unavailable = await postgresUnavailable();
  if (unavailable !== null) throw new Error(unavailable);
  const feedRuns = [];
  for (const workers of WORKER_COUNTS) feedRuns.push(await feedRun(workers));
  const summaryRuns = [];
  for (const workers of WORKER_COUNTS) summaryRuns.push(await summaryRun(workers));
  const summary: SummaryRow[] = [
    ...feedRuns.map((run) => ({
      figure: `${FEEDS} feeds by ${run.workers} worker(s): first to last fetch / to all stored (goal < ${FEED_GOAL_SECONDS} s)`,
      value: `${run.fetchSeconds} s / ${run.fromStartToStoredSeconds} s, peak RSS ${run.peakRssMb.join(', ')} MB`,
    })),
    ...summaryRuns.map((run) => ({
      figure: `LLM summaries, ${MODEL_DELAY_MS} ms a call, ${run.workers} worker(s)`,
      value: `${run.perSecond}/s (${SUMMARIES} in ${run.seconds} s), peak RSS ${run.peakRssMb.join(', ')} MB`,
    })),
  ];
  return {
    parameters: { feeds: FEEDS, summaries: SUMMARIES, modelDelayMs: MODEL_DELAY_MS, workerCounts: WORKER_COUNTS },
    figures: { feeds: feedRuns, summaries: summaryRuns },
    summary,
    notes: [
      'Workers are `market-brief start --role worker` processes on one PostgreSQL database; pg-boss fires the minute tick once, which queues one poll job per due feed and one summary job per article, shared by the workers.',
      'Feed time counts from the first fetch to the last (the first minute tick can come up to a minute after the workers start); stored counts from the workers’ start until every item is in the database.',
      'All feeds are on one loopback host, so the per-host politeness interval is set to 0 for the benchmark; FETCH_CONCURRENCY 16 per worker, LLM_CONCURRENCY 4 per worker.',
    ],
  };
});

// Scale-out on PostgreSQL: the same jobs run by 1 and by 3 `market-brief start --role worker`
// processes sharing one database through pg-boss. (1) 10,000 loopback feeds due at once: time from
// the first fetch to the last and until every item is stored; (2) per-article LLM summaries with a
// fake model that takes 500 ms per call: summaries per second; (3) a brief to 1,000 Discord
// channels at one slot with 3 workers. RSS and CPU per worker process.
// Needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a database of
// its own per run, dropped after).
// Run: node bench/scale-out.ts   (SCALE_FEEDS, SCALE_SUMMARIES, SCALE_HOSTS, SCALE_CHANNELS change the
// sizes; SCALE_PARTS=feeds,summaries,delivery runs only the parts named)
import { generateKeyPairSync } from 'node:crypto';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { ingestArticle } from '../src/pipeline/ingest-article.ts';
import { createPostgresStore } from '../src/store/index.ts';
import { faultArticles } from '../test/support/fault-articles.ts';
import { newSubscription } from '../test/support/articles.ts';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { snowflake } from '../test/support/fake-discord-payloads.ts';
import { startFakeOpenAi } from '../test/support/fake-openai.ts';
import { createTestDatabase, dropTestDatabase, postgresUnavailable } from '../test/support/postgres.ts';
import { startRateLimitProxy } from './support/discord-rate-limit.ts';
import { startFeedServer } from './support/feed-hosts.ts';
import { progress, runBenchmark, type SummaryRow } from './support/report.ts';
import { round } from './support/stats.ts';
import { startWorkers, type WorkerUsage, waitUntil } from './support/worker-processes.ts';

const NAME = 'scale-out';
const FEEDS = Number(process.env['SCALE_FEEDS'] ?? 10_000);
const SUMMARIES = Number(process.env['SCALE_SUMMARIES'] ?? 200);
const MODEL_DELAY_MS = 500;
const HOSTS = Number(process.env['SCALE_HOSTS'] ?? 100);
const CHANNELS = Number(process.env['SCALE_CHANNELS'] ?? 1_000);
const DISCORD_GLOBAL_LIMIT = 50;
// SCALE_PARTS=feeds,summaries,delivery (the default: all three) runs only the parts named.
const PARTS = new Set((process.env['SCALE_PARTS'] ?? 'feeds,summaries,delivery').split(',').map((part) => part.trim()));
const WORKER_COUNTS = [1, 3] as const;
const FEED_GOAL_SECONDS = 600;
const log = (line: string) => progress(NAME, line);

const baseEnv = { LOG_LEVEL: 'warn', EXAMPLES_ON_FIRST_RUN: 'false' };

function usageFigures(usage: readonly WorkerUsage[]) {
  return { peakRssMb: usage.map((entry) => entry.peakRssMb), cpuSeconds: usage.map((entry) => entry.cpuSeconds) };
}

async function feedRun(workers: number) {
  const database = await createTestDatabase('mb_bench_feeds');
  const feeds = await startFeedServer(FEEDS, HOSTS);
  try {
    const store = createPostgresStore(database.url);
    await store.ready();
    const now = new Date().toISOString();
    for (let number = 0; number < FEEDS; number += 1) {
      await store.addSource(
        {
          url: feeds.url(number),
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
        FETCH_ALLOW_HOSTS: '127.0.0.0/24',
        FETCH_ALLOW_PORTS: String(feeds.port),
        // A hundred feeds per loopback host here; the politeness interval between two requests to one
        // host is left out so that the figure is the bot's own throughput.
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

/**
 * 1,000 Discord channels subscribed to a brief at one slot, served by WORKER_COUNTS' largest pool
 * of workers over REST through a proxy that enforces Discord's global 50 requests/s with real 429s.
 */
async function deliveryRun(workers: number) {
  const database = await createTestDatabase('mb_bench_delivery');
  const fake = await FakeDiscord.start();
  const proxy = await startRateLimitProxy(fake.apiUrl, DISCORD_GLOBAL_LIMIT);
  try {
    const app = createApp(loadConfig({ ...baseEnv, DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, null));
    for (const article of faultArticles(60, 99, new Date(), 6)) await ingestArticle(article, app.ingest);
    await app.close();
    // The slot: the first whole minute at least 45 s away, so that the workers are up before it.
    const slot = Math.ceil((Date.now() + 45_000) / 60_000) * 60_000;
    const time = new Date(slot).toISOString().slice(11, 16);
    const channels = Array.from({ length: CHANNELS }, () => snowflake());
    const store = createPostgresStore(database.url, { max: 2 });
    try {
      for (const channelId of channels) {
        fake.channels.add(channelId);
        await store.addSubscription(
          newSubscription({
            platform: 'discord',
            workspaceId: fake.identity.guildId,
            channelId,
            time,
            createdAt: new Date(slot - 3_600_000).toISOString(),
          }),
        );
      }
      const { publicKey } = generateKeyPairSync('ed25519');
      log(`${CHANNELS} Discord channels subscribed for ${time} UTC; starting ${workers} worker(s)`);
      const pool = startWorkers(
        workers,
        {
          ...baseEnv,
          DATABASE_URL: database.url,
          DISCORD_MODE: 'http',
          DISCORD_TOKEN: fake.token,
          DISCORD_APPLICATION_ID: fake.identity.applicationId,
          DISCORD_PUBLIC_KEY: Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex'),
          DISCORD_API_URL: proxy.apiUrl,
        },
        log,
      );
      try {
        const reached = () => channels.filter((channel) => (fake.posted.get(channel)?.length ?? 0) > 0).length;
        let firstPost = 0;
        await waitUntil(
          () => {
            const count = reached();
            if (count > 0 && firstPost === 0) firstPost = Date.now();
            return count >= CHANNELS;
          },
          `${CHANNELS} channels posted`,
          15 * 60_000,
          100,
        );
        const lastPostSeconds = (Date.now() - slot) / 1000;
        // Every slot is claimed once in the delivery ledger: wait until all are recorded, then count.
        await waitUntil(
          async () => (await store.listDeliveries({ status: 'posted', limit: CHANNELS * 2 })).length >= CHANNELS,
          'every delivery recorded',
          5 * 60_000,
          500,
        );
        const perChannel = channels.map((channel) => fake.posted.get(channel)?.length ?? 0);
        const deliveries = await store.listDeliveries({ limit: CHANNELS * 2 });
        return {
          workers,
          channels: CHANNELS,
          slotToFirstPostSeconds: round((firstPost - slot) / 1000, 1),
          slotToLastPostSeconds: round(lastPostSeconds, 1),
          floorSeconds: round(CHANNELS / DISCORD_GLOBAL_LIMIT, 1),
          deliveriesRecorded: deliveries.length,
          messagesPerChannel: { min: Math.min(...perChannel), max: Math.max(...perChannel) },
          responses429: proxy.counts().limited,
          ...usageFigures(pool.usage()),
        };
      } finally {
        await pool.stop();
      }
    } finally {
      await store.close();
    }
  } finally {
    await proxy.close();
    await fake.close();
    await dropTestDatabase(database.name);
  }
}

await runBenchmark(NAME, async () => {
  const unavailable = await postgresUnavailable();
  if (unavailable !== null) {
    // `npm run bench` runs every benchmark; without PostgreSQL this one says why it has no figures.
    return {
      parameters: { feeds: FEEDS, summaries: SUMMARIES, channels: CHANNELS },
      figures: { skipped: unavailable },
      summary: [{ figure: 'scale-out on PostgreSQL', value: `skipped: ${unavailable}` }],
      notes: ['Needs PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).'],
    };
  }
  const feedRuns: Array<Awaited<ReturnType<typeof feedRun>>> = [];
  const summaryRuns: Array<Awaited<ReturnType<typeof summaryRun>>> = [];
  let delivery: Awaited<ReturnType<typeof deliveryRun>> | null = null;
  if (PARTS.has('feeds'))
    for (const workers of WORKER_COUNTS) {
      feedRuns.push(await feedRun(workers));
      log(`feeds: ${JSON.stringify(feedRuns.at(-1))}`);
    }
  if (PARTS.has('summaries'))
    for (const workers of WORKER_COUNTS) {
      summaryRuns.push(await summaryRun(workers));
      log(`summaries: ${JSON.stringify(summaryRuns.at(-1))}`);
    }
  if (PARTS.has('delivery')) {
    delivery = await deliveryRun(Math.max(...WORKER_COUNTS));
    log(`delivery: ${JSON.stringify(delivery)}`);
  }
  const summary: SummaryRow[] = [
    ...feedRuns.map((run) => ({
      figure: `${FEEDS} feeds by ${run.workers} worker(s): first to last fetch / to all stored (goal < ${FEED_GOAL_SECONDS} s)`,
      value: `${run.fetchSeconds} s / ${run.fromStartToStoredSeconds} s, peak RSS ${run.peakRssMb.join(', ')} MB`,
    })),
    ...summaryRuns.map((run) => ({
      figure: `LLM summaries, ${MODEL_DELAY_MS} ms a call, ${run.workers} worker(s)`,
      value: `${run.perSecond}/s (${SUMMARIES} in ${run.seconds} s), peak RSS ${run.peakRssMb.join(', ')} MB`,
    })),
    ...(delivery === null
      ? []
      : [
          {
            figure: `${CHANNELS.toLocaleString('en-US')}-channel Discord delivery, ${delivery.workers} workers: slot → last post (floor ${delivery.floorSeconds} s at ${DISCORD_GLOBAL_LIMIT}/s)`,
            value: `${delivery.slotToLastPostSeconds} s (first post ${delivery.slotToFirstPostSeconds} s), ${delivery.deliveriesRecorded} deliveries, ${delivery.messagesPerChannel.min}–${delivery.messagesPerChannel.max} messages a channel, ${delivery.responses429} × 429`,
          },
        ]),
  ];
  return {
    parameters: { feeds: FEEDS, hosts: HOSTS, summaries: SUMMARIES, modelDelayMs: MODEL_DELAY_MS, workerCounts: WORKER_COUNTS, channels: CHANNELS },
    figures: { feeds: feedRuns, summaries: summaryRuns, delivery },
    summary,
    notes: [
      'Delivery: one minute tick claims the slot; the delivery job runs in one worker at a time (the delivery ledger claims each channel once), posting over REST through a proxy that enforces Discord’s global 50 requests/s per bot. More workers cannot raise that: the limit is the bot token’s, shared by every process.',
      'Workers are `market-brief start --role worker` processes on one PostgreSQL database; pg-boss fires the minute tick once, which queues one poll job per due feed and one summary job per article, shared by the workers.',
      'Feed time counts from the first fetch to the last (the first minute tick can come up to a minute after the workers start); stored counts from the workers’ start until every item is in the database.',
      `Feeds are spread over ${HOSTS} loopback addresses (the fetcher takes one request at a time per host) with the per-host politeness interval set to 0; FETCH_CONCURRENCY 16 per worker, LLM_CONCURRENCY 4 per worker.`,
    ],
  };
});

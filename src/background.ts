import type { App } from './app.ts';
import { type DeliveryServices, runDeliveryTick } from './delivery/index.ts';
import { createInProcessQueue, createPgBossQueue, type FailedJob, type JobQueue } from './jobs/index.ts';
import type { FailedPoll, Metrics } from './ports/index.ts';
import { dueSourceIds, pollSourceById, type SourcePollingDependencies } from './sources/index.ts';

/** The bot's jobs by name (pg-boss queue names). */
export const JOB_NAMES = {
  tick: 'minute-tick',
  deliveries: 'deliveries',
  feedPoll: 'feed-poll',
  summaries: 'summaries',
  articleSummary: 'article-summary',
} as const;

/** Feeds queued by one minute tick at most (the rest are still due at the next). */
const FEEDS_PER_TICK = 10_000;

/**
 * The engine for the bot's jobs: pg-boss when the database is PostgreSQL (any number of worker
 * processes share the work), else jobs in this process (the single process on SQLite).
 */
export async function createJobQueue(app: Pick<App, 'config' | 'logger'>): Promise<JobQueue> {
  const url = app.config.DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(url)) return createPgBossQueue({ connectionString: url, logger: app.logger });
  return createInProcessQueue(app.logger);
}

/** The feed-poll jobs among the queue's failed jobs, as `/source errors` shows them. */
export function failedPolls(queue: JobQueue): (limit: number) => Promise<FailedPoll[]> {
  return async (limit) =>
    (await queue.failures(Math.max(limit, 200)))
      .filter((job) => job.name === JOB_NAMES.feedPoll)
      .slice(0, limit)
      .map((job) => ({ sourceId: String(job.data), error: job.error, attempts: job.attempts, failedAt: job.failedAt }));
}

/**
 * Jobs that failed every attempt, for `market-brief deliveries`: read from pg-boss on PostgreSQL;
 * null on SQLite, where the bot's one process keeps them in memory (`/source errors` shows them).
 */
export async function readFailedJobs(app: Pick<App, 'config' | 'logger'>, limit: number): Promise<FailedJob[] | null> {
  if (!/^postgres(ql)?:\/\//.test(app.config.DATABASE_URL)) return null;
  const queue = await createJobQueue(app);
  try {
    await queue.start({ work: false });
    return await queue.failures(limit);
  } finally {
    await queue.stop({ timeoutMs: 5_000 });
  }
}

export interface BackgroundWork {
  delivery: DeliveryServices;
  polling: SourcePollingDependencies;
  /** Per-article LLM summaries; absent offline. */
  summaries?: SummaryWork | undefined;
  /** Counts feed fetches by outcome (`GET /metrics`). */
  metrics?: Metrics | undefined;
}

export interface SummaryWork {
  /** Ids of recent articles with no summary yet (new ones, and those a failed call left behind). */
  pending(): Promise<string[]>;
  /** Summarises one article; throws when the model fails (the job is retried with back-off). */
  summarise(articleId: string): Promise<unknown>;
  /** Summary jobs run at once in one process (the model's concurrency limit). */
  concurrency: number;
  /** Back-off before the first retry of a failed summary (doubling after). Default: the queue's. */
  retryDelaySeconds?: number;
}

/**
 * Declares the bot's jobs on `queue` and the minute schedule that drives them. The minute tick
 * only queues work: the due deliveries and alerts (one job, never two at once: the delivery ledger
 * claims each slot once, whatever runs it), one poll per due feed (one job per feed at a time, so
 * no feed is polled by two workers), and a look for articles without a summary, which queues one
 * summary job per article (keyed by the article, so no article is summarised twice at once; a
 * failed call is retried with back-off, and what still fails is simply picked up again later).
 */
export async function defineBackgroundWork(queue: JobQueue, work: BackgroundWork): Promise<void> {
  queue.define({
    name: JOB_NAMES.tick,
    exclusive: true,
    urgent: true,
    retryLimit: 0,
    run: async () => {
      await queue.send(JOB_NAMES.deliveries, null);
      const due = await dueSourceIds(work.polling, FEEDS_PER_TICK);
      await queue.sendMany(
        JOB_NAMES.feedPoll,
        due.map((id) => ({ data: id, key: id })),
      );
      if (work.summaries !== undefined) await queue.send(JOB_NAMES.summaries, null);
    },
  });
  queue.define({ name: JOB_NAMES.deliveries, exclusive: true, urgent: true, retryLimit: 0, run: () => runDeliveryTick(work.delivery) });
  queue.define<string>({
    name: JOB_NAMES.feedPoll,
    exclusive: true,
    // A failed fetch is recorded on the source and backs it off; the job itself does not retry.
    retryLimit: 0,
    concurrency: work.polling.maxInFlight,
    run: async (id) => {
      const summary = await pollSourceById(id, work.polling);
      if (summary !== null) work.metrics?.feedFetch(summary.outcome);
    },
  });
  if (work.summaries !== undefined) defineSummaryJobs(queue, work.summaries);
  await queue.schedule(JOB_NAMES.tick, '* * * * *');
}

/**
 * The summary jobs: `summaries` queues one `article-summary` job per article without a summary,
 * keyed by the article (never two at once for one article); each is retried with back-off.
 */
export function defineSummaryJobs(queue: JobQueue, summaries: SummaryWork): void {
  queue.define({
    name: JOB_NAMES.summaries,
    exclusive: true,
    retryLimit: 0,
    run: async () => {
      const pending = await summaries.pending();
      await queue.sendMany(
        JOB_NAMES.articleSummary,
        pending.map((id) => ({ data: id, key: id })),
      );
    },
  });
  queue.define<string>({
    name: JOB_NAMES.articleSummary,
    exclusive: true,
    retryLimit: 2,
    ...(summaries.retryDelaySeconds === undefined ? {} : { retryDelaySeconds: summaries.retryDelaySeconds }),
    concurrency: summaries.concurrency,
    run: async (id) => void (await summaries.summarise(id)),
  });
}

import type { PgBoss } from 'pg-boss';
import type { Logger } from '../ports/index.ts';
import {
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  type FailedJob,
  failureMessage,
  type JobDefinition,
  type JobQueue,
  type SendOptions,
} from './job-queue.ts';

/** Where jobs that failed every attempt are kept (a queue nobody works: its jobs are the record). */
const FAILED_QUEUE = 'failed-jobs';
const FAILED_RETENTION_SECONDS = 30 * 86_400;
/** How often pg-boss looks for due schedules. */
const CRON_MONITOR_SECONDS = 5;
/** How often an idle worker looks for jobs that are `urgent` (the tick and the deliveries it queues). */
const URGENT_POLLING_SECONDS = 1;
/** Jobs per insert statement in `sendMany`. */
const INSERT_CHUNK = 1_000;

export interface PgBossQueueOptions {
  connectionString: string;
  logger: Logger;
  /** The PostgreSQL schema pg-boss keeps its tables in. Default `pgboss`. */
  schema?: string;
  /** Connections in pg-boss's own pool. Default 4. */
  poolMax?: number;
  /** How often an idle worker looks for new jobs, in seconds (pg-boss's minimum is 0.5). Default 2. */
  pollingIntervalSeconds?: number;
}

interface Envelope {
  payload: unknown;
  key: string | null;
}

/**
 * Jobs on PostgreSQL through pg-boss (SKIP LOCKED fetches, so each job runs in exactly one of
 * any number of worker processes). Exclusive jobs use pg-boss's `exclusive` policy with the key as
 * `singletonKey`: one queued or active job per key across every process. Schedules are stored in
 * the database and fired by one process per minute.
 */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  // Loaded here so a bot on SQLite never loads pg-boss or pg.
  const { PgBoss: Boss } = await import('pg-boss');
  const schema = options.schema ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`job queue schema "${schema}" must be lower-case letters, digits and _`);
  const boss: PgBoss = new Boss({
    connectionString: options.connectionString,
    schema,
    max: options.poolMax ?? 4,
    application_name: 'market-brief',
    // A job's state changes (fetched, completed) commit without waiting for the WAL to reach the
    // disk: at ~13 ms a flush they were most of a feed poll's wait. A PostgreSQL crash can then
    // forget the last fraction of a second of them, which only runs a job again (polls dedupe,
    // summaries are keyed, deliveries claim each slot in the store, whose commits stay durable).
    options: '-c synchronous_commit=off',
    // The minute tick must fire close to the minute (a brief is due at 08:00, not 08:00:35): look
    // for due schedules every 5 s and send them within a second (pg-boss: 30 s and 5 s).
    cronMonitorIntervalSeconds: CRON_MONITOR_SECONDS,
    cronWorkerIntervalSeconds: 1,
    // How stale the waiting-job counts behind `burstWhenReadyExceeds` may be (pg-boss: 60 s).
    queueCacheIntervalSeconds: 5,
  });
  boss.on('error', (error: unknown) => options.logger.error({ err: error }, 'job queue error'));
  const definitions = new Map<string, JobDefinition<unknown>>();
  const schedules: Array<{ name: string; expression: string }> = [];
  let started = false;

  async function ensureQueue(name: string, settings: Parameters<PgBoss['createQueue']>[1]): Promise<void> {
    if ((await boss.getQueue(name)) !== null) return;
    try {
      await boss.createQueue(name, settings);
    } catch (error) {
      // Another process created it between the look and the create.
      if ((await boss.getQueue(name)) === null) throw error;
    }
  }

  /** A schedule sends what `send(name, null)` would: the same key, so an exclusive job is never doubled. */
  async function scheduleOn(name: string, expression: string): Promise<void> {
    const key = definitions.get(name)?.exclusive === true ? name : null;
    await boss.schedule(name, expression, { payload: null, key }, key === null ? { tz: 'UTC' } : { tz: 'UTC', singletonKey: key });
  }

  async function recordFailure(definition: JobDefinition<unknown>, key: string | null, data: unknown, error: unknown, attempts: number): Promise<void> {
    const failed: FailedJob = { name: definition.name, key, data, error: failureMessage(error), attempts, failedAt: new Date().toISOString() };
    await boss
      .send(FAILED_QUEUE, failed as unknown as object)
      .catch((sendError: unknown) => options.logger.error({ err: sendError }, 'failed job not recorded'));
  }

  return {
    engine: 'pg-boss',
    define<T>(definition: JobDefinition<T>) {
      if (started) throw new Error(`job "${definition.name}" defined after the queue started`);
      definitions.set(definition.name, definition as JobDefinition<unknown>);
    },
    async start({ work }) {
      await boss.start();
      started = true;
      await ensureQueue(FAILED_QUEUE, { retentionSeconds: FAILED_RETENTION_SECONDS, deleteAfterSeconds: FAILED_RETENTION_SECONDS });
      for (const definition of definitions.values()) {
        await ensureQueue(definition.name, {
          policy: definition.exclusive === true ? 'exclusive' : 'standard',
          retryLimit: definition.retryLimit ?? DEFAULT_RETRY_LIMIT,
          retryDelay: definition.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
          retryBackoff: true,
        });
      }
      for (const { name, expression } of schedules) await scheduleOn(name, expression);
      if (!work) return;
      for (const definition of definitions.values()) {
        const limit = definition.retryLimit ?? DEFAULT_RETRY_LIMIT;
        await boss.work<Envelope>(
          definition.name,
          {
            localConcurrency: definition.concurrency ?? 1,
            batchSize: 1,
            pollingIntervalSeconds: definition.urgent === true ? URGENT_POLLING_SECONDS : (options.pollingIntervalSeconds ?? 2),
            // Fetch again at once while jobs are waiting (else each of the `concurrency` local
            // workers waits a polling interval after every job: 32 feed-poll workers / 2 s = 16 polls
            // a second, whatever the machine). A short fetch falls back to polling.
            burstWhenReadyExceeds: 1,
          },
          async ([job]) => {
            if (job === undefined) return;
            try {
              await definition.run(job.data.payload);
            } catch (error) {
              if (job.retryCount >= limit) await recordFailure(definition, job.data.key ?? null, job.data.payload, error, job.retryCount + 1);
              throw error;
            }
          },
        );
      }
    },
    async send<T>(name: string, data: T, sendOptions: SendOptions = {}) {
      const definition = definitions.get(name);
      if (definition === undefined) throw new Error(`no job named "${name}" is defined`);
      const key = definition.exclusive === true ? (sendOptions.key ?? name) : null;
      const envelope: Envelope = { payload: data, key };
      return boss.send(name, envelope as unknown as object, key === null ? {} : { singletonKey: key });
    },
    async sendMany(name, jobs) {
      const definition = definitions.get(name);
      if (definition === undefined) throw new Error(`no job named "${name}" is defined`);
      const exclusive = definition.exclusive === true;
      let sent = 0;
      for (let start = 0; start < jobs.length; start += INSERT_CHUNK) {
        const rows = jobs.slice(start, start + INSERT_CHUNK).map((job) => {
          const key = exclusive ? (job.key ?? name) : null;
          const envelope: Envelope = { payload: job.data, key };
          return key === null ? { data: envelope } : { data: envelope, singletonKey: key };
        });
        // Rows whose key is already queued or running are skipped by the insert (ON CONFLICT DO NOTHING).
        const inserted = await boss.insert(name, rows as Parameters<PgBoss['insert']>[1], { returnId: true });
        sent += Array.isArray(inserted) ? inserted.length : 0;
      }
      return sent;
    },
    async schedule(name, expression) {
      if (!definitions.has(name)) throw new Error(`no job named "${name}" is defined`);
      schedules.push({ name, expression });
      if (started) await scheduleOn(name, expression);
    },
    async depth() {
      // getQueues() counts are snapshots taken by pg-boss's monitor; the gauge wants the count now.
      const result = await boss
        .getDb()
        .executeSql(`SELECT count(*)::int AS waiting FROM "${schema}".job WHERE name = ANY($1) AND state < 'active'`, [[...definitions.keys()]]);
      return (result.rows[0] as { waiting: number } | undefined)?.waiting ?? 0;
    },
    async failures(limit) {
      const jobs = await boss.findJobs<FailedJob>(FAILED_QUEUE, { queued: true, limit: 100_000 });
      return jobs
        .slice(-limit)
        .reverse()
        .map((job) => job.data);
    },
    async stop(stopOptions = {}) {
      await boss.stop({ graceful: true, close: true, timeout: stopOptions.timeoutMs ?? 30_000 });
    },
  };
}

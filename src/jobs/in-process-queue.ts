import cron from 'node-cron';
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

interface Pending {
  id: string;
  name: string;
  data: unknown;
  key: string | null;
  attempt: number;
}

/** Failed jobs kept in memory for `deliveries` and `/source errors` (the process is the only worker). */
const FAILURES_KEPT = 200;

/**
 * Jobs in this process: the engine of the single process on SQLite. A job waits in memory and
 * runs when its name has a free slot; a failure is retried with exponential back-off, then kept
 * as a failed job. On stop, queued jobs and retries not yet due are dropped: nothing is lost by
 * that, because what is due (slots, feeds, summaries) is decided from the store on the next tick.
 */
export function createInProcessQueue(logger: Logger): JobQueue {
  const definitions = new Map<string, JobDefinition<unknown>>();
  const queued = new Map<string, Pending[]>();
  const active = new Map<string, number>();
  const keys = new Set<string>();
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const tasks: Array<{ stop(): unknown }> = [];
  const failures: FailedJob[] = [];
  let working = false;
  let stopped = false;
  let nextId = 0;

  const keyOf = (name: string, key: string | null) => (key === null ? null : `${name}\u0000${key}`);

  function pump(name: string): void {
    const definition = definitions.get(name);
    const waiting = queued.get(name);
    if (!working || stopped || definition === undefined || waiting === undefined) return;
    while (waiting.length > 0 && (active.get(name) ?? 0) < (definition.concurrency ?? 1)) {
      const job = waiting.shift() as Pending;
      active.set(name, (active.get(name) ?? 0) + 1);
      const run = execute(definition, job).finally(() => {
        running.delete(run);
        active.set(name, (active.get(name) ?? 1) - 1);
        pump(name);
      });
      running.add(run);
    }
  }

  async function execute(definition: JobDefinition<unknown>, job: Pending): Promise<void> {
    const held = keyOf(job.name, job.key);
    try {
      await definition.run(job.data);
      if (held !== null) keys.delete(held);
    } catch (error) {
      const limit = definition.retryLimit ?? DEFAULT_RETRY_LIMIT;
      if (job.attempt <= limit && !stopped) {
        const delay = (definition.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS) * 1000 * 2 ** (job.attempt - 1);
        logger.warn({ err: error, job: job.name, attempt: job.attempt, retryInMs: delay }, 'job failed; retrying');
        const timer = setTimeout(() => {
          timers.delete(timer);
          queued.get(job.name)?.push({ ...job, attempt: job.attempt + 1 });
          pump(job.name);
        }, delay);
        timers.add(timer);
        return;
      }
      if (held !== null) keys.delete(held);
      logger.error({ err: error, job: job.name, attempts: job.attempt }, 'job failed every attempt');
      failures.unshift({
        name: job.name,
        key: job.key,
        data: job.data,
        error: failureMessage(error),
        attempts: job.attempt,
        failedAt: new Date().toISOString(),
      });
      failures.length = Math.min(failures.length, FAILURES_KEPT);
    }
  }

  const schedules: Array<{ name: string; expression: string }> = [];
  function arm(name: string, expression: string): void {
    const task = cron.schedule(
      expression,
      () => {
        queue.send(name, null).catch((error: unknown) => logger.error({ err: error, job: name }, 'scheduled job not sent'));
      },
      { timezone: 'Etc/UTC' },
    );
    tasks.push(task);
  }

  const queue: JobQueue = {
    engine: 'in-process',
    define<T>(definition: JobDefinition<T>) {
      definitions.set(definition.name, definition as JobDefinition<unknown>);
      queued.set(definition.name, queued.get(definition.name) ?? []);
    },
    async start(options) {
      working = options.work;
      if (!working) return;
      for (const { name, expression } of schedules) arm(name, expression);
      for (const name of definitions.keys()) pump(name);
    },
    async send<T>(name: string, data: T, options: SendOptions = {}) {
      const definition = definitions.get(name);
      if (definition === undefined) throw new Error(`no job named "${name}" is defined`);
      if (stopped) return null;
      const key = definition.exclusive === true ? (options.key ?? name) : null;
      const held = keyOf(name, key);
      if (held !== null) {
        if (keys.has(held)) return null;
        keys.add(held);
      }
      nextId += 1;
      const id = `local-${nextId}`;
      queued.get(name)?.push({ id, name, data, key, attempt: 1 });
      pump(name);
      return id;
    },
    async sendMany(name, jobs) {
      let sent = 0;
      for (const job of jobs) if ((await queue.send(name, job.data, job.key === undefined ? {} : { key: job.key })) !== null) sent += 1;
      return sent;
    },
    async schedule(name, expression) {
      if (!definitions.has(name)) throw new Error(`no job named "${name}" is defined`);
      schedules.push({ name, expression });
      if (working && !stopped) arm(name, expression);
    },
    async depth() {
      let total = timers.size;
      for (const waiting of queued.values()) total += waiting.length;
      return total;
    },
    async failures(limit) {
      return failures.slice(0, limit);
    },
    async stop(options = {}) {
      stopped = true;
      for (const task of tasks.splice(0)) await task.stop();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const waiting of queued.values()) waiting.length = 0;
      const all = Promise.all(running);
      if (options.timeoutMs === undefined) await all;
      else {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, options.timeoutMs)))]);
        clearTimeout(timer);
      }
    },
  };
  return queue;
}

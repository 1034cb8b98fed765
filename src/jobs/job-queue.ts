/**
 * The bot's background work as named jobs: feed polls, the minute tick (deliveries and alerts),
 * LLM summaries. One interface, two engines: in the single process on SQLite the jobs run in
 * process (today's scheduler); on PostgreSQL they are pg-boss jobs that any number of worker
 * processes share, each job run by exactly one of them.
 */
export interface JobDefinition<T> {
  name: string;
  run(data: T): Promise<void>;
  /** Jobs of this name run at once in one process. Default 1. */
  concurrency?: number;
  /** Further attempts after a failure, each after `retryDelaySeconds × 2^(attempt-1)` (plus jitter on pg-boss). Default 2. */
  retryLimit?: number;
  /** Default 10. */
  retryDelaySeconds?: number;
  /**
   * With a key: at most one job per key queued or running at a time; a send with a key already
   * queued or running is dropped (a feed is never polled by two workers at once). The minute tick
   * uses one fixed key, so a tick still running swallows the next, as the scheduler always did.
   */
  exclusive?: boolean;
  /** Picked up within about a second of being queued (pg-boss polls its queue more often); for the tick and deliveries. */
  urgent?: boolean;
}

export interface SendOptions {
  /** For `exclusive` jobs: the key (a source id, say). */
  key?: string;
}

/** A job that failed every attempt: kept for `market-brief deliveries` and `/source errors`. */
export interface FailedJob {
  name: string;
  key: string | null;
  data: unknown;
  error: string;
  attempts: number;
  failedAt: string;
}

export interface JobQueue {
  readonly engine: 'in-process' | 'pg-boss';
  /** Declares a job (its queue and handler). Call before `start`. */
  define<T>(definition: JobDefinition<T>): void;
  /** Creates the queues; with `work`, also runs handlers and the schedules. */
  start(options: { work: boolean }): Promise<void>;
  /** Queues one job; resolves to its id, or null when an exclusive job with that key is already queued or running. */
  send<T>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /**
   * Queues many jobs of one name at once (one statement per thousand on pg-boss, where one `send`
   * per job would cost a commit each); an exclusive job whose key is already queued or running is
   * skipped. Resolves to the number queued.
   */
  sendMany<T>(name: string, jobs: ReadonlyArray<{ data: T; key?: string }>): Promise<number>;
  /** Sends `name` on a cron expression (UTC); on pg-boss one process fires it however many run. */
  schedule(name: string, cron: string): Promise<void>;
  /** Jobs waiting to run (queued or waiting for a retry). */
  depth(): Promise<number>;
  /** The most recent jobs that failed every attempt, newest first. */
  failures(limit: number): Promise<FailedJob[]>;
  /** Stops taking jobs and waits for the running ones (up to `timeoutMs`); pg-boss releases what it could not finish. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** The message of a thrown value, short enough to show in a channel. */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export const DEFAULT_RETRY_LIMIT = 2;
export const DEFAULT_RETRY_DELAY_SECONDS = 10;

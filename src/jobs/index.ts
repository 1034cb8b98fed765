export { type Scheduler, startScheduler } from './cron-tick.ts';
export { createInProcessQueue } from './in-process-queue.ts';
export type { FailedJob, JobDefinition, JobQueue, SendOptions } from './job-queue.ts';
export { createPgBossQueue, type PgBossQueueOptions } from './pg-boss-queue.ts';

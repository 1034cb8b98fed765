export { type Scheduler, startScheduler } from './cron-tick.ts';

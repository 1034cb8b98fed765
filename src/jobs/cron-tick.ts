import cron from 'node-cron';
import type { Logger } from '../ports/index.ts';

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * One timer for the whole bot: a tick every minute runs `work`, never two at once.
 * What is due is decided from the store, so there is one timer however many channels subscribe.
 */
export function startScheduler(work: () => Promise<unknown>, logger: Logger): Scheduler {
  let running: Promise<unknown> | null = null;
  const task = cron.schedule('* * * * *', () => {
    if (running !== null) return;
    running = work()
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler tick failed'))
      .finally(() => {
        running = null;
      });
  });
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}

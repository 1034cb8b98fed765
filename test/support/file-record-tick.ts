import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Publisher } from '../../src/ports/publisher.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/delivery/delivery-services.ts';
import { createDeliveryServices, runDeliveryTick } from '../../src/delivery/delivery-tick.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { isPostgresUrl } from '../../src/config/index.ts';
import { createPostgresStore, createSqliteStore } from '../../src/store/index.ts';

/**
 * One delivery tick (the code the bot runs every minute) at a given time against a SQLite file
 * or a PostgreSQL database (a postgres:// URL),
 * posting through a publisher that appends each post to a record file and can tell whether a
 * delivery key was posted. `killBefore`/`killAfter` are asked before and after the n-th post
 * whether the process should SIGKILL itself there (test processes only).
 */
export async function runRecordedTick(options: {
  databasePath: string;
  now: string;
  recordPath: string;
  killBefore?: (post: number) => boolean;
  killAfter?: (post: number) => boolean;
}): Promise<void> {
  const recorded = (): Array<{ key: string; id: string }> =>
    existsSync(options.recordPath)
      ? readFileSync(options.recordPath, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { key: string; id: string })
      : [];
  let posts = 0;
  const publisher: Publisher = {
    platform: 'shell',
    async post(target, _reply, postOptions) {
      posts += 1;
      if (options.killBefore?.(posts) === true) process.kill(process.pid, 'SIGKILL');
      const id = `m-${process.pid}-${posts}`;
      appendFileSync(options.recordPath, `${JSON.stringify({ channelId: target.channelId, key: postOptions?.deliveryKey, id })}\n`);
      if (options.killAfter?.(posts) === true) process.kill(process.pid, 'SIGKILL');
      return [id];
    },
    async findDelivery(_target, key) {
      return recorded()
        .filter((post) => post.key === key)
        .map((post) => post.id);
    },
  };
  const store = isPostgresUrl(options.databasePath) ? createPostgresStore(options.databasePath, { max: 4 }) : createSqliteStore(options.databasePath);
  const services = createDeliveryServices(
    { store, reference: loadReferenceIndex(), clock: { now: () => new Date(options.now) }, logger: { debug() {}, info() {}, warn() {}, error() {} } },
    new Map([['shell', publisher]]),
    { ...DEFAULT_DELIVERY_SETTINGS, alertMinImportance: 1 },
  );
  await runDeliveryTick(services);
  await store.close();
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossQueue, type JobQueue } from '../../src/jobs/index.ts';
import { createLogger } from '../../src/logger.ts';
import { dropSchema, postgresUnavailable, TEST_DATABASE_URL, uniqueSchema } from '../support/postgres.ts';

const logger = createLogger('silent');
const unavailable = await postgresUnavailable();
if (unavailable !== null) console.warn(`skipping the pg-boss job queue tests: ${unavailable}`);

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe.skipIf(unavailable !== null)('pg-boss job queue on PostgreSQL', () => {
  const schema = uniqueSchema('pgboss_test');
  const queues: JobQueue[] = [];
  const open = async () => {
    const queue = await createPgBossQueue({ connectionString: TEST_DATABASE_URL, logger, schema, pollingIntervalSeconds: 0.5 });
    queues.push(queue);
    return queue;
  };
  beforeAll(async () => {
    // Installs pg-boss's schema once, so the workers below do not race to create it.
    const first = await open();
    first.define({ name: 'poll', exclusive: true, run: async () => undefined });
    await first.start({ work: false });
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop({ timeoutMs: 5_000 });
    await dropSchema(schema);
  });

  it('runs each job in exactly one of two worker processes, one at a time per key, and drops a key already queued', async () => {
    const ran = new Map<string, number>();
    const running = new Set<string>();
    let overlapped = false;
    const done = signal();
    const sources = Array.from({ length: 40 }, (_unused, index) => `source-${index}`);
    const workers: JobQueue[] = [];
    for (let index = 0; index < 2; index += 1) {
      const worker = await open();
      worker.define<string>({
        name: 'poll',
        exclusive: true,
        concurrency: 4,
        run: async (source) => {
          if (running.has(source)) overlapped = true;
          running.add(source);
          await new Promise((resolve) => setImmediate(resolve));
          running.delete(source);
          ran.set(source, (ran.get(source) ?? 0) + 1);
          if ([...ran.values()].reduce((a, b) => a + b, 0) === sources.length) done.resolve();
        },
      });
      workers.push(worker);
    }
    const sender = queues[0] as JobQueue;
    const [one, many] = [sources.slice(0, 10), sources.slice(10)];
    for (const source of one) expect(await sender.send('poll', source, { key: source })).not.toBeNull();
    // Queued already: a second poll of the same feed is not taken, one at a time or in a batch
    // (where a key twice in the batch is taken once).
    expect(await sender.send('poll', 'source-0', { key: 'source-0' })).toBeNull();
    const batch = [...many, 'source-1', many[0] as string].map((source) => ({ data: source, key: source }));
    expect(await sender.sendMany('poll', batch)).toBe(many.length);
    expect(await sender.depth()).toBe(sources.length);
    for (const worker of workers) await worker.start({ work: true });
    await done.promise;
    expect(overlapped).toBe(false);
    expect([...ran.keys()].sort()).toEqual([...sources].sort());
    expect([...ran.values()].every((count) => count === 1)).toBe(true);
  });

  it('retries a failing job and records it as failed once every attempt has failed', async () => {
    const worker = await open();
    let attempts = 0;
    const third = signal();
    worker.define<{ url: string }>({
      name: 'fetch-page',
      retryLimit: 2,
      retryDelaySeconds: 1,
      run: async ({ url }) => {
        attempts += 1;
        if (attempts === 3) setImmediate(third.resolve);
        throw new Error(`cannot fetch ${url}`);
      },
    });
    await worker.start({ work: true });
    await worker.send('fetch-page', { url: 'https://news.example/a' });
    await third.promise;
    let failures = await worker.failures(5);
    while (failures.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      failures = await worker.failures(5);
    }
    expect(attempts).toBe(3);
    expect(failures[0]).toMatchObject({
      name: 'fetch-page',
      data: { url: 'https://news.example/a' },
      error: 'cannot fetch https://news.example/a',
      attempts: 3,
    });
  });
});

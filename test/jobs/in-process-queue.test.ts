import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/jobs/index.ts';
import { createLogger } from '../../src/logger.ts';

const logger = createLogger('silent');

/** A promise and the function that settles it. */
function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('in-process job queue', () => {
  it('runs no more jobs of a name at once than its concurrency', async () => {
    const queue = createInProcessQueue(logger);
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    const all = signal();
    queue.define<number>({
      name: 'work',
      concurrency: 3,
      run: async (value) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        finished.push(value);
        if (finished.length === 10) all.resolve();
      },
    });
    await queue.start({ work: true });
    for (let value = 0; value < 10; value += 1) await queue.send('work', value);
    await all.promise;
    expect(most).toBe(3);
    expect(finished.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await queue.stop();
  });

  it('keeps one exclusive job per key queued or running, and takes the key again once it is done', async () => {
    const queue = createInProcessQueue(logger);
    const release = signal();
    const ran: string[] = [];
    queue.define<string>({
      name: 'poll',
      exclusive: true,
      concurrency: 4,
      run: async (source) => {
        ran.push(source);
        await release.promise;
      },
    });
    await queue.start({ work: true });
    expect(await queue.send('poll', 'a', { key: 'a' })).not.toBeNull();
    expect(await queue.send('poll', 'a', { key: 'a' })).toBeNull();
    expect(await queue.send('poll', 'b', { key: 'b' })).not.toBeNull();
    const batch = ['a', 'c', 'd', 'c'].map((source) => ({ data: source, key: source }));
    expect(await queue.sendMany('poll', batch)).toBe(2);
    release.resolve();
    await queue.stop();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);

    const again = createInProcessQueue(logger);
    const done = signal();
    again.define<string>({ name: 'poll', exclusive: true, run: async () => done.resolve() });
    await again.start({ work: true });
    await again.send('poll', 'a', { key: 'a' });
    await done.promise;
    await again.stop();
  });

  it('retries a failing job with back-off and records it once every attempt has failed', async () => {
    const queue = createInProcessQueue(logger);
    const attempts: number[] = [];
    const recovered = signal();
    let flaky = 0;
    queue.define<string>({
      name: 'flaky',
      retryLimit: 3,
      retryDelaySeconds: 0.005,
      run: async () => {
        flaky += 1;
        if (flaky < 3) throw new Error('model down');
        recovered.resolve();
      },
    });
    const failedForGood = signal();
    queue.define<string>({
      name: 'broken',
      exclusive: true,
      retryLimit: 2,
      retryDelaySeconds: 0.005,
      run: async (value) => {
        attempts.push(attempts.length + 1);
        if (attempts.length === 3) setImmediate(() => failedForGood.resolve());
        throw new Error(`cannot fetch ${value}`);
      },
    });
    await queue.start({ work: true });
    await queue.send('flaky', 'x');
    await queue.send('broken', 'https://feeds.example/rss', { key: 'source-1' });
    await recovered.promise;
    expect(flaky).toBe(3);
    await failedForGood.promise;
    // The failure is recorded after the last attempt's handler returns.
    while ((await queue.failures(10)).length === 0) await new Promise((resolve) => setImmediate(resolve));
    const [failure] = await queue.failures(10);
    expect(attempts).toEqual([1, 2, 3]);
    expect(failure).toMatchObject({
      name: 'broken',
      key: 'source-1',
      data: 'https://feeds.example/rss',
      error: 'cannot fetch https://feeds.example/rss',
      attempts: 3,
    });
    expect(await queue.failures(10)).toHaveLength(1);
    // The key is free again once the job has failed for good.
    expect(await queue.send('broken', 'again', { key: 'source-1' })).not.toBeNull();
    await queue.stop();
  });

  it('fires a schedule only once started with work, and stop waits for the running job', async () => {
    const queue = createInProcessQueue(logger);
    const fired = signal();
    const release = signal();
    let finished = false;
    queue.define({
      name: 'tick',
      exclusive: true,
      run: async () => {
        fired.resolve();
        await release.promise;
        finished = true;
      },
    });
    await queue.schedule('tick', '* * * * * *');
    await queue.start({ work: true });
    await fired.promise;
    // A tick still running swallows the next ones.
    expect(await queue.send('tick', null)).toBeNull();
    expect(await queue.depth()).toBe(0);
    const stopping = queue.stop();
    release.resolve();
    await stopping;
    expect(finished).toBe(true);
  });

  it('holds jobs without running them when started without work, and refuses unknown names', async () => {
    const queue = createInProcessQueue(logger);
    let ran = 0;
    queue.define({ name: 'work', run: async () => void (ran += 1) });
    await queue.start({ work: false });
    await queue.send('work', 1);
    await queue.send('work', 2);
    expect(await queue.depth()).toBe(2);
    await expect(queue.send('nothing', 1)).rejects.toThrow('no job named "nothing"');
    await queue.stop();
    expect(ran).toBe(0);
  });
});

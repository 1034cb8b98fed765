import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSummaryJobs, JOB_NAMES } from '../../src/background.ts';
import { createInProcessQueue } from '../../src/jobs/index.ts';
import { createLlmServices } from '../../src/llm/create-llm-services.ts';
import { createLogger } from '../../src/logger.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { noKeys } from '../support/articles.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { fakeLlmConfig } from '../support/fake-openai-suite.ts';
import { storyWorld } from '../llm/story-world.ts';

const logger = createLogger('silent');
const clock = { now: () => new Date('2026-11-20T12:00:00.000Z') };

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});

describe('per-article summary jobs', () => {
  it('queue one job per article without a summary, retry a failed call and summarise each article once', async () => {
    const store = createSqliteStore(':memory:');
    for (const article of storyWorld(3, 2)) await store.insertArticle(article, noKeys);
    const llm = createLlmServices(fakeLlmConfig(fake.baseURL), { store, reference: loadReferenceIndex(), clock, logger });
    if (llm === undefined) throw new Error('the LLM services should be configured');
    const since = '2026-11-19T00:00:00.000Z';
    const pending = await llm.pendingSummaries({ since, limit: 20 });
    expect(pending.length).toBeGreaterThan(2);
    // The model fails its first two summary calls (HTTP 500): those jobs are retried.
    fake.setFaults((request) => (request.promptId === 'article-summary' && fake.calls('article-summary') <= 2 ? { kind: 'status', status: 500 } : null));

    const done = new Map<string, number>();
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const queue = createInProcessQueue(logger);
    defineSummaryJobs(queue, {
      pending: () => llm.pendingSummaries({ since, limit: 20 }),
      summarise: async (id) => {
        await llm.summariseStored(id);
        done.set(id, (done.get(id) ?? 0) + 1);
        if (done.size === pending.length) finish();
      },
      concurrency: 2,
      retryDelaySeconds: 0.005,
    });
    await queue.start({ work: true });
    await queue.send(JOB_NAMES.summaries, null);
    await finished;
    await queue.stop();

    expect([...done.keys()].sort()).toEqual([...pending].sort());
    expect([...done.values()].every((count) => count === 1)).toBe(true);
    expect(await queue.failures(10)).toEqual([]);
    // Two failed calls, then one successful call per article; nothing is left to summarise.
    expect(fake.calls('article-summary')).toBe(pending.length + 2);
    expect(await llm.pendingSummaries({ since, limit: 20 })).toEqual([]);
    // A deleted or unknown article is nothing to do, not a failure.
    expect(await llm.summariseStored('no-such-article')).toBe(false);
    await store.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/ports/logger.ts';
import { createLlmServices } from '../../src/llm/create-llm-services.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { noKeys } from '../support/articles.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { storyWorld } from './story-world.ts';

const logger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const clock = { now: () => new Date('2026-11-20T12:00:00.000Z') };

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});

describe('the summary backlog', () => {
  it('summarises later what a failed call left out, once', async () => {
    const store = createSqliteStore(':memory:');
    for (const article of storyWorld(3, 2)) await store.insertArticle(article, noKeys);
    const llm = createLlmServices(
      {
        OPENAI_API_KEY: 'k',
        OPENAI_BASE_URL: fake.baseURL,
        LLM_MODEL: 'main-model',
        LLM_RESPONSE_FORMAT: 'json_schema',
        LLM_TIMEOUT_MS: 5_000,
        LLM_MAX_RETRIES: 0,
        LLM_CONCURRENCY: 2,
        LLM_MAX_INPUT_TOKENS: 6_000,
        LLM_DAILY_TOKEN_BUDGET: 0,
        LLM_DEADLINE_MS: 10_000,
      },
      { store, reference: loadReferenceIndex(), clock, logger },
    );
    fake.setFaults((request) => (request.promptId === 'article-summary' && fake.calls('article-summary') <= 2 ? { kind: 'status', status: 500 } : null));
    const since = '2026-11-19T00:00:00.000Z';
    expect(await llm?.summariseBacklog({ since, limit: 4 })).toEqual({ summarised: 2, failed: 2, pending: 4 });
    expect(await llm?.summariseBacklog({ since, limit: 10 })).toEqual({ summarised: 4, failed: 0, pending: 0 });
    expect(await llm?.summariseBacklog({ since, limit: 10 })).toEqual({ summarised: 0, failed: 0, pending: 0 });
    expect(fake.calls('article-summary')).toBe(8);
    await store.close();
  });
});

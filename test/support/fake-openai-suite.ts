import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LlmConfig } from '../../src/config/index.ts';
import type { Store } from '../../src/ports/store.ts';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai.ts';

/**
 * One loopback OpenAI server for a test file: started before the tests, reset after each (with
 * every store the test tracked closed), stopped at the end.
 */
export function fakeOpenAiSuite(): { readonly fake: FakeOpenAi; track<T extends Store>(store: T): T } {
  let server: FakeOpenAi | null = null;
  const stores: Store[] = [];
  beforeAll(async () => {
    server = await startFakeOpenAi();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    server?.reset();
    for (const store of stores.splice(0)) await store.close();
  });
  return {
    get fake() {
      if (server === null) throw new Error('the fake OpenAI server is not started yet');
      return server;
    },
    track(store) {
      stores.push(store);
      return store;
    },
  };
}

/** LLM settings for tests against the fake server at `baseURL`: no retries, no budget, short limits. */
export function fakeLlmConfig(baseURL: string): LlmConfig {
  return {
    OPENAI_API_KEY: undefined,
    OPENAI_BASE_URL: baseURL,
    LLM_MODEL: 'main-model',
    LLM_MODEL_FAST: 'fast-model',
    LLM_RESPONSE_FORMAT: 'json_schema',
    LLM_TIMEOUT_MS: 5_000,
    LLM_MAX_RETRIES: 0,
    LLM_CONCURRENCY: 2,
    LLM_MAX_INPUT_TOKENS: 6_000,
    LLM_DAILY_TOKEN_BUDGET: 0,
    LLM_DEADLINE_MS: 10_000,
  };
}

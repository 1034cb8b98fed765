import { afterAll, afterEach, beforeAll } from 'vitest';
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

// The entry of each engine thread (src/engine/start-engine.ts starts them): it owns one SQLite
// connection and answers the main thread's requests in order. The writer also cleans, analyses and
// stores ingest batches; the reader also composes extractive briefs. See docs/adr/0006-engine-threads.md.
import { setImmediate as yieldToMessages } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractiveBriefWriter } from '../brief/index.ts';
import { type BriefRequest } from '../domain/index.ts';
import { createAnalyzer, ingestArticles, loadReferenceIndex, type ReferenceIndex } from '../pipeline/index.ts';
import type { BriefWriter, Store } from '../ports/index.ts';
import { createSqliteStore } from '../store/index.ts';
import { type EngineRequest, resultsToWire, type ThreadData, type ThreadStarted, toWire } from './wire.ts';

const port = parentPort;
if (port === null) throw new Error('src/engine/engine-thread.ts runs as a worker thread; start it with startEngine');
const { path } = workerData as ThreadData;

let store: Store;
try {
  store = createSqliteStore(path);
} catch (error) {
  port.postMessage({ started: false, error: toWire(error) } satisfies ThreadStarted);
  port.close();
  throw error;
}
port.postMessage({ started: true } satisfies ThreadStarted);

// The reference index (≈26 MB) loads on the first batch or brief: a reader that only queries never loads it.
let reference: ReferenceIndex | null = null;
let analyzer: ReturnType<typeof createAnalyzer> | null = null;
let briefs: BriefWriter | null = null;
const referenceIndex = (): ReferenceIndex => (reference ??= loadReferenceIndex());

/**
 * The store as a batch sees it: before each article's checks the thread lets waiting messages in,
 * so a small write (a Slack replay key) waits for one article's analysis, not for the whole batch.
 */
const batchStore: Store = {
  ...store,
  async findExisting(keys) {
    await yieldToMessages();
    return store.findExisting(keys);
  },
};

async function answer(request: EngineRequest): Promise<unknown> {
  switch (request.kind) {
    case 'store': {
      const method = (store as unknown as Record<string, unknown>)[request.method];
      if (typeof method !== 'function') throw new Error(`the store has no method ${request.method}`);
      return (method as (...args: unknown[]) => Promise<unknown>).apply(store, request.args);
    }
    case 'ingest': {
      analyzer ??= createAnalyzer(referenceIndex());
      const at = new Date(request.at);
      const results = await ingestArticles(request.raws, {
        store: batchStore,
        clock: { now: () => at },
        analyzer,
        owners: request.owners,
        topics: request.topics,
      });
      return resultsToWire(results);
    }
    case 'compose':
      briefs ??= createExtractiveBriefWriter(referenceIndex());
      return briefs.compose(request.request satisfies BriefRequest);
    case 'close':
      await store.close();
      return null;
  }
}

port.on('message', (message: { id: number; request: EngineRequest }) => {
  answer(message.request).then(
    (value) => {
      port.postMessage({ id: message.id, ok: true, value });
      if (message.request.kind === 'close') port.close();
    },
    (error: unknown) => port.postMessage({ id: message.id, ok: false, error: toWire(error) }),
  );
});

// The entry of each engine thread (src/engine/start-engine.ts starts them); it answers the main
// thread's requests. The store thread owns the connection behind the Store port; the ingest thread
// has a connection of its own and cleans, analyses and stores whole batches; the compose thread
// writes offline briefs and opens no database; the query thread runs the read-only commands over a
// read connection it opens on the first of them (command-runner.ts). See docs/adr/0006-engine-threads.md.
import { setImmediate as yieldToMessages } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { BriefWriter, Store } from '../ports/index.ts';
import { createPostgresStore, createSqliteStore } from '../store/index.ts';
import { type CommandRunner, loadCommandRunner } from './command-runner.ts';
import { type EngineRequest, resultsToWire, type ThreadData, type ThreadStarted, toWire } from './wire.ts';

const port = parentPort;
if (port === null) throw new Error('src/engine/engine-thread.ts runs as a worker thread; start it with startEngine');
const { role, database } = workerData as ThreadData;

let store: Store | null = null;
try {
  // The query thread opens its read connection on its first command (command-runner.ts).
  if (role === 'store' || role === 'ingest')
    store =
      database.engine === 'sqlite'
        ? createSqliteStore(database.path)
        : // Ingest transactions wait on commits, not the CPU: as many at once as the store's own pool.
          createPostgresStore(database.url, database.pool);
} catch (error) {
  port.postMessage({ started: false, error: toWire(error) } satisfies ThreadStarted);
  port.close();
  throw error;
}
port.postMessage({ started: true } satisfies ThreadStarted);

function openStore(): Store {
  if (store === null) throw new Error(`the engine's ${role} thread has no database connection`);
  return store;
}

type Ingest = (request: Extract<EngineRequest, { kind: 'ingest' }>) => Promise<unknown>;
// The pipeline and the brief writer (and the ≈26 MB reference index) load in the thread that needs them, on first use.
let ingest: Promise<Ingest> | null = null;
let briefs: Promise<BriefWriter> | null = null;
let commands: Promise<CommandRunner> | null = null;

async function loadIngest(): Promise<Ingest> {
  const { createAnalyzer, ingestArticles, loadReferenceIndex } = await import('../pipeline/index.ts');
  const analyzer = createAnalyzer(loadReferenceIndex());
  const own = openStore();
  // Before each article's checks the thread lets waiting messages in (a second batch, a close).
  const batchStore: Store = {
    ...own,
    async findExisting(keys) {
      await yieldToMessages();
      return own.findExisting(keys);
    },
  };
  return async (request) => {
    const at = new Date(request.at);
    const results = await ingestArticles(request.raws, {
      store: batchStore,
      clock: { now: () => at },
      analyzer,
      owners: request.owners,
      topics: request.topics,
    });
    return resultsToWire(results);
  };
}

async function loadBriefs(): Promise<BriefWriter> {
  const { createExtractiveBriefWriter } = await import('../brief/index.ts');
  const { loadReferenceIndex } = await import('../pipeline/index.ts');
  return createExtractiveBriefWriter(loadReferenceIndex());
}

async function answer(request: EngineRequest): Promise<unknown> {
  switch (request.kind) {
    case 'store': {
      const connection = openStore();
      const method = (connection as unknown as Record<string, unknown>)[request.method];
      if (typeof method !== 'function') throw new Error(`the store has no method ${request.method}`);
      return (method as (...args: unknown[]) => Promise<unknown>).apply(connection, request.args);
    }
    case 'ingest':
      ingest ??= loadIngest();
      return (await ingest)(request);
    case 'compose':
      briefs ??= loadBriefs();
      return (await briefs).compose(request.request);
    case 'command':
      briefs ??= loadBriefs();
      commands ??= loadCommandRunner(database, briefs);
      return (await commands).run(request);
    case 'close':
      await store?.close();
      await (await commands?.catch(() => null))?.close();
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

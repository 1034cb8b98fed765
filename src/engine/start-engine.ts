// The engine: on SQLite, the Store port served by a thread that owns the connection, ingest batches
// cleaned, analysed and stored by a second thread with its own connection (WAL: one writer at a
// time, readers never wait), offline briefs composed by a third. The event loop only routes
// messages, so an interaction is acknowledged at once whatever ingest or a brief is doing
// (docs/adr/0006-engine-threads.md).
import type { Brief, BriefRequest } from '../domain/index.ts';
import type { BatchIngestor } from '../pipeline/index.ts';
import type { BriefWriter, Store } from '../ports/index.ts';
import { startThread, type ThreadClient } from './thread-client.ts';
import { threadStore } from './thread-store.ts';
import type { ThreadRole } from './wire.ts';
import { resultsFromWire, type WireBatchResult } from './wire.ts';

export interface Engine {
  /** The Store port; its close() closes the engine. */
  store: Store;
  /** Ingest batches (clean, analyse, dedupe, store) on the ingest thread. */
  ingest: BatchIngestor;
  /** The offline (extractive) brief writer, on the compose thread. */
  briefs: BriefWriter;
  /** Ends every thread, each after its connection is closed. */
  close(): Promise<void>;
}

/**
 * Starts the store thread (it opens and migrates the SQLite file at `path`); the ingest and compose
 * threads start on their first use, after it, so two threads never migrate at once.
 */
export function startEngine(path: string): Engine {
  const store = startThread({ role: 'store', path });
  const others = new Map<ThreadRole, Promise<ThreadClient>>();
  let closing: Promise<void> | null = null;
  const thread = (role: Exclude<ThreadRole, 'store'>): Promise<ThreadClient> => {
    const known = others.get(role);
    if (known !== undefined) return known;
    // After close() no thread starts again.
    if (closing !== null) return Promise.reject(new Error(`the engine's ${role} thread is closed`));
    const started = store.started.then(() => startThread({ role, path }));
    others.set(role, started);
    return started;
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stops = [...others.values()].map((started) =>
        started.then(
          (client) => client.close(),
          () => undefined,
        ),
      );
      await Promise.all([store.close(), ...stops]);
    })();
    return closing;
  };
  return {
    store: threadStore(store, close),
    ingest: {
      async ingest(raws, options) {
        const results = (await (await thread('ingest')).call({ kind: 'ingest', raws, ...options })) as WireBatchResult[];
        return resultsFromWire(results);
      },
    },
    briefs: {
      async compose(request: BriefRequest): Promise<Brief> {
        return (await (await thread('compose')).call({ kind: 'compose', request })) as Brief;
      },
    },
    close,
  };
}

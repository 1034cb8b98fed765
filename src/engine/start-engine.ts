// The engine: on SQLite, the Store port served by a thread that owns the connection, ingest batches
// cleaned, analysed and stored by a second thread with its own connection (WAL: one writer at a
// time, readers never wait), offline briefs composed by a third. The event loop only routes
// messages, so an interaction is acknowledged at once whatever ingest or a brief is doing
// (docs/adr/0006-engine-threads.md).
import type { Brief, BriefRequest, Reply } from '../domain/index.ts';
import type { CommandContext, CommandSettings, RawOptions } from '../dispatch/index.ts';
import type { BatchIngestor } from '../pipeline/index.ts';
import type { BriefWriter, Store } from '../ports/index.ts';
import { startThread, type ThreadClient } from './thread-client.ts';
import { threadStore } from './thread-store.ts';
import { createPostgresStore } from '../store/index.ts';
import { type EngineDatabase, resultsFromWire, type ThreadRole, type WireBatchResult } from './wire.ts';

export interface Engine {
  /** The Store port; its close() closes the engine. */
  store: Store;
  /** Ingest batches (clean, analyse, dedupe, store) on the ingest thread. */
  ingest: BatchIngestor;
  /** The offline (extractive) brief writer, on the compose thread. */
  briefs: BriefWriter;
  /** Runs a read-only command (by name) on the query thread, as runCommand runs it: its reply, or its error. */
  command(name: string, options: RawOptions, context: CommandContext, settings: CommandSettings): Promise<Reply>;
  /** Ends every thread, each after its connection is closed. */
  close(): Promise<void>;
}

/**
 * On SQLite, starts the store thread (it opens and migrates the file); the ingest and compose
 * threads start on their first use, after it, so two threads never migrate at once. On PostgreSQL
 * the store stays on the main thread (its driver does not block) and only ingest and compose run on
 * threads; the ingest thread has a pool of its own (PostgreSQL migrations take an advisory lock).
 */
export function startEngine(database: EngineDatabase): Engine {
  const storeThread = database.engine === 'sqlite' ? startThread({ role: 'store', database }) : null;
  const mainStore = database.engine === 'postgres' ? createPostgresStore(database.url, database.pool) : null;
  const others = new Map<ThreadRole, Promise<ThreadClient>>();
  let closing: Promise<void> | null = null;
  const thread = (role: Exclude<ThreadRole, 'store'>): Promise<ThreadClient> => {
    const known = others.get(role);
    if (known !== undefined) return known;
    // After close() no thread starts again.
    if (closing !== null) return Promise.reject(new Error(`the engine's ${role} thread is closed`));
    const started = (storeThread?.started ?? Promise.resolve()).then(() => startThread({ role, database }));
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
      await Promise.all([storeThread?.close(), mainStore?.close(), ...stops]);
    })();
    return closing;
  };
  return {
    store: storeThread === null ? { ...(mainStore as Store), close } : threadStore(storeThread, close),
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
    async command(name, options, context, settings) {
      return (await (await thread('query')).call({ kind: 'command', name, options, context, settings })) as Reply;
    },
    close,
  };
}

// The engine: a SQLite store whose connections live on two worker threads, ingest batches run on the
// writer and extractive briefs composed on the reader, so the event loop only routes messages and
// an interaction is acknowledged at once whatever ingest or a brief is doing (docs/adr/0006-engine-threads.md).
import type { BriefRequest, Brief } from '../domain/index.ts';
import type { BatchIngestor } from '../pipeline/index.ts';
import type { BriefWriter, Store } from '../ports/index.ts';
import { startThread, type ThreadClient } from './thread-client.ts';
import { threadStore } from './thread-store.ts';
import { resultsFromWire, type WireBatchResult } from './wire.ts';

export interface Engine {
  /** The Store port; its close() closes both threads. */
  store: Store;
  /** Ingest batches (clean, analyse, dedupe, store) on the writer thread. */
  ingest: BatchIngestor;
  /** The offline brief writer, on the reader thread. */
  briefs: BriefWriter;
  close(): Promise<void>;
}

/**
 * Starts the writer thread (it opens and migrates the SQLite file at `path`), then the reader once
 * the writer is up, so two threads never migrate at once. Calls made before then wait.
 */
export function startEngine(path: string): Engine {
  const writer = startThread({ role: 'writer', path });
  let reader: Promise<ThreadClient> | null = null;
  const readerThread = (): Promise<ThreadClient> => {
    reader ??= writer.started.then(() => startThread({ role: 'reader', path }));
    return reader;
  };
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const started = reader;
      await Promise.all([
        writer.close(),
        started?.then(
          (thread) => thread.close(),
          () => undefined,
        ),
      ]);
    })();
    return closing;
  };
  return {
    store: threadStore({ writer, reader: readerThread }, close),
    ingest: {
      async ingest(raws, options) {
        const results = (await writer.call({ kind: 'ingest', raws, ...options })) as WireBatchResult[];
        return resultsFromWire(results);
      },
    },
    briefs: {
      async compose(request: BriefRequest): Promise<Brief> {
        return (await (await readerThread()).call({ kind: 'compose', request })) as Brief;
      },
    },
    close,
  };
}

// One engine thread seen from the main thread: requests numbered and answered by promise; a thread
// that fails to start, crashes or exits rejects what was waiting, and every later call, with why.
import module from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type EngineAnswer, type EngineRequest, fromWire, type ThreadData, type ThreadStarted } from './wire.ts';

const ENTRY = new URL('./engine-thread.ts', import.meta.url);

/**
 * The thread's environment: the process's, plus NODE_COMPILE_CACHE when this thread has the compile cache on
 * (bin/market-brief.js turns it on). module.enableCompileCache() applies to the thread that calls it only, and
 * without the cache each engine thread loaded Node's TypeScript stripper (≈19 MB) to strip every module again.
 */
function threadEnvironment(): NodeJS.ProcessEnv {
  const cache = module.getCompileCacheDir?.();
  // The directory Node reports is a per-version folder inside the one that was asked for.
  return cache === undefined ? process.env : { ...process.env, NODE_COMPILE_CACHE: dirname(cache) };
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface ThreadClient {
  /** Resolves once the thread's connection is open and migrated; rejects when it could not start. */
  readonly started: Promise<void>;
  call(request: EngineRequest): Promise<unknown>;
  /** Closes the thread's connection and waits for the thread to end. */
  close(): Promise<void>;
}

export function startThread(data: ThreadData): ThreadClient {
  const worker = new Worker(ENTRY, { workerData: data, name: `market-brief ${data.role}`, env: threadEnvironment() });
  const waiting = new Map<number, Waiting>();
  let next = 1;
  let stopped: Error | null = null;
  let closing: Promise<void> | null = null;
  // Idle, the thread does not keep the process alive; while a call waits, it does.
  worker.unref();

  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const stop = (reason: Error): void => {
    stopped ??= reason;
    for (const pending of waiting.values()) pending.reject(reason);
    waiting.clear();
  };

  const started = new Promise<void>((resolve, reject) => {
    worker.once('message', (message: ThreadStarted) => {
      if (message.started) {
        worker.on('message', (answer: EngineAnswer) => {
          const pending = waiting.get(answer.id);
          if (pending === undefined) return;
          waiting.delete(answer.id);
          if (waiting.size === 0) worker.unref();
          if (answer.ok) pending.resolve(answer.value);
          else pending.reject(fromWire(answer.error));
        });
        resolve();
        return;
      }
      const error = fromWire(message.error);
      stop(error);
      reject(error);
    });
    worker.once('error', (error: unknown) => {
      const reason = new Error(`the engine's ${data.role} thread failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      stop(reason);
      reject(reason);
    });
    worker.once('exit', (code) => {
      // Asked to close, the thread ends itself: a later call is told it is closed, not that it stopped.
      const reason =
        closing === null
          ? new Error(`the engine's ${data.role} thread has stopped (exit code ${code})`)
          : new Error(`the engine's ${data.role} thread is closed`);
      stop(reason);
      reject(reason);
    });
  });
  // A failed start is reported to each caller; this only keeps it from being an unhandled rejection.
  started.catch(() => undefined);

  function call(request: EngineRequest): Promise<unknown> {
    if (stopped !== null) return Promise.reject(stopped);
    const id = next;
    next += 1;
    return new Promise((resolve, reject) => {
      try {
        worker.postMessage({ id, request });
      } catch (error) {
        // Something that cannot be copied to a thread (a function): a bug of the caller's, said plainly.
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve, reject });
    });
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      if (stopped === null) {
        try {
          await call({ kind: 'close' });
        } catch {
          // It stopped on its own meanwhile: nothing left to close.
        }
      }
      stop(new Error(`the engine's ${data.role} thread is closed`));
      await worker.terminate();
      await exited;
    })();
    return closing;
  }

  return { started, call, close };
}

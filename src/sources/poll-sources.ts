import pLimit from 'p-limit';
import type { Source } from '../domain/index.ts';
import type { PollSummary } from '../ports/index.ts';
import { type PollDependencies, pollSource } from './poll-source.ts';
import { type Scheduler, startScheduler } from '../jobs/index.ts';

export interface SourcePollingDependencies extends PollDependencies {
  /** Most sources polled at once (network requests are further capped by the fetcher). */
  maxInFlight: number;
}

/**
 * Polls every due source (or every active one with `all`) and waits for them all; one source's
 * failure is recorded on that source and never stops the others. For `market-brief feeds poll`.
 */
export async function pollSources(dependencies: SourcePollingDependencies, options: { all?: boolean; ids?: string[] } = {}): Promise<PollSummary[]> {
  let sources: Source[];
  if (options.ids !== undefined && options.ids.length > 0) {
    const found = await Promise.all(options.ids.map((id) => dependencies.store.getSource(id)));
    sources = found.filter((source): source is Source => source !== null);
  } else if (options.all === true) {
    sources = (await dependencies.store.listSources()).filter((source) => !source.paused);
  } else {
    sources = await dependencies.store.dueSources(dependencies.clock.now().toISOString(), 10_000);
  }
  const limit = pLimit(dependencies.maxInFlight);
  return Promise.all(sources.map((source) => limit(() => pollSource(source, dependencies))));
}

/**
 * Polls one source by id, as a feed-poll job does: a source deleted or paused since the job was
 * queued is left alone. Failures are recorded on the source (and back it off), never thrown.
 */
export async function pollSourceById(id: string, dependencies: PollDependencies): Promise<PollSummary | null> {
  const source = await dependencies.store.getSource(id);
  if (source === null || source.paused) return null;
  return pollSource(source, dependencies);
}

/** The ids of the sources due now, oldest due first, for the minute tick to queue. */
export async function dueSourceIds(dependencies: PollDependencies, limit: number): Promise<string[]> {
  return (await dependencies.store.dueSources(dependencies.clock.now().toISOString(), limit)).map((source) => source.id);
}

export interface SourcePoller {
  /** Starts the due sources not already being polled; resolves once they are started, not finished. */
  tick(): Promise<number>;
  /** Resolves when every poll started so far has finished. */
  idle(): Promise<void>;
}

/**
 * The bot's feed poller: each tick starts the due sources that are not already being polled and
 * returns without waiting for them, so a slow or hostile feed (up to FETCH_TIMEOUT_MS per request)
 * never holds back the schedule of the others.
 */
export function createSourcePoller(dependencies: SourcePollingDependencies): SourcePoller {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    async tick() {
      const free = dependencies.maxInFlight - inFlight.size;
      if (free <= 0) return 0;
      const due = await dependencies.store.dueSources(dependencies.clock.now().toISOString(), free + inFlight.size);
      const started = due.filter((candidate) => !inFlight.has(candidate.id)).slice(0, free);
      for (const source of started) {
        const poll = pollSource(source, dependencies)
          .catch((error: unknown) => dependencies.logger.error({ err: error, source: source.id }, 'feed poll crashed'))
          .finally(() => inFlight.delete(source.id));
        inFlight.set(source.id, poll);
      }
      return started.length;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight.values());
    },
  };
}

/** Runs the poller on the scheduler's one-minute tick; `stop()` waits for polls in flight. */
export function startSourcePolling(dependencies: SourcePollingDependencies): Scheduler {
  const poller = createSourcePoller(dependencies);
  const scheduler = startScheduler(() => poller.tick(), dependencies.logger);
  return {
    async stop() {
      await scheduler.stop();
      await poller.idle();
    },
  };
}

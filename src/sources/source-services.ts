import type { IngestServices } from '../pipeline/index.ts';
import type { Clock, Logger, SourceActions, Store } from '../ports/index.ts';
import type { SourcePollingDependencies } from './poll-sources.ts';
import type { SourceNotifier, StoredHook } from './poll-source.ts';
import { createSafeFetcher, type Fetcher, type FetcherDependencies, fetcherSettings } from './fetch/index.ts';
import { createSourceActions } from './source-actions.ts';
import type { SourceSettings } from '../config/index.ts';

export interface SourceServices {
  fetcher: Fetcher;
  /** For CommandServices: /source and /summarize. */
  actions: SourceActions;
  /** For startSourcePolling / pollSources. */
  polling: SourcePollingDependencies;
}

/**
 * Builds the one safe fetcher and everything feeds need from the settings. `notify` reaches the
 * channel that added a source when it is paused; `onStored` sees each poll's new articles.
 */
export function createSourceServices(
  settings: SourceSettings,
  app: { store: Store; clock: Clock; logger: Logger; ingest: IngestServices },
  extras: { notify?: SourceNotifier; onStored?: StoredHook; fetcher?: Fetcher; fetcherDependencies?: FetcherDependencies } = {},
): SourceServices {
  const fetcher = extras.fetcher ?? createSafeFetcher(fetcherSettings(settings), extras.fetcherDependencies);
  const pollSettings = { maxFailures: settings.FEED_MAX_FAILURES, pageFetches: settings.FEED_PAGE_FETCHES, maxBytes: settings.FETCH_MAX_BYTES };
  const shared = { store: app.store, clock: app.clock, logger: app.logger, ingest: app.ingest, fetcher, notify: extras.notify, onStored: extras.onStored };
  return {
    fetcher,
    actions: createSourceActions({ ...shared, settings: { ...pollSettings, intervalMinutes: settings.FEED_POLL_MINUTES } }),
    polling: { ...shared, settings: pollSettings, maxInFlight: Math.max(4, settings.FETCH_CONCURRENCY * 2) },
  };
}

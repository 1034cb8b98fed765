import { z } from 'zod';
import type { Article } from '../../src/domain/article.ts';
import type { Analyzer } from '../../src/pipeline/understand/analyze.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { Source } from '../../src/domain/source.ts';
import type { Store } from '../../src/ports/store.ts';
import type { StoredHook } from '../../src/sources/poll-source.ts';
import { createSourceServices, type SourceServices } from '../../src/sources/source-services.ts';
import { sourceSettings } from '../../src/config/sources.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { resolveFrom } from './fetch/fetch-harness.ts';

export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Analysis is not what these tests are about: every article is neutral with no entities or topics of its own. */
export const plainAnalyzer: Analyzer = { analyze: () => ({ entities: [], topics: [], sentiment: { label: 'neutral', score: 0 } }) };

export interface Harness extends SourceServices {
  store: Store;
  /** Moves the fake clock on. */
  advance(minutes: number): void;
  now(): Date;
  notices: Array<{ source: Source; message: string }>;
  storedBatches: Array<{ articles: Article[]; baseline: boolean; sourceId: string }>;
  addedBy: Source['addedBy'];
  articleCount(): Promise<number>;
}

/** A store in memory, a fake clock, and the real source services on a fetcher allowed to reach 127.0.0.1 only. */
export function makeHarness(environment: Record<string, string> = {}, resolveTable: Record<string, string> = {}): Harness {
  const settings = z.object(sourceSettings).parse({
    FETCH_ALLOW_HOSTS: '127.0.0.1',
    FETCH_HOST_INTERVAL_MS: '0',
    FETCH_TIMEOUT_MS: '2000',
    FETCH_MAX_BYTES: String(1024 * 1024),
    ...environment,
  });
  const store = createSqliteStore(':memory:');
  let now = new Date('2026-11-20T08:00:00.000Z');
  const clock = { now: () => now };
  const notices: Harness['notices'] = [];
  const storedBatches: Harness['storedBatches'] = [];
  const onStored: StoredHook = async (articles, origin) => void storedBatches.push({ articles, baseline: origin.baseline, sourceId: origin.source.id });
  const services = createSourceServices(
    settings,
    { store, clock, logger: silentLogger, ingest: { store, clock, analyzer: plainAnalyzer } },
    { notify: async (source, message) => void notices.push({ source, message }), onStored, fetcherDependencies: { resolve: resolveFrom(resolveTable) } },
  );
  return {
    ...services,
    store,
    advance: (minutes) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    now: () => now,
    notices,
    storedBatches,
    addedBy: { platform: 'test', workspaceId: 'T1', channelId: 'C1', userId: 'U1' },
    articleCount: () => store.countArticles(),
  };
}

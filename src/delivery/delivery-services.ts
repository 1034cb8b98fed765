import type { BriefOptions, BriefScope } from '../brief/index.ts';
import type { Clock, Logger, Metrics, Publisher, Store } from '../ports/index.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';
import type { Brief } from '../domain/index.ts';

export interface DeliverySettings {
  /** Hours of news a scheduled brief covers. */
  windowHours: number;
  /** A slot missed while the bot was down is still posted within this many minutes, else skipped. */
  graceMinutes: number;
  /** A claim not confirmed within this many minutes belonged to a process that died: take it over. */
  leaseMinutes: number;
  /** Posts attempted per delivery before it is given up (a recovered claim counts again). */
  maxAttempts: number;
  /** Alerts: at most this many messages per channel per window; the rest folds into one. */
  alertLimit: number;
  alertWindowMinutes: number;
  /** Alerts: only articles at least this important (0…1). */
  alertMinImportance: number;
  /** Posts in flight at once per platform; the SDKs queue rate limits behind it. */
  postConcurrency: number;
}

export interface DeliveryServices {
  store: Store;
  reference: ReferenceIndex;
  clock: Clock;
  logger: Logger;
  /** Publishers of the platforms this process runs, by platform name. */
  publishers: ReadonlyMap<string, Publisher>;
  settings: DeliverySettings;
  /** Counts deliveries by platform and result, and the lag after the slot (`GET /metrics`). */
  metrics?: Metrics | undefined;
  /** Composes a brief (defaults to briefForScope: the LLM path when configured). */
  compose(scope: BriefScope, options: BriefOptions): Promise<Brief>;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  windowHours: 24,
  graceMinutes: 30,
  leaseMinutes: 10,
  maxAttempts: 3,
  alertLimit: 3,
  alertWindowMinutes: 15,
  alertMinImportance: 0.5,
  postConcurrency: 8,
};

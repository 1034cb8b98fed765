import { commands } from '../commands/index.ts';
import { createAnalyzer } from './core/analyze.ts';
import type { CommandServices } from './core/command.ts';
import type { IngestServices } from './core/ingest.ts';
import type { LlmServices } from './core/llm-services.ts';
import type { Clock, Logger, Store } from './core/ports.ts';
import type { ReferenceIndex } from './core/reference.ts';
import { sqlitePath, type Config } from './config.ts';
import { createLlmServices } from './llm/create-llm-services.ts';
import { createUsageReport, type UsageReport } from './llm/usage-report.ts';
import { createLogger } from './logger.ts';
import { loadReferenceIndex } from './reference/load-reference.ts';
import { createSqliteStore } from './store/sqlite/sqlite-store.ts';

/** Everything a running bot or a CLI command needs, built once from the config. */
export interface App {
  config: Config;
  store: Store;
  reference: ReferenceIndex;
  clock: Clock;
  logger: Logger;
  ingest: IngestServices;
  commands: CommandServices;
  /** The language model's services; undefined offline (no OPENAI_API_KEY or OPENAI_BASE_URL). */
  llm: LlmServices | undefined;
  /** LLM token accounting for `market-brief usage` and /usage. */
  usage(days: number): Promise<UsageReport>;
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export function createApp(config: Config, overrides: { clock?: Clock; logger?: Logger } = {}): App {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const store = createSqliteStore(sqlitePath(config.DATABASE_URL));
  const reference = loadReferenceIndex();
  const analyzer = createAnalyzer(reference);
  const llm = createLlmServices(config, { store, reference, clock, logger });
  const usage = createUsageReport(config, store, clock);
  return {
    config,
    store,
    reference,
    clock,
    logger,
    ingest: { store, clock, analyzer },
    llm,
    usage,
    commands: {
      llm,
      usage,
      store,
      reference,
      clock,
      logger,
      commands,
      settings: {
        defaultTimezone: config.DEFAULT_TIMEZONE,
        defaultBriefTime: config.DEFAULT_BRIEF_TIME,
        briefWindowHours: config.BRIEF_WINDOW_HOURS,
      },
    },
    close: () => store.close(),
  };
}

import { commands } from '../commands/index.ts';
import { createAnalyzer, deferredReferenceIndex, type IngestServices, loadReferenceIndex, type ReferenceIndex } from './pipeline/index.ts';
import type { Command, CommandServices, CommandSettings } from './dispatch/index.ts';
import type { AnswerWriter, BriefWriter, Clock, Logger, Store, Writers } from './ports/index.ts';
import { createExtractiveBriefWriter, quotingAnswerWriter } from './brief/index.ts';
import { type Config, isPostgresUrl, sqlitePath } from './config/index.ts';
import { createLlmServices, createUsageReport, type LlmServices, type UsageReport } from './llm/index.ts';
import { createMetricsRelay, type MetricsRelay } from './http/index.ts';
import { createLogger } from './logger.ts';
import { createPostgresStore, createSqliteStore } from './store/index.ts';
import { type Engine, type EngineDatabase, startEngine } from './engine/index.ts';

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
  /** The brief writer in use: the model's, or the offline one. */
  briefs: BriefWriter;
  /** The answer writer in use: the model's, or the offline one. */
  answers: AnswerWriter;
  /** Counts for `GET /metrics`: dropped until a serving process points them at Prometheus (main.ts). */
  metrics: MetricsRelay;
  /** LLM token accounting for `market-brief usage` and /usage. */
  usage(days: number): Promise<UsageReport>;
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The store DATABASE_URL names: PostgreSQL for postgres:// URLs (connected and migrated on first
 * use, so this stays synchronous), else the SQLite file.
 */
export function openStore(config: Config): Store {
  if (!isPostgresUrl(config.DATABASE_URL)) return createSqliteStore(sqlitePath(config.DATABASE_URL));
  return createPostgresStore(config.DATABASE_URL, {
    max: config.DATABASE_POOL_MAX,
    idleMs: config.DATABASE_IDLE_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
}

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /**
   * Keep database work, ingest analysis and offline briefs off the event loop (a serving process):
   * they run on the engine's threads (src/engine). On PostgreSQL the store stays on the main thread
   * (its driver is asynchronous); ingest batches and offline briefs still run on threads.
   */
  threads?: boolean;
  /**
   * Load the reference index at once (a bot serving a platform: autocomplete and its first command do not
   * wait for it) rather than on its first use; by default, when `threads` is on.
   */
  referenceAtStart?: boolean;
}

/** Read-only commands that use no writer: run on the engine whatever writes briefs and answers. */
const READ_COMMANDS = new Set(['company', 'topics']);
/** Read-only commands that write with the brief or answer writer: on the engine when both are the offline ones. */
const WRITING_COMMANDS = new Set(['market', 'ask', 'brief']);

/**
 * The registry with the read-only commands' `run` sent to the engine's query thread, so their
 * CPU (reading and ranking up to hundreds of articles) never holds the event loop. A model's
 * writers stay on the main thread (their work is waiting on the network), so with a model only the
 * commands that write nothing move. A test's own clock keeps everything here.
 */
function onTheEngine(registry: readonly Command[], engine: Engine, settings: CommandSettings, offline: boolean): readonly Command[] {
  return registry.map((command) =>
    READ_COMMANDS.has(command.name) || (offline && WRITING_COMMANDS.has(command.name))
      ? { ...command, run: (options, context) => engine.command(command.name, options, context, settings) }
      : command,
  );
}

function engineDatabase(config: Config): EngineDatabase {
  if (!isPostgresUrl(config.DATABASE_URL)) return { engine: 'sqlite', path: sqlitePath(config.DATABASE_URL) };
  const pool = { max: config.DATABASE_POOL_MAX, idleMs: config.DATABASE_IDLE_MS, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS };
  return { engine: 'postgres', url: config.DATABASE_URL, pool };
}

export function createApp(config: Config, overrides: AppOptions = {}): App {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL ?? 'info');
  const clock = overrides.clock ?? systemClock;
  const engine = overrides.threads === true ? startEngine(engineDatabase(config)) : null;
  const store = engine?.store ?? openStore(config);
  // A CLI command loads the reference only if it looks an entity up (`topics` never does).
  const reference = (overrides.referenceAtStart ?? overrides.threads === true) ? loadReferenceIndex() : deferredReferenceIndex(() => loadReferenceIndex());
  const analyzer = createAnalyzer(reference);
  const metrics = createMetricsRelay();
  const llm = createLlmServices(config, { store, reference, clock, logger, metrics });
  // Offline and LLM writing are two implementations of the same ports; the model's fall back to the offline ones.
  const writers: Writers = llm?.writers ?? { briefs: engine?.briefs ?? createExtractiveBriefWriter(reference), answers: quotingAnswerWriter };
  const usage = createUsageReport(config, store, clock);
  const settings: CommandSettings = {
    defaultTimezone: config.DEFAULT_TIMEZONE,
    defaultBriefTime: config.DEFAULT_BRIEF_TIME,
    briefWindowHours: config.BRIEF_WINDOW_HOURS,
  };
  return {
    config,
    store,
    reference,
    clock,
    logger,
    ingest: { store, clock, analyzer, offload: engine?.ingest },
    llm,
    metrics,
    ...writers,
    usage,
    commands: {
      ...writers,
      usage,
      store,
      reference,
      clock,
      logger,
      commands: engine !== null && overrides.clock === undefined ? onTheEngine(commands, engine, settings, llm === undefined) : commands,
      settings,
    },
    close: () => store.close(),
  };
}

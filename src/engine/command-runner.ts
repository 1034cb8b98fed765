// The read-only commands on the query thread: /company, /market, /ask, /topics and /brief read
// the store and rank sentences for up to hundreds of articles, which held the event loop (and every
// acknowledgement behind it) for up to ~200 ms. Here they run as runCommand would run them on the
// main thread, through the same tenant view of the store, over a read connection of the thread's
// own; only the request and the reply cross. A thread of their own, not the compose thread, so an
// answer does not wait behind a scheduled brief. Loaded on the first command.
import type { Reply } from '../domain/index.ts';
import type { Command, CommandServices } from '../dispatch/index.ts';
import type { BriefWriter, Store } from '../ports/index.ts';
import { actingFor, ownerOf, viewAs } from '../ports/index.ts';
import type { EngineDatabase, EngineRequest } from './wire.ts';

export interface CommandRunner {
  run(request: Extract<EngineRequest, { kind: 'command' }>): Promise<Reply>;
  close(): Promise<void>;
}

/** A small pool is enough on PostgreSQL: commands on this thread run one at a time. */
const COMMAND_POOL = { max: 2, idleMs: 30_000, connectTimeoutMs: 10_000 };

export async function loadCommandRunner(database: EngineDatabase, briefs: Promise<BriefWriter>): Promise<CommandRunner> {
  // The composition root's imports, on this thread: the command registry and what it needs.
  const [{ commands }, { quotingAnswerWriter }, { loadReferenceIndex }, { createPostgresStore, createSqliteStore }, { createLogger }] = await Promise.all([
    import('../../commands/index.ts'),
    import('../brief/index.ts'),
    import('../pipeline/index.ts'),
    import('../store/index.ts'),
    import('../logger.ts'),
  ]);
  const store: Store =
    database.engine === 'sqlite' ? createSqliteStore(database.path) : createPostgresStore(database.url, { ...database.pool, ...COMMAND_POOL });
  const base: Omit<CommandServices, 'settings'> = {
    store,
    reference: loadReferenceIndex(),
    clock: { now: () => new Date() },
    // Failures travel back to the main thread, which logs them with their reference (runCommand).
    logger: createLogger('warn'),
    commands,
    briefs: await briefs,
    answers: quotingAnswerWriter,
  };
  const byName = new Map<string, Command>(commands.map((command) => [command.name, command]));
  return {
    async run({ name, options, context, settings }) {
      const command = byName.get(name);
      if (command === undefined) throw new Error(`no command /${name} on the query thread`);
      const owner = ownerOf(context);
      return actingFor(owner, () => command.run(options, context, { ...base, settings, store: viewAs(store, owner) }));
    },
    close: () => store.close(),
  };
}

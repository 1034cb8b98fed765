import module from 'node:module';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { App } from './app.ts';
import { type CliIo, COMMAND_HELP, endQuietlyOnClosedOutput, formatHelp, formatOverview, processIo, wantsHelp } from './cli/index.ts';
import { type Config, ConfigError, loadConfig } from './config/index.ts';
import { isUserFacing } from './domain/index.ts';
import { createLogger } from './logger.ts';
import { isSlackConfigured, readDiscordCredentials } from './platforms/index.ts';

// Compiled modules are cached on disk (node_modules/.cache or the OS temp dir): later starts skip parsing.
module.enableCompileCache?.();

const QUERY_COMMANDS = new Set(['company', 'market', 'ask', 'topics']);
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** True for `start` with Discord or Slack credentials: a bot serving a platform, not the shell bot. */
function servesPlatform(command: string, config: Config): boolean {
  return command === 'start' && (readDiscordCredentials(config) !== null || isSlackConfigured(config));
}

/**
 * The log level of a run: LOG_LEVEL when set; else `info` for a bot serving Discord or Slack and
 * `warn` for every other command. The shell bot shares the terminal with its replies, so it logs
 * warnings and errors only, whatever LOG_LEVEL says, unless that is debug or trace.
 */
export function logLevelFor(command: string, config: Config): string {
  const serving = servesPlatform(command, config);
  const level = config.LOG_LEVEL ?? (serving ? 'info' : 'warn');
  if (command === 'start' && !serving && level !== 'debug' && level !== 'trace') return LEVELS.indexOf(level) < LEVELS.indexOf('warn') ? 'warn' : level;
  return level;
}

/** One line for whatever stopped a command: the message, never a stack (LOG_LEVEL=debug adds it). */
function report(error: unknown, command: string, io: CliIo): number {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  if (error instanceof ConfigError) {
    io.stderr.write(`market-brief: invalid configuration: ${error.problems.join('; ')}\n`);
    return 2;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    // Node's text ("Unknown option '--x'. To specify a positional argument …"): its first sentence.
    const first = (error as Error).message.split(/\.\s/)[0] ?? '';
    io.stderr.write(`market-brief: ${oneLine(first.charAt(0).toLowerCase() + first.slice(1))}; market-brief ${command} --help lists the options\n`);
    return 2;
  }
  if (isUserFacing(error)) {
    io.stderr.write(`market-brief: ${oneLine(error.message)}\n`);
    return 2;
  }
  const reference = randomUUID().slice(0, 8);
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`market-brief: unexpected error (reference ${reference}): ${oneLine(message)}\n`);
  const level = io.env['LOG_LEVEL'];
  if ((level === 'debug' || level === 'trace') && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  return 1;
}

/**
 * Each command's code is imported when it runs: `topics` or `ingest` never loads discord.js,
 * Bolt, the bot's scheduler or the holiday tables, which only `start` and `sync` need.
 */
async function run(command: string, argv: string[], io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const withApp = async (work: (app: App) => Promise<number>): Promise<number> => {
    const { createApp } = await import('./app.ts');
    // A serving process keeps its event loop free: the store and ingest run on the engine's threads.
    // A bot serving a platform loads the reference index at start (autocomplete and its first command do not
    // wait for it); the shell bot, whose read commands run on the engine, loads it where a command first needs it.
    const app = createApp(config, {
      logger: createLogger(logLevelFor(command, config), { stream: io.stderr }),
      threads: command === 'start',
      referenceAtStart: servesPlatform(command, config),
    });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  };
  if (command === 'start') {
    const { parseStartRole } = await import('./cli/start-command.ts');
    const role = parseStartRole(argv);
    const { checkRole, start } = await import('./main.ts');
    checkRole(role, config.DATABASE_URL);
    return withApp((app) => start(app, { input: io.stdin, output: io.stdout, role }));
  }
  if (command === 'ingest') {
    const { ingestCommand } = await import('./cli/ingest-command.ts');
    return withApp((app) => ingestCommand(argv, app, io));
  }
  if (command === 'brief') {
    const { briefCommand } = await import('./cli/brief-command.ts');
    return withApp((app) => briefCommand(argv, app, io));
  }
  if (command === 'sync') return (await import('./cli/sync-command.ts')).syncCommand(argv, config, io.stdout);
  if (command === 'render')
    return (await import('./cli/render-command.ts')).renderCommand(argv, { maxBytes: config.MAX_INPUT_BYTES, stdin: io.stdin, output: io.stdout });
  if (command === 'manifest') return (await import('./cli/manifest-command.ts')).manifestCommand(argv, io.stdout);
  if (command === 'deliveries') {
    const { deliveriesCommand } = await import('./cli/deliveries-command.ts');
    return withApp((app) => deliveriesCommand(argv, app, io));
  }
  if (command === 'feeds') {
    const { feedsCommand } = await import('./cli/feeds-command.ts');
    return withApp((app) => feedsCommand(argv, app, io));
  }
  if (command === 'usage') {
    const { usageCommand } = await import('./cli/usage-command.ts');
    return withApp((app) => usageCommand(argv, app, io));
  }
  if (QUERY_COMMANDS.has(command)) {
    const { queryCommand } = await import('./cli/query-command.ts');
    return withApp((app) => queryCommand(command, argv, app, io));
  }
  throw new Error(`command ${command} has help but no handler`);
}

/**
 * Runs the CLI and returns the exit status: 0 done, 1 the work failed (an input, a feed, a query),
 * 2 bad usage or settings. Results go to stdout; errors (one line each) and logs to stderr.
 * Never throws.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(formatOverview());
    return 2;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    const help = rest[0] === undefined ? undefined : COMMAND_HELP[rest[0]];
    io.stdout.write(help === undefined ? formatOverview() : formatHelp(help));
    return 0;
  }
  const help = Object.hasOwn(COMMAND_HELP, command) ? COMMAND_HELP[command] : undefined;
  if (help === undefined) {
    io.stderr.write(`market-brief: unknown command "${command}"; market-brief --help lists the commands\n`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(formatHelp(help));
    return 0;
  }
  try {
    return await run(command, rest, io);
  } catch (error) {
    return report(error, command, io);
  }
}

/** The process entry (bin/market-brief.js, `node src/cli.ts`): a closed stdout ends the run quietly. */
export async function runAsProcess(): Promise<void> {
  endQuietlyOnClosedOutput();
  process.exitCode = await main(process.argv.slice(2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAsProcess();

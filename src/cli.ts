import { pathToFileURL } from 'node:url';
import { type App, createApp } from './app.ts';
import { BRIEF_USAGE, briefCommand, DELIVERIES_USAGE, deliveriesCommand, FEEDS_USAGE, feedsCommand, INGEST_USAGE, ingestCommand, MANIFEST_USAGE, manifestCommand, queryCommand, RENDER_USAGE, renderCommand, SYNC_USAGE, syncCommand, USAGE_USAGE, usageCommand } from './cli/index.ts';
import { ConfigError, loadConfig } from './config/index.ts';
import { isUserFacing } from './domain/index.ts';
import { start } from './main.ts';

const USAGE = `usage: market-brief <command> [options]

  start                                   run the bot (the shell bot when no Discord/Slack credentials are set)
  ${INGEST_USAGE}
                                          ingest articles: text, HTML, JSON, RSS/Atom; --json prints one object per article
  ${BRIEF_USAGE}
  company <name or ticker>                what has been read about a company
  market <index, exchange or region>      what has been read about a market
  ask "<question>"                        an answer from stored articles, with sources
  topics                                  the topic taxonomy with recent counts
  ${FEEDS_USAGE}
                                          news feeds: add (stores current items, shows the latest), list, poll now, errors
  ${DELIVERIES_USAGE}
                                          scheduled briefs and alerts: what was posted where and when
  ${MANIFEST_USAGE}
                                          print the Slack app manifest (YAML) with the commands, scopes and URLs
  ${SYNC_USAGE}
                                          register the slash commands with Discord and print what changed
  ${RENDER_USAGE}
                                          print the exact message payloads a brief (JSON) would be posted as
  ${USAGE_USAGE}
                                          LLM calls, cache hits, tokens and estimated cost per day

Settings come from the environment or .env; see .env.example.`;

const QUERY_COMMANDS = new Set(['company', 'market', 'ask', 'topics']);

async function withApp(work: (app: App) => Promise<number>): Promise<number> {
  const app = createApp(loadConfig());
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Runs the CLI and returns the exit status; never throws for bad input or config. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'start') return await withApp((app) => start(app, { input: process.stdin, output: process.stdout }));
    if (command === 'ingest') return await withApp((app) => ingestCommand(rest, app));
    if (command === 'brief') return await withApp((app) => briefCommand(rest, app));
    if (command === 'sync') return await syncCommand(rest, loadConfig());
    if (command === 'render') return await renderCommand(rest, { maxBytes: loadConfig().MAX_INPUT_BYTES });
    if (command === 'manifest') return manifestCommand(rest);
    if (command === 'deliveries') return await withApp((app) => deliveriesCommand(rest, app));
    if (command === 'feeds') return await withApp((app) => feedsCommand(rest, app));
    if (command === 'usage') return await withApp((app) => usageCommand(rest, app));
    if (QUERY_COMMANDS.has(command)) return await withApp((app) => queryCommand(command, rest, app));
    process.stderr.write(`market-brief: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`market-brief: ${error.message}\n`);
      return 2;
    }
    if (isUserFacing(error) || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`market-brief: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}

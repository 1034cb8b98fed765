import { BRIEF_USAGE, DELIVERIES_USAGE, FEEDS_USAGE, INGEST_USAGE, MANIFEST_USAGE, RENDER_USAGE, SYNC_USAGE, USAGE_USAGE } from './usage-lines.ts';

/** What `market-brief <command> --help` prints. */
export interface CommandHelp {
  usage: string;
  summary: string;
  options: ReadonlyArray<readonly [flag: string, meaning: string]>;
  examples: readonly string[];
}

const FORMAT = ['--format text|markdown|json', 'how to print the answer (default text)'] as const;

const query = (name: string, argument: string, summary: string, examples: string[]): CommandHelp => ({
  usage: `market-brief ${name}${argument === '' ? '' : ` ${argument}`} [--format text|markdown|json]`,
  summary,
  options: [FORMAT],
  examples,
});

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  start: {
    usage: 'market-brief start [--role all|web|worker]',
    summary: 'Run the bot: Discord and/or Slack when their settings are present, else the shell bot on stdin/stdout.',
    options: [['--role all|web|worker', 'all (default): everything; web: platforms, ingest API, health; worker: the jobs (web and worker need PostgreSQL)']],
    examples: ['market-brief start', 'LOG_LEVEL=debug market-brief start', 'market-brief start --role worker'],
  },
  ingest: {
    usage: INGEST_USAGE,
    summary: 'Ingest articles (text, HTML, JSON, RSS/Atom) from files, directories or stdin (-). Exit 1 when an input failed.',
    options: [['--json', 'print each stored or known article as one JSON object per line']],
    examples: ['market-brief ingest examples/', 'curl -s https://example.com/feed.xml | market-brief ingest --json -'],
  },
  brief: {
    usage: BRIEF_USAGE,
    summary: 'Compose a brief now from the stored articles and print it.',
    options: [
      ['--topic T', 'only this topic (repeatable); `market-brief topics` lists them'],
      ['--since 24h', 'how far back: 90m, 24h, 7d or a past date (default BRIEF_WINDOW_HOURS)'],
      ['--stories N', 'how many stories to show (default 5); the brief says how many more there are'],
      FORMAT,
    ],
    examples: ['market-brief brief --topic hong-kong --since 48h', 'market-brief brief --stories 20', 'market-brief brief --format json > brief.json'],
  },
  company: query('company', '<name or ticker>', 'What has been read about a company, with cited sources. Exit 1 when nothing is known.', [
    'market-brief company Alibaba',
    'market-brief company 9988.HK --format json',
  ]),
  market: query('market', '<index, exchange or region>', 'What has been read about a market, with cited sources. Exit 1 when nothing is known.', [
    'market-brief market "hang seng"',
  ]),
  ask: query('ask', '"<question>"', 'An answer from the stored articles, with sources. Exit 1 when there is no answer.', [
    'market-brief ask "why is copper rising?"',
  ]),
  topics: query('topics', '', 'The topic taxonomy with recent article counts.', ['market-brief topics', 'market-brief topics | head -5']),
  feeds: {
    usage: FEEDS_USAGE,
    summary: 'News feeds: add (stores current items, shows the latest), list, remove, errors, resume, poll now. Exit 1 when a feed failed.',
    options: [
      ['--topic T', 'with add: route the feed’s items to this topic too (repeatable)'],
      ['--due', 'with poll: only the feeds whose next poll is due'],
      ['--json', 'print JSON instead of text'],
    ],
    examples: ['market-brief feeds add https://example.com/markets.rss --topic hong-kong', 'market-brief feeds poll --due'],
  },
  deliveries: {
    usage: DELIVERIES_USAGE,
    summary: 'Scheduled briefs and alerts: what was posted where and when, newest first.',
    options: [
      ['--limit N', 'at most N deliveries (default 50)'],
      ['--status S', 'only claimed, posted or failed ones'],
      ['--json', 'one JSON object per line'],
    ],
    examples: ['market-brief deliveries --status failed'],
  },
  manifest: {
    usage: `market-brief ${MANIFEST_USAGE}`,
    summary: 'Print the Slack app manifest (YAML) with the commands, scopes and URLs, to paste into "Create an app".',
    options: [
      ['--url https://host', 'the bot’s public base URL (Slack calls <url>/slack/events)'],
      ['--socket', 'a Socket Mode app (no public URL needed)'],
    ],
    examples: ['market-brief manifest slack --url https://briefs.example.com'],
  },
  sync: {
    usage: SYNC_USAGE,
    summary: 'Register the slash commands with Discord and print what changed.',
    options: [
      ['--guild ID', 'one guild, updated at once (default DISCORD_GUILD_ID)'],
      ['--global', 'every guild the bot is in (the default without a guild)'],
      ['--dry-run', 'show what would change, change nothing'],
      ['--clear', 'remove the bot’s commands there instead'],
    ],
    examples: ['market-brief sync discord --guild 123456789012345678 --dry-run'],
  },
  render: {
    usage: RENDER_USAGE,
    summary: 'Print, as JSON, the exact message payloads a brief (from `brief --format json`) would be posted as.',
    options: [['--platform discord|slack', 'which platform’s payloads (required)']],
    examples: ['market-brief brief --format json | market-brief render --platform slack -'],
  },
  usage: {
    usage: USAGE_USAGE,
    summary: 'LLM calls, cache hits, tokens and estimated cost per day and prompt.',
    options: [
      ['--days N', 'how many days back, 1 to 366 (default 7)'],
      ['--format text|json', 'how to print it (default text)'],
    ],
    examples: ['market-brief usage --days 30'],
  },
};

/** True when the arguments ask for help (`--help` or `-h` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const argument of argv) {
    if (argument === '--') return false;
    if (argument === '--help' || argument === '-h') return true;
  }
  return false;
}

export function formatHelp(help: CommandHelp): string {
  const rows: Array<readonly [string, string]> = [...help.options, ['-h, --help', 'show this help']];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `usage: ${help.usage}`,
    '',
    help.summary,
    '',
    'options:',
    ...rows.map(([flag, meaning]) => `  ${flag.padEnd(width)}  ${meaning}`),
    '',
    `example${help.examples.length > 1 ? 's' : ''}:`,
    ...help.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}

/** The overview `market-brief --help` prints: one line per command. */
export function formatOverview(): string {
  const names = Object.keys(COMMAND_HELP);
  const width = Math.max(...names.map((name) => name.length));
  const summaryOf = (help: CommandHelp) => help.summary.split(/(?<=\.) /)[0] ?? help.summary;
  return [
    'usage: market-brief <command> [options]',
    '',
    ...names.map((name) => `  ${name.padEnd(width)}  ${summaryOf(COMMAND_HELP[name] as CommandHelp)}`),
    '',
    'market-brief <command> --help shows a command’s options and an example.',
    'Settings come from the environment or .env; see .env.example. Logs go to stderr.',
    '',
  ].join('\n');
}

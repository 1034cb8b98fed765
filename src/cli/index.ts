// The CLI's light parts: help, usage lines and the process I/O. Each command (./*-command.ts) is
// imported by src/cli.ts only when it runs, so `market-brief topics` loads no SDK and no feed reader.
export { COMMAND_HELP, type CommandHelp, formatHelp, formatOverview, wantsHelp } from './help.ts';
export { type CliIo, endQuietlyOnClosedOutput, processIo } from './io.ts';
export { BRIEF_USAGE, DELIVERIES_USAGE, FEEDS_USAGE, INGEST_USAGE, MANIFEST_USAGE, RENDER_USAGE, SYNC_USAGE, USAGE_USAGE } from './usage-lines.ts';

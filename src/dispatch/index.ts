export { parseCommandText } from './command-text.ts';
export { type Command, type CommandContext, type CommandServices, type CommandSettings, type OptionSpec, parseOptions, type RawOptions } from './command.ts';
export { runCommand } from './run-command.ts';

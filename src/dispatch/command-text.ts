import type { Command, RawOptions } from './command.ts';
import { UserFacingError } from '../domain/index.ts';

/** Splits typed text into words, keeping "quoted phrases" (straight or curly quotes) together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/g)) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  }
  return tokens.filter((token) => token !== '');
}

/**
 * Typed text (the shell, Slack) → raw options, by position: `name:value` words set an option
 * by name, other words fill the options in order, and a `rest` option takes what remains.
 */
export function parseCommandText(command: Command, text: string): RawOptions {
  const options: Record<string, string | number> = {};
  const positional: string[] = [];
  for (const token of tokenize(text.trim())) {
    const named = /^([a-z][a-z-]*):(.+)$/.exec(token);
    const spec = named === null ? undefined : command.options.find((option) => option.name === named[1]);
    if (named !== null && spec !== undefined) options[spec.name] = named[2] ?? '';
    else positional.push(token);
  }
  const remaining = command.options.filter((option) => options[option.name] === undefined);
  for (const [position, spec] of remaining.entries()) {
    if (positional.length === 0) break;
    const isLast = position === remaining.length - 1;
    options[spec.name] = spec.rest === true || isLast ? positional.splice(0).join(' ') : (positional.shift() ?? '');
  }
  if (positional.length > 0) throw new UserFacingError(`Too many words: "${positional.join(' ')}". Usage: ${command.usage}`);
  for (const spec of command.options) {
    const value = options[spec.name];
    if (spec.type === 'integer' && typeof value === 'string') {
      const number = Number(value);
      if (!Number.isInteger(number)) throw new UserFacingError(`${spec.name} must be a whole number. Usage: ${command.usage}`);
      options[spec.name] = number;
    }
  }
  return options;
}

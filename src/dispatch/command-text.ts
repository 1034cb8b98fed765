import type { Command, RawOptions } from './command.ts';
import { UserFacingError } from '../domain/index.ts';

/** Opening quote → its closing quote. Double quotes group anywhere in a word; single quotes only where a word or a `name:` value starts. */
const DOUBLE_QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
]);
const SINGLE_QUOTES: ReadonlyMap<string, string> = new Map([
  ["'", "'"],
  ['‘', '’'],
]);
const CLOSERS = ['"', '”', '“', "'", '’'] as const;

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || char === '\v' || char === '\u00a0' || char === '\u3000';
}

/**
 * For each closing quote, the index of its next occurrence at or after each position (−1: none), built in
 * one backward pass so that finding a closing quote never rescans the text (linear time on any input).
 * A single closing quote only counts where a word ends, so "Moody's" does not close 'a phrase.
 */
function nextClosers(text: string): Map<string, Int32Array> {
  const next = new Map<string, Int32Array>();
  for (const closer of CLOSERS) next.set(closer, new Int32Array(text.length + 1).fill(-1));
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const char = text[index] ?? '';
    const endsWord = index + 1 === text.length || isSpace(text[index + 1] ?? '');
    for (const [closer, positions] of next) {
      const counts = char === closer && (closer === '"' || closer === '”' || closer === '“' || endsWord);
      positions[index] = counts ? index : (positions[index + 1] ?? -1);
    }
  }
  return next;
}

/**
 * Splits typed text into words. A quoted phrase (straight or curly quotes) stays one word and may sit
 * anywhere in it, so `cron:"0 8 * * 1-5"` is the word `cron:0 8 * * 1-5` and `"hang seng"` is `hang seng`.
 * A quote that is never closed is kept as an ordinary character. Runs in time linear in the text.
 */
export function tokenize(text: string): string[] {
  const closers = nextClosers(text);
  const tokens: string[] = [];
  let current = '';
  let inWord = false;
  // Where the word is: still a possible option name, just after `name:`, or anything else.
  let shape: 'empty' | 'name' | 'colon' | 'other' = 'empty';
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (isSpace(char)) {
      if (inWord && current !== '') tokens.push(current);
      current = '';
      inWord = false;
      shape = 'empty';
      index += 1;
      continue;
    }
    const startsValue = shape === 'empty' || shape === 'colon';
    const closer = DOUBLE_QUOTES.get(char) ?? (startsValue ? SINGLE_QUOTES.get(char) : undefined);
    const end = closer === undefined ? -1 : (closers.get(closer)?.[index + 1] ?? -1);
    inWord = true;
    if (end === -1) {
      current += char;
      index += 1;
      if (shape === 'name' && char === ':') shape = 'colon';
      else shape = (shape === 'empty' && /[a-z]/.test(char)) || (shape === 'name' && /[a-z-]/.test(char)) ? 'name' : 'other';
    } else {
      current += text.slice(index + 1, end);
      index = end + 1;
      shape = 'other';
    }
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

/**
 * Typed text (the shell, Slack) → raw options, by position: `name:value` words set an option
 * by name, other words fill the options in order, and a `rest` option takes what remains.
 */
export function parseCommandText(command: Command, text: string): RawOptions {
  const options: Record<string, string | number> = {};
  const positional: string[] = [];
  for (const token of tokenize(text.trim())) {
    const empty = /^([a-z][a-z-]*):$/.exec(token);
    if (empty !== null && command.options.some((option) => option.name === empty[1])) {
      throw new UserFacingError(`${empty[1]}: needs a value, e.g. ${empty[1]}:"…". Usage: ${command.usage}`);
    }
    const named = /^([a-z][a-z-]*):(.+)$/.exec(token);
    const spec = named === null ? undefined : command.options.find((option) => option.name === named[1]);
    if (named !== null && spec !== undefined) options[spec.name] = named[2] ?? '';
    else positional.push(token);
  }
  const remaining = command.options.filter((option) => options[option.name] === undefined);
  let next = 0;
  while (positional.length > 0) {
    const word = positional[0] ?? '';
    const position = remaining.findIndex((spec, index) => index >= next && (spec.accepts === undefined || spec.accepts.test(word)));
    const spec = remaining[position];
    if (spec === undefined) break;
    const isLast = position === remaining.length - 1;
    options[spec.name] = spec.rest === true || isLast ? positional.splice(0).join(' ') : (positional.shift() ?? '');
    next = position + 1;
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

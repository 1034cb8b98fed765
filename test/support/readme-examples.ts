import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../../commands/index.ts';
import { REPO } from './run-cli.ts';

/**
 * Every command example in README.md, read at test time: lines of code blocks and inline code spans that
 * start with one of the bot's slash commands. Usage patterns (with <…>, […], a|b or …) are not examples.
 */
export function readmeCommandExamples(readme = readFileSync(join(REPO, 'README.md'), 'utf8')): string[] {
  const names = new Set(commands.map((command) => command.name));
  const candidates: string[] = [];
  for (const block of readme.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)) {
    for (const line of (block[1] ?? '').split('\n')) candidates.push(line.trim());
  }
  const prose = readme.replace(/^```[a-z]*\n[\s\S]*?^```/gm, '');
  // An inline `/name` alone names a command in prose; with words after it, it is an example.
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) if (/^\/\S+\s+\S/.test((span[1] ?? '').trim())) candidates.push((span[1] ?? '').trim());
  const examples = candidates.filter((text) => {
    const name = /^\/([a-z]+)(?:\s|$)/.exec(text)?.[1];
    return name !== undefined && names.has(name) && !/[<>[\]…]|\\\||\S\|\S/.test(text);
  });
  return [...new Set(examples)];
}

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type CommandContext, type CommandServices, parseCommandText, runCommand } from '../../dispatch/index.ts';
import { renderText } from './render/index.ts';

export const SHELL_CONTEXT: CommandContext = {
  platform: 'shell',
  workspaceId: 'local',
  channelId: 'local',
  userId: 'local',
  isAdmin: true,
};

/**
 * Reads slash commands line by line and prints each reply; resolves at end of input.
 * Lines are answered in order, one at a time.
 */
export async function runShell(input: Readable, output: Writable, services: CommandServices): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith('/')) {
      output.write('Commands start with /. Try /help.\n');
      continue;
    }
    const word = /^\S*/.exec(line.slice(1))?.[0] ?? '';
    // The shell prints every answer, so the platforms' `--share` word has nothing left to do.
    const rest = line.slice(1 + word.length).replace(/(^|\s)--share(?=\s|$)/g, ' ');
    const command = services.commands.find((candidate) => candidate.name === word.toLowerCase());
    if (command === undefined) {
      output.write(`Unknown command /${word}. Try /help.\n`);
      continue;
    }
    const reply = await runCommand(command, () => parseCommandText(command, rest), SHELL_CONTEXT, services);
    output.write(`${renderText(reply)}\n\n`);
  }
}

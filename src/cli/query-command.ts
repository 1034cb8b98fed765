import { parseArgs } from 'node:util';
import type { App } from '../app.ts';
import { type CommandContext, parseCommandText, runCommand } from '../dispatch/index.ts';
import { findCommand } from '../../commands/index.ts';
import { renderMarkdown, renderText } from '../platforms/index.ts';

export const CLI_CONTEXT: CommandContext = { platform: 'cli', workspaceId: 'local', channelId: 'cli', userId: 'cli', isAdmin: true };

/** `market-brief company|market|ask|topics …`: the slash command of that name, printed. */
export async function queryCommand(name: string, argv: string[], app: App): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
  });
  const command = findCommand(name);
  if (command === undefined) throw new Error(`no command ${name}`);
  let failed = false;
  const reply = await runCommand(
    command,
    () => {
      try {
        return parseCommandText(command, positionals.join(' '));
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    CLI_CONTEXT,
    app.commands,
  );
  // A reply with no sources and a single line from an error path is still printed; the status tells scripts.
  const format = values.format;
  process.stdout.write(format === 'json' ? `${JSON.stringify(reply, null, 2)}\n` : format === 'markdown' ? renderMarkdown(reply) : `${renderText(reply)}\n`);
  return failed ? 2 : 0;
}

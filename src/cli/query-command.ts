import { parseArgs } from 'node:util';
import type { App } from '../app.ts';
import { type Command, type CommandContext, parseCommandText, runCommand } from '../dispatch/index.ts';
import { findCommand } from '../../commands/index.ts';
import { isUserFacing, UserFacingError } from '../domain/index.ts';
import { renderMarkdown, renderText } from '../platforms/index.ts';
import { type CliIo, processIo } from './io.ts';

export const CLI_CONTEXT: CommandContext = { platform: 'cli', workspaceId: 'local', channelId: 'cli', userId: 'cli', isAdmin: true };

/**
 * `market-brief company|market|ask|topics …`: the slash command of that name, printed on stdout.
 * A failed query (bad arguments, an unknown name, nothing read) prints one line on stderr and
 * nothing on stdout: status 2 for bad arguments, 1 for a query that found nothing or failed.
 */
export async function queryCommand(name: string, argv: string[], app: App, io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
  });
  const format = values.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UserFacingError(`--format ${format}: expected text, markdown or json`);
  const command = findCommand(name);
  if (command === undefined) throw new Error(`no command ${name}`);
  let failure: { status: number; error: unknown } | null = null;
  // The same command as on the platforms (runCommand logs an unexpected error with a reference);
  // the wrapper only notes whether it failed, which a reply alone does not say.
  const watched: Command = {
    ...command,
    run: async (options, context, services) => {
      try {
        return await command.run(options, context, services);
      } catch (error) {
        failure = { status: 1, error };
        throw error;
      }
    },
  };
  const reply = await runCommand(
    watched,
    () => {
      try {
        return parseCommandText(command, positionals.join(' '));
      } catch (error) {
        failure = { status: 2, error };
        throw error;
      }
    },
    CLI_CONTEXT,
    app.commands,
  );
  if (failure !== null) {
    const { status, error } = failure as { status: number; error: unknown };
    const said = isUserFacing(error)
      ? error.message
      : (reply.lead?.text ?? reply.sections.flatMap((section) => section.lines.map((line) => line.text)).join(' '));
    io.stderr.write(`market-brief: ${said.replace(/\s*\n\s*/g, ' ')}\n`);
    return status;
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify(reply, null, 2)}\n` : format === 'markdown' ? renderMarkdown(reply) : `${renderText(reply)}\n`);
  return 0;
}

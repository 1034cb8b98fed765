import { randomUUID } from 'node:crypto';
import type { Command, CommandContext, CommandServices, RawOptions } from './command.ts';
import { isUserFacing, type Reply, textReply } from '../domain/index.ts';
import { actingFor, ownerOf, viewAs } from '../ports/index.ts';

/**
 * Runs a command the way every platform should: admin check, then the command; a UserFacingError
 * is shown as is, anything else is logged with a reference id and answered briefly (DESIGN.md rule 6).
 */
export async function runCommand(
  command: Command,
  options: RawOptions | (() => RawOptions),
  context: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  if (command.adminOnly && !context.isAdmin) {
    return textReply('Not allowed', [`Only admins can use /${command.name}.`]);
  }
  try {
    const parsed = typeof options === 'function' ? options() : options;
    // Whatever the command costs (LLM calls) is the workspace's (docs/adr/0004-tenancy.md).
    // and it reads only the shared articles and the workspace's own, through a store that cannot be asked for more.
    const owner = ownerOf(context);
    return await actingFor(owner, () => command.run(parsed, context, { ...services, store: viewAs(services.store, owner) }));
  } catch (error) {
    if (isUserFacing(error)) return textReply(`/${command.name}`, [error.message]);
    const reference = randomUUID().slice(0, 8);
    services.logger.error({ err: error, reference, command: command.name, context }, 'command failed');
    return textReply(`/${command.name}`, [`Something went wrong (reference ${reference}). The error is logged.`]);
  }
}

import { MessageFlags } from 'discord-api-types/v10';
import { type Command, type CommandContext, type CommandServices, type RawOptions, runCommand } from '../../dispatch/index.ts';
import { type Reply, textReply } from '../../domain/index.ts';
import { ownerOf, viewAs } from '../../ports/index.ts';
import { suggestChoices } from './autocomplete.ts';
import { type DiscordMessage, renderReply } from './render/index.ts';

/** One interaction as the flow needs it, whichever transport (gateway or HTTP) brought it. */
export interface InteractionInput {
  id: string;
  commandName: string;
  context: CommandContext;
  /** The command's options; for autocomplete, as typed so far. */
  options: RawOptions;
}

/** A message as sent in an interaction answer: embeds, nothing that can ping, and flags. */
export interface InteractionMessage {
  embeds: DiscordMessage['embeds'];
  allowed_mentions: { parse: [] };
  flags?: number;
}

/**
 * How answers reach Discord: over the gateway, discord.js's interaction methods; over HTTP, the
 * response to Discord's POST (the first answer) and webhook calls on REST (the rest).
 */
export interface InteractionTransport {
  /** Acknowledges at once ("thinking…"), privately or publicly. */
  defer(ephemeral: boolean): Promise<void>;
  /** Answers at once, without deferring. */
  reply(message: InteractionMessage): Promise<void>;
  /** Replaces the deferred "thinking…" with the answer. */
  editOriginal(message: InteractionMessage): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(message: InteractionMessage): Promise<void>;
  /** Autocomplete choices. */
  respond(choices: Array<{ name: string; value: string }>): Promise<void>;
}

function asMessage(message: DiscordMessage, ephemeral = false): InteractionMessage {
  return { embeds: message.embeds, allowed_mentions: { parse: [] }, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/**
 * The visibility the reply will most likely have, decided before any work because a deferral
 * fixes it: a channel-setup change by an admin is shown to the channel; queries, refusals and
 * errors only to the person who asked.
 */
export function expectedVisibility(command: Command, context: CommandContext): Reply['visibility'] {
  return command.adminOnly && context.isAdmin ? 'public' : 'ephemeral';
}

async function deliver(transport: InteractionTransport, reply: Reply, deferred: Reply['visibility']): Promise<void> {
  const messages = renderReply(reply);
  const ephemeral = reply.visibility === 'ephemeral';
  if (deferred === 'public' && ephemeral) {
    // A public "thinking…" cannot turn private: remove it and answer privately instead.
    await transport.deleteOriginal();
    for (const message of messages) await transport.followUp(asMessage(message, true));
    return;
  }
  const [first, ...rest] = messages;
  if (first !== undefined) await transport.editOriginal(asMessage(first));
  for (const message of rest) await transport.followUp(asMessage(message, ephemeral));
}

/** A slash command: acknowledge first (3 s window), then run the command, then edit the answer in. */
export async function answerCommand(input: InteractionInput, transport: InteractionTransport, services: CommandServices): Promise<void> {
  const command = services.commands.find((candidate) => candidate.name === input.commandName);
  if (command === undefined) {
    // Registered earlier and since removed: `market-brief sync discord` fixes the list.
    const [message] = renderReply(textReply('Unknown command', [`/${input.commandName} is no longer available. Try /help.`]));
    if (message !== undefined) await transport.reply(asMessage(message, true));
    return;
  }
  const visibility = expectedVisibility(command, input.context);
  await transport.defer(visibility === 'ephemeral');
  try {
    const reply = await runCommand(command, () => input.options, input.context, services);
    await deliver(transport, reply, visibility);
  } catch (error) {
    // Delivery failed after the deferral: replace "thinking…" rather than leave it spinning.
    services.logger.error({ err: error, interaction: input.id, command: command.name }, 'discord reply failed');
    const [message] = renderReply(textReply(`/${command.name}`, ['Something went wrong while sending the answer. The error is logged.']));
    if (message !== undefined) await transport.editOriginal(asMessage(message)).catch(() => undefined);
  }
}

/** Autocomplete: choices for the option being typed, from the guild's own articles and the shared ones. */
export async function answerAutocomplete(
  input: InteractionInput & { focused: { name: string; value: string } },
  transport: InteractionTransport,
  services: CommandServices,
): Promise<void> {
  const command = services.commands.find((candidate) => candidate.name === input.commandName);
  const kind = command?.options.find((option) => option.name === input.focused.name)?.autocomplete;
  const scoped = { ...services, store: viewAs(services.store, ownerOf(input.context)) };
  await transport.respond(kind === undefined ? [] : await suggestChoices(kind, input.focused.value, scoped));
}

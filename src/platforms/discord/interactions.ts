import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type APIEmbed, type Interaction } from 'discord.js';
import { type Command, type CommandContext, type CommandServices, type RawOptions, runCommand } from '../../dispatch/index.ts';
import { type Reply, textReply } from '../../domain/index.ts';
import { ownerOf, viewAs } from '../../ports/index.ts';
import { suggestChoices } from './autocomplete.ts';
import { ADMIN_PERMISSION } from './commands.ts';
import { DISCORD_PLATFORM } from './publisher.ts';
import { type DiscordMessage, renderReply } from './render/index.ts';

/** Who asked, where, and whether Discord says they may manage channels (checked here, not only by Discord). */
export function interactionContext(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandContext {
  return {
    platform: DISCORD_PLATFORM,
    workspaceId: interaction.guildId ?? `dm:${interaction.user.id}`,
    channelId: interaction.channelId ?? `dm:${interaction.user.id}`,
    userId: interaction.user.id,
    // memberPermissions is null outside a guild; Administrator implies every permission.
    isAdmin: interaction.inGuild() && (interaction.memberPermissions?.has(ADMIN_PERMISSION) ?? false),
  };
}

function rawOptions(interaction: ChatInputCommandInteraction): RawOptions {
  const options: Record<string, string | number | boolean | undefined> = {};
  for (const option of interaction.options.data) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') options[option.name] = option.value;
  }
  return options;
}

/**
 * The visibility the reply will most likely have, decided before any work because a deferral
 * fixes it: a channel-setup change by an admin is shown to the channel; queries, refusals and
 * errors only to the person who asked.
 */
export function expectedVisibility(command: Command, context: CommandContext): Reply['visibility'] {
  return command.adminOnly && context.isAdmin ? 'public' : 'ephemeral';
}

function asEdit(message: DiscordMessage): { embeds: APIEmbed[]; allowedMentions: { parse: [] } } {
  return { embeds: message.embeds, allowedMentions: { parse: [] } };
}

async function deliver(interaction: ChatInputCommandInteraction, reply: Reply, deferred: Reply['visibility']): Promise<void> {
  const messages = renderReply(reply);
  const ephemeral = reply.visibility === 'ephemeral';
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (deferred === 'public' && ephemeral) {
    // A public "thinking…" cannot turn private: remove it and answer privately instead.
    await interaction.deleteReply();
    for (const message of messages) await interaction.followUp({ ...asEdit(message), flags: MessageFlags.Ephemeral });
    return;
  }
  const [first, ...rest] = messages;
  if (first !== undefined) await interaction.editReply(asEdit(first));
  for (const message of rest) await interaction.followUp({ ...asEdit(message), ...(flags === undefined ? {} : { flags }) });
}

async function handleCommand(interaction: ChatInputCommandInteraction, services: CommandServices): Promise<void> {
  const command = services.commands.find((candidate) => candidate.name === interaction.commandName);
  if (command === undefined) {
    // Registered earlier and since removed: `market-brief sync discord` fixes the list.
    const [message] = renderReply(textReply('Unknown command', [`/${interaction.commandName} is no longer available. Try /help.`]));
    if (message !== undefined) await interaction.reply({ ...asEdit(message), flags: MessageFlags.Ephemeral });
    return;
  }
  const context = interactionContext(interaction);
  const visibility = expectedVisibility(command, context);
  // Acknowledge first (3 s window), then think (DESIGN.md rule 5).
  await interaction.deferReply(visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
  try {
    const reply = await runCommand(command, () => rawOptions(interaction), context, services);
    await deliver(interaction, reply, visibility);
  } catch (error) {
    // Delivery failed after the deferral: replace "thinking…" rather than leave it spinning.
    services.logger.error({ err: error, interaction: interaction.id, command: command.name }, 'discord reply failed');
    const [message] = renderReply(textReply(`/${command.name}`, ['Something went wrong while sending the answer. The error is logged.']));
    if (message !== undefined) await interaction.editReply(asEdit(message)).catch(() => undefined);
  }
}

async function handleAutocomplete(interaction: AutocompleteInteraction, services: CommandServices): Promise<void> {
  const command = services.commands.find((candidate) => candidate.name === interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const kind = command?.options.find((option) => option.name === focused.name)?.autocomplete;
  const typed = typeof focused.value === 'string' ? focused.value : String(focused.value);
  // Suggestions come from the guild's own articles and the shared ones only.
  const scoped = { ...services, store: viewAs(services.store, ownerOf(interactionContext(interaction))) };
  await interaction.respond(kind === undefined ? [] : await suggestChoices(kind, typed, scoped));
}

/** Answers one interaction; never throws (a failure is logged with what was asked). */
export async function handleInteraction(interaction: Interaction, services: CommandServices): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await handleAutocomplete(interaction, services);
    else if (interaction.isChatInputCommand()) await handleCommand(interaction, services);
  } catch (error) {
    services.logger.error(
      { err: error, interaction: interaction.id, command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null },
      'discord interaction failed',
    );
  }
}

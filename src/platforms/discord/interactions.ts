import { type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction, MessageFlags } from 'discord.js';
import type { CommandContext, CommandServices, RawOptions } from '../../dispatch/index.ts';
import { ADMIN_PERMISSION } from './commands.ts';
import { answerAutocomplete, answerCommand, type InteractionMessage, type InteractionTransport } from './interaction-flow.ts';
import { DISCORD_PLATFORM } from './publisher.ts';

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

function rawOptions(interaction: ChatInputCommandInteraction | AutocompleteInteraction): RawOptions {
  const options: Record<string, string | number | boolean | undefined> = {};
  for (const option of interaction.options.data) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') options[option.name] = option.value;
  }
  return options;
}

/** discord.js spells the message fields its own way. */
function forDiscordJs(message: InteractionMessage) {
  return { embeds: message.embeds, allowedMentions: message.allowed_mentions, ...(message.flags === undefined ? {} : { flags: message.flags }) };
}

/** The gateway transport: discord.js's interaction methods (callbacks and webhook calls on its REST client). */
function gatewayTransport(interaction: ChatInputCommandInteraction | AutocompleteInteraction): InteractionTransport {
  const command = interaction.isChatInputCommand() ? interaction : null;
  const needCommand = (): ChatInputCommandInteraction => {
    if (command === null) throw new Error('not a slash command');
    return command;
  };
  return {
    defer: async (ephemeral) => void (await needCommand().deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})),
    reply: async (message) => void (await needCommand().reply({ ...forDiscordJs(message), flags: MessageFlags.Ephemeral })),
    editOriginal: async (message) => void (await needCommand().editReply(forDiscordJs(message))),
    deleteOriginal: () => needCommand().deleteReply(),
    followUp: async (message) => void (await needCommand().followUp(forDiscordJs(message) as Parameters<ChatInputCommandInteraction['followUp']>[0])),
    respond: async (choices) => {
      if (interaction.isAutocomplete()) await interaction.respond(choices);
    },
  };
}

/** Answers one interaction from the gateway; never throws (a failure is logged with what was asked). */
export async function handleInteraction(interaction: Interaction, services: CommandServices): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      const input = { id: interaction.id, commandName: interaction.commandName, context: interactionContext(interaction), options: rawOptions(interaction) };
      const typed = typeof focused.value === 'string' ? focused.value : String(focused.value);
      await answerAutocomplete({ ...input, focused: { name: focused.name, value: typed } }, gatewayTransport(interaction), services);
    } else if (interaction.isChatInputCommand()) {
      const input = { id: interaction.id, commandName: interaction.commandName, context: interactionContext(interaction), options: rawOptions(interaction) };
      await answerCommand(input, gatewayTransport(interaction), services);
    }
  } catch (error) {
    services.logger.error(
      { err: error, interaction: interaction.id, command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null },
      'discord interaction failed',
    );
  }
}

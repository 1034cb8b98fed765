import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, OptionSpec } from '../../dispatch/index.ts';
import { cutPlain } from './render/index.ts';

/** The permission an admin-only command asks for: whoever may set up channels may set up briefs. */
export const ADMIN_PERMISSION = PermissionFlagsBits.ManageChannels;

const NAME_PATTERN = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
const DESCRIPTION_LIMIT = 100;

export type DiscordCommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

function checkedName(name: string, what: string): string {
  if (!NAME_PATTERN.test(name)) throw new Error(`${what} "${name}" is not a valid Discord command name (lowercase, 1-32 characters)`);
  return name;
}

function description(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return cutPlain(flat === '' ? '-' : flat, DESCRIPTION_LIMIT);
}

function optionJson(option: OptionSpec, command: string) {
  return {
    type: option.type === 'integer' ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.String,
    name: checkedName(option.name, `/${command} option`),
    description: description(option.description),
    required: option.required,
    ...(option.autocomplete === undefined ? {} : { autocomplete: true }),
  } as const;
}

/**
 * A command as Discord's application-command JSON: typed options, descriptions within 100
 * characters, guild-only, and hidden from members without Manage Channels when admin-only (the
 * handler checks again: guild admins can change who sees a command).
 */
export function toDiscordCommand(command: Command): DiscordCommandJson {
  const options = [...command.options]
    // Discord rejects a required option after an optional one; keep the registry's order otherwise.
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((option) => optionJson(option, command.name));
  return {
    type: ApplicationCommandType.ChatInput,
    name: checkedName(command.name, 'command'),
    description: description(command.description),
    options,
    default_member_permissions: command.adminOnly ? ADMIN_PERMISSION.toString() : null,
    // Subscriptions belong to a guild's channels, so every command lives in guilds only.
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    nsfw: false,
  };
}

export function toDiscordCommands(commands: readonly Command[]): DiscordCommandJson[] {
  const json = commands.map(toDiscordCommand);
  const names = new Set<string>();
  for (const command of json) {
    if (names.has(command.name)) throw new Error(`two commands are called /${command.name}`);
    names.add(command.name);
  }
  if (json.length > 100) throw new Error('Discord allows at most 100 slash commands');
  return json;
}

import { Routes, type REST } from 'discord.js';
import type { DiscordCommandJson } from './commands.ts';

/** What a sync changed, by command name. */
export interface SyncResult {
  /** null for global commands. */
  guildId: string | null;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
  /** False when nothing differed (no write) or on a dry run. */
  written: boolean;
}

interface RegisteredOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: unknown[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  options?: RegisteredOption[];
}

interface RegisteredCommand {
  name: string;
  type?: number;
  description: string;
  options?: RegisteredOption[];
  default_member_permissions?: string | null;
  contexts?: number[] | null;
  integration_types?: number[];
  nsfw?: boolean;
}

function comparableOption(option: RegisteredOption): unknown {
  return [
    option.type,
    option.name,
    option.description,
    option.required ?? false,
    option.autocomplete ?? false,
    option.choices ?? [],
    option.min_value ?? null,
    option.max_value ?? null,
    option.min_length ?? null,
    option.max_length ?? null,
    (option.options ?? []).map(comparableOption),
  ];
}

// The fields this bot sets, with Discord's defaults filled in, so an unchanged command compares equal.
function comparable(command: RegisteredCommand): string {
  return JSON.stringify([
    command.type ?? 1,
    command.description,
    command.default_member_permissions ?? null,
    [...(command.contexts ?? [])].sort(),
    [...(command.integration_types ?? [0])].sort(),
    command.nsfw ?? false,
    (command.options ?? []).map(comparableOption),
  ]);
}

/** Compares the wanted commands with the registered ones, by name. */
export function diffCommands(wanted: readonly DiscordCommandJson[], registered: readonly RegisteredCommand[]): Omit<SyncResult, 'guildId' | 'written'> {
  const byName = new Map(registered.map((command) => [command.name, command]));
  const wantedNames = new Set(wanted.map((command) => command.name));
  const result = { added: [] as string[], updated: [] as string[], removed: [] as string[], unchanged: [] as string[] };
  for (const command of wanted) {
    const existing = byName.get(command.name);
    if (existing === undefined) result.added.push(command.name);
    else if (comparable(existing) !== comparable(command as RegisteredCommand)) result.updated.push(command.name);
    else result.unchanged.push(command.name);
  }
  for (const command of registered) if (!wantedNames.has(command.name)) result.removed.push(command.name);
  return result;
}

/**
 * Makes the application's registered commands equal to `wanted`: reads what Discord has, and
 * when anything differs, overwrites the set in one bulk PUT (unchanged commands keep their ids).
 * A guild's commands update at once; global ones apply to every guild the bot is in.
 */
export async function syncCommands(
  rest: REST,
  target: { applicationId: string; guildId: string | null },
  wanted: readonly DiscordCommandJson[],
  options: { dryRun?: boolean } = {},
): Promise<SyncResult> {
  const route =
    target.guildId === null ? Routes.applicationCommands(target.applicationId) : Routes.applicationGuildCommands(target.applicationId, target.guildId);
  const registered = (await rest.get(route)) as RegisteredCommand[];
  const diff = diffCommands(wanted, registered);
  const changed = diff.added.length + diff.updated.length + diff.removed.length > 0;
  const write = changed && options.dryRun !== true;
  if (write) await rest.put(route, { body: wanted });
  return { guildId: target.guildId, ...diff, written: write };
}

/** One line per kind of change, for the CLI. */
export function describeSync(result: SyncResult, dryRun: boolean): string {
  const where = result.guildId === null ? 'global commands' : `commands of guild ${result.guildId}`;
  const list = (names: string[]): string => names.map((name) => `/${name}`).join(', ');
  const lines = [`Discord ${where}${dryRun ? ' (dry run, nothing written)' : ''}:`];
  if (result.added.length > 0) lines.push(`  added:     ${list(result.added)}`);
  if (result.updated.length > 0) lines.push(`  updated:   ${list(result.updated)}`);
  if (result.removed.length > 0) lines.push(`  removed:   ${list(result.removed)}`);
  if (result.unchanged.length > 0) lines.push(`  unchanged: ${list(result.unchanged)}`);
  if (result.added.length + result.updated.length + result.removed.length === 0) lines.push('  already up to date');
  return `${lines.join('\n')}\n`;
}

import { parseArgs } from 'node:util';
import { DiscordAPIError } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config/index.ts';
import { UserFacingError } from '../domain/index.ts';
import { readDiscordCredentials } from '../platforms/index.ts';
import { SYNC_USAGE } from './usage-lines.ts';

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * `market-brief sync discord`: registers the slash commands from commands/index.ts with Discord
 * and prints what changed. A guild (--guild, else DISCORD_GUILD_ID) updates at once, for trying
 * things out; --global (the default without a guild) covers every guild the bot is in.
 * --clear removes the bot's commands there instead (e.g. a test guild's copies once synced globally).
 */
export async function syncCommand(argv: string[], config: Config, output: NodeJS.WritableStream = process.stdout): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      guild: { type: 'string' },
      global: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      clear: { type: 'boolean', default: false },
    },
  });
  const [platform, ...extra] = positionals;
  if (platform !== 'discord' || extra.length > 0) {
    throw new UserFacingError(`${platform === undefined ? 'name a platform' : `cannot sync "${positionals.join(' ')}"`}. Usage: ${SYNC_USAGE}`);
  }
  if (values.global && values.guild !== undefined) throw new UserFacingError('--guild and --global exclude each other');
  const guildId = values.global ? null : (values.guild?.trim() ?? config.DISCORD_GUILD_ID ?? null);
  if (guildId !== null && !SNOWFLAKE.test(guildId)) throw new UserFacingError(`--guild ${guildId}: expected a Discord guild id (17 to 20 digits)`);
  const credentials = readDiscordCredentials(config);
  if (credentials === null) throw new UserFacingError('set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see README, "Discord") to sync commands');

  const dryRun = values['dry-run'];
  // Discord's REST client and command sync load only here, not for every CLI command.
  const { createDiscordRest, describeSync, syncCommands, toDiscordCommands } = await import('../platforms/discord/index.ts');
  try {
    const result = await syncCommands(
      createDiscordRest(credentials),
      { applicationId: credentials.applicationId, guildId },
      values.clear ? [] : toDiscordCommands(commands),
      { dryRun },
    );
    output.write(describeSync(result, dryRun));
    return 0;
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      const hint =
        error.status === 401
          ? 'the token was rejected: copy it again from the Developer Portal (Bot → Reset Token)'
          : error.status === 403
            ? 'missing access: invite the bot to that guild with the applications.commands scope'
            : error.status === 404
              ? 'unknown application or guild: check DISCORD_APPLICATION_ID and the guild id'
              : error.message;
      throw new UserFacingError(`Discord refused the sync (${error.status}): ${hint}`);
    }
    throw error;
  }
}

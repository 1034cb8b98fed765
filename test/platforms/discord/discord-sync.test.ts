import { PassThrough } from 'node:stream';
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { syncCommand } from '../../../src/cli/sync-command.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { UserFacingError } from '../../../src/domain/errors.ts';
import { toDiscordCommands } from '../../../src/platforms/discord/commands.ts';
import { syncCommands } from '../../../src/platforms/discord/sync.ts';
import { runCli } from '../../support/run-cli.ts';
import { FakeDiscord } from '../../support/fake-discord.ts';

let fake: FakeDiscord | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const MANAGE_CHANNELS = String(1 << 4);

describe('Discord command JSON', () => {
  const json = toDiscordCommands(commands);

  it('has one valid guild-only chat command per registry entry, with typed options and descriptions within 100 characters', () => {
    expect(json.map((command) => command.name)).toEqual(commands.map((command) => command.name));
    for (const command of json) {
      expect(command.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.contexts).toEqual([0]);
      expect(command.integration_types).toEqual([0]);
      const options = command.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      let optionalSeen = false;
      for (const option of options) {
        expect(option.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(option.description.length).toBeLessThanOrEqual(100);
        expect([3, 4]).toContain(option.type);
        if (!('required' in option) || option.required !== true) optionalSeen = true;
        else expect(optionalSeen, `/${command.name} ${option.name}: required after optional`).toBe(false);
      }
    }
  });

  it('hides admin commands behind Manage Channels and marks autocomplete options', () => {
    for (const command of commands) {
      const registered = json.find((candidate) => candidate.name === command.name);
      expect(registered?.default_member_permissions).toBe(command.adminOnly ? MANAGE_CHANNELS : null);
      for (const option of command.options) {
        const registeredOption = registered?.options?.find((candidate) => candidate.name === option.name) as
          | { autocomplete?: boolean; type: number }
          | undefined;
        expect(registeredOption?.autocomplete ?? false).toBe(option.autocomplete !== undefined);
        expect(registeredOption?.type).toBe(option.type === 'integer' ? 4 : 3);
      }
    }
    expect(commands.some((command) => command.adminOnly)).toBe(true);
  });
});

describe('market-brief sync discord', () => {
  it('registers the commands in a guild, then finds nothing to change, then reports updates and removals by name', async () => {
    fake = await FakeDiscord.start();
    const rest = new REST({ version: '10', api: fake.apiUrl }).setToken(fake.token);
    const target = { applicationId: fake.identity.applicationId, guildId: fake.identity.guildId };
    const wanted = toDiscordCommands(commands);

    const first = await syncCommands(rest, target, wanted);
    expect(first.added).toEqual(wanted.map((command) => command.name));
    expect(first.written).toBe(true);
    expect(fake.registered.get(fake.identity.guildId)?.map((command) => command['name'])).toEqual(first.added);

    const puts = () => fake?.requests.filter((request) => request.method === 'PUT').length;
    const second = await syncCommands(rest, target, wanted);
    expect(second).toMatchObject({ added: [], updated: [], removed: [], written: false });
    expect(second.unchanged).toHaveLength(wanted.length);
    expect(puts()).toBe(1);

    const stored = fake.registered.get(fake.identity.guildId) ?? [];
    const [edited, ...others] = stored;
    fake.registered.set(fake.identity.guildId, [
      { ...edited, description: 'an old description' },
      ...others,
      { id: '1', name: 'retired', description: 'gone', type: 1 },
    ]);
    const dry = await syncCommands(rest, target, wanted, { dryRun: true });
    expect(dry).toMatchObject({ updated: [edited?.['name']], removed: ['retired'], written: false });
    expect(puts()).toBe(1);
    const third = await syncCommands(rest, target, wanted);
    expect(third).toMatchObject({ added: [], updated: [edited?.['name']], removed: ['retired'], written: true });
    expect(fake.registered.get(fake.identity.guildId)?.map((command) => command['name'])).toEqual(wanted.map((command) => command.name));
    expect(fake.registered.get('global')).toBeUndefined();
  });

  it('works from the command line, globally by default, and says what changed', async () => {
    fake = await FakeDiscord.start();
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.identity.applicationId, DISCORD_API_URL: fake.apiUrl };
    const result = await runCli(['sync', 'discord'], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Discord global commands:\n {2}added: {5}\/brief, \/market/);
    expect(fake.registered.get('global')).toHaveLength(commands.length);

    const sync = async (argv: string[], settings: Record<string, string> = env): Promise<string> => {
      const output = new PassThrough();
      await syncCommand(argv, loadConfig(settings, null), output);
      return output.read()?.toString() ?? '';
    };
    expect(await sync(['discord', '--guild', fake.identity.guildId])).toContain(`commands of guild ${fake.identity.guildId}`);
    expect(fake.registered.get(fake.identity.guildId)).toHaveLength(commands.length);
    expect(await sync(['discord'])).toContain('already up to date');
    // DISCORD_GUILD_ID makes the guild the default target; --global overrides it.
    expect(await sync(['discord'], { ...env, DISCORD_GUILD_ID: fake.identity.guildId })).toContain(`guild ${fake.identity.guildId}:\n  unchanged:`);
    expect(await sync(['discord', '--guild', fake.identity.guildId, '--clear'])).toMatch(/removed: {3}\/brief, \/market/);
    expect(fake.registered.get(fake.identity.guildId)).toEqual([]);
    expect(fake.registered.get('global')).toHaveLength(commands.length);
  });

  it('explains a missing token, a rejected token and a bad guild id', async () => {
    fake = await FakeDiscord.start();
    const sync = (argv: string[], env: Record<string, string>) => syncCommand(argv, loadConfig(env, null), new PassThrough());
    const api = { DISCORD_API_URL: fake.apiUrl };
    await expect(sync(['discord'], api)).rejects.toThrow('set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    await expect(sync(['discord'], { ...api, DISCORD_TOKEN: fake.token })).rejects.toThrow('DISCORD_APPLICATION_ID is not');
    const wrongToken = { ...api, DISCORD_TOKEN: 'wrong-token.0000000000.abcdefghijklmnop', DISCORD_APPLICATION_ID: fake.identity.applicationId };
    await expect(sync(['discord'], wrongToken)).rejects.toThrow('token was rejected');
    const good = { ...api, DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.identity.applicationId };
    await expect(sync(['discord', '--guild', 'general'], good)).rejects.toThrow('--guild general');
    await expect(sync(['discord', '--guild', fake.identity.guildId, '--global'], good)).rejects.toThrow('exclude each other');
    await expect(sync(['slack'], good)).rejects.toBeInstanceOf(UserFacingError);
    expect(fake.registered.size).toBe(0);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../../commands/index.ts';
import { SLACK_API_METHOD_SCOPES, SLACK_BOT_SCOPES } from '../../../src/platforms/slack/manifest.ts';
import { Writable } from 'node:stream';
import { manifestCommand } from '../../../src/cli/manifest-command.ts';
import { runCli } from '../../support/run-cli.ts';
import { slackManifestSchema } from './slack-manifest-schema.ts';

/** Runs the subcommand in-process (one test goes through the real CLI). */
function manifestOutput(argv: string[]): string {
  let text = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  expect(manifestCommand(argv, output)).toBe(0);
  return text;
}

const SLACK_SOURCE = new URL('../../../src/platforms/slack/', import.meta.url);

/** Every Web API method the Slack code calls (`client.users.info(`, `client.chat.postMessage(`). */
function methodsCalled(): Set<string> {
  const called = new Set<string>();
  for (const file of readdirSync(SLACK_SOURCE).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, SLACK_SOURCE), 'utf8');
    for (const match of source.matchAll(/\bclient\.((?:[a-z]+\.)+[a-zA-Z]+)\(/g)) called.add(match[1] ?? '');
  }
  return called;
}

describe('market-brief manifest slack', () => {
  it('prints a manifest that validates against Slack’s documented shape, with every command and its request URL', async () => {
    const result = await runCli(['manifest', 'slack', '--url', 'https://briefs.example.org/']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# Slack app manifest/);
    const manifest = slackManifestSchema.parse(parse(result.stdout));
    const slashCommands = manifest.features?.slash_commands ?? [];
    expect(slashCommands.map((command) => command.command)).toEqual(commands.map((command) => `/${command.name}`));
    for (const command of slashCommands) expect(command.url).toBe('https://briefs.example.org/slack/events');
    for (const command of commands) {
      const hint = slashCommands.find((slash) => slash.command === `/${command.name}`)?.usage_hint;
      const options = command.usage.slice(command.name.length + 1).trim();
      // Queries may be shared; changes to the channel are announced anyway.
      const expected = command.adminOnly || command.options.length === 0 ? options : `${options} [--share]`;
      expect(hint).toBe(expected === '' ? undefined : expected);
    }
    expect(slashCommands.find((command) => command.command === '/company')?.usage_hint).toMatch(/^<.+> \[--share\]$/);
    expect(manifest.oauth_config?.redirect_urls).toEqual(['https://briefs.example.org/slack/oauth_redirect']);
    expect(manifest.settings?.event_subscriptions?.request_url).toBe('https://briefs.example.org/slack/events');
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
  });

  it('asks for exactly the scopes the code uses', () => {
    const called = methodsCalled();
    // The scan must see the calls it is meant to police.
    expect(called.has('users.info')).toBe(true);
    expect(called.has('chat.postMessage')).toBe(true);
    expect([...called].sort()).toEqual(Object.keys(SLACK_API_METHOD_SCOPES).sort());
    const manifest = slackManifestSchema.parse(parse(manifestOutput(['slack', '--socket'])));
    expect(manifest.oauth_config?.scopes?.bot).toEqual(['chat:write', 'commands', 'users:read']);
    expect(manifest.oauth_config?.scopes?.bot).toEqual([...SLACK_BOT_SCOPES]);
  });

  it('writes Socket Mode settings without request URLs when asked', () => {
    const manifest = slackManifestSchema.parse(parse(manifestOutput(['slack', '--socket'])));
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.features?.slash_commands?.every((command) => command.url === undefined)).toBe(true);
    expect(manifest.settings?.event_subscriptions?.request_url).toBeUndefined();
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual(['app_uninstalled', 'tokens_revoked']);
  });

  it('refuses a URL Slack would not call, and the schema refuses a manifest missing its URLs', () => {
    expect(() => manifestOutput(['slack', '--url', 'http://briefs.example.org'])).toThrow('Slack only calls https URLs');
    expect(() => manifestOutput(['discord'])).toThrow('usage: market-brief manifest slack');
    const placeholder = slackManifestSchema.parse(parse(manifestOutput(['slack'])));
    expect(placeholder.features?.slash_commands?.[0]?.url).toBe('https://market-brief.example.com/slack/events');
    const broken = parse(manifestOutput(['slack', '--socket'])) as { settings: { socket_mode_enabled: boolean } };
    broken.settings.socket_mode_enabled = false;
    expect(slackManifestSchema.safeParse(broken).success).toBe(false);
  });
});

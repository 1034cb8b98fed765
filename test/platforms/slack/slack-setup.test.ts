import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';
import { isSlackConfigured, slackSetup } from '../../../src/platforms/slack/setup.ts';
import { type SlackTestBed, startSlackTestBed } from './slack-test-app.ts';

function setupFor(environment: Record<string, string>) {
  return slackSetup(loadConfig(environment, null));
}

describe('Slack settings', () => {
  let bed: SlackTestBed | null = null;

  afterEach(async () => {
    await bed?.close();
    bed = null;
  });

  it('is off without credentials, and picks the mode from what is set', () => {
    expect(isSlackConfigured(loadConfig({}, null))).toBe(false);
    expect(isSlackConfigured(loadConfig({ SLACK_BOT_TOKEN: ' ' }, null))).toBe(false);
    const http = setupFor({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).setup;
    expect([http?.transport.kind, http?.auth.kind]).toEqual(['http', 'token']);
    const socket = setupFor({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).setup;
    expect([socket?.transport.kind, socket?.auth.kind]).toEqual(['socket', 'token']);
    const oauth = setupFor({
      SLACK_CLIENT_ID: 'c',
      SLACK_CLIENT_SECRET: 'd',
      SLACK_STATE_SECRET: 'e',
      SLACK_SIGNING_SECRET: 's',
      SLACK_ADMIN_USERS: 'U1, U2',
    }).setup;
    expect([oauth?.transport.kind, oauth?.auth.kind, oauth?.adminUsers]).toEqual(['http', 'oauth', ['U1', 'U2']]);
  });

  it('names every missing or conflicting setting at once', () => {
    const { problems } = setupFor({ SLACK_CLIENT_ID: 'c', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
  });

  it('refuses tokens of the wrong kind and bad admin ids in the config', () => {
    let caught: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xoxb-1', SLACK_ADMIN_USERS: 'alice' }, null);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'SLACK_ADMIN_USERS',
      'SLACK_APP_TOKEN',
      'SLACK_BOT_TOKEN',
    ]);
  });

  it('stops at start with a clear message when Slack refuses the bot token', async () => {
    const started = startSlackTestBed({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's' });
    await expect(started).rejects.toThrow('SLACK_BOT_TOKEN: Slack refused the token (invalid_auth)');
  });

  it('stops at start with a clear message when Slack refuses the app token', async () => {
    const started = startSlackTestBed({ SLACK_BOT_TOKEN: 'xoxb-one', SLACK_APP_TOKEN: 'xapp-wrong' }, (fake) => {
      fake.addWorkspace({ teamId: 'T0001', botToken: 'xoxb-one' });
      fake.queue('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
    });
    await expect(started).rejects.toThrow('SLACK_APP_TOKEN: Slack refused the app token (invalid_auth)');
  });
});

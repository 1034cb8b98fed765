import type { SlackSettings } from '../../config/index.ts';

/** How the bot authenticates to Slack: one workspace's bot token, or OAuth installs kept in the database. */
export type SlackAuth = { kind: 'token'; botToken: string } | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string };

/** How Slack reaches the bot: signed HTTP requests on the bot's server, or a Socket Mode WebSocket. */
export type SlackTransport = { kind: 'http'; signingSecret: string } | { kind: 'socket'; appToken: string };

export interface SlackSetup {
  auth: SlackAuth;
  transport: SlackTransport;
  adminUsers: readonly string[];
}

const SLACK_KEYS = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** True when any Slack credential is set, i.e. the bot should run on Slack. */
export function isSlackConfigured(settings: SlackSettings): boolean {
  return SLACK_KEYS.some((key) => settings[key] !== undefined);
}

/**
 * Chooses the mode from the settings. Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise;
 * OAuth (many workspaces) when SLACK_CLIENT_ID is set, one workspace's SLACK_BOT_TOKEN otherwise.
 * Returns every problem at once, by variable name, or the setup.
 */
export function slackSetup(settings: SlackSettings): { setup: SlackSetup; problems: [] } | { setup: null; problems: string[] } {
  const problems: string[] = [];
  const oauth = settings.SLACK_CLIENT_ID !== undefined || settings.SLACK_CLIENT_SECRET !== undefined;
  let auth: SlackAuth | null = null;
  if (oauth) {
    for (const key of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
      if (settings[key] === undefined)
        problems.push(`${key}: required for OAuth installs (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together)`);
    }
    if (settings.SLACK_BOT_TOKEN !== undefined) {
      problems.push('SLACK_BOT_TOKEN: leave it empty with OAuth; each workspace gets its own token when it installs the app');
    }
    if (settings.SLACK_CLIENT_ID !== undefined && settings.SLACK_CLIENT_SECRET !== undefined && settings.SLACK_STATE_SECRET !== undefined) {
      auth = { kind: 'oauth', clientId: settings.SLACK_CLIENT_ID, clientSecret: settings.SLACK_CLIENT_SECRET, stateSecret: settings.SLACK_STATE_SECRET };
    }
  } else if (settings.SLACK_BOT_TOKEN === undefined) {
    problems.push(
      'SLACK_BOT_TOKEN: required (xoxb-…, for one workspace), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth installs',
    );
  } else {
    auth = { kind: 'token', botToken: settings.SLACK_BOT_TOKEN };
  }
  let transport: SlackTransport | null = null;
  if (settings.SLACK_APP_TOKEN !== undefined) {
    transport = { kind: 'socket', appToken: settings.SLACK_APP_TOKEN };
  } else if (settings.SLACK_SIGNING_SECRET === undefined) {
    problems.push('SLACK_SIGNING_SECRET: required for HTTP mode (or set SLACK_APP_TOKEN, xapp-…, for Socket Mode)');
  } else {
    transport = { kind: 'http', signingSecret: settings.SLACK_SIGNING_SECRET };
  }
  if (auth === null || transport === null || problems.length > 0) return { setup: null, problems };
  return { setup: { auth, transport, adminUsers: settings.SLACK_ADMIN_USERS }, problems: [] };
}

import type { Command } from '../../dispatch/index.ts';

/**
 * Every Slack Web API method the bot calls with a bot token, and the scope it needs.
 * The manifest asks for exactly these plus `commands`; a test checks the code calls no other.
 */
export const SLACK_API_METHOD_SCOPES = {
  /** Posting briefs (the Publisher). Answers to commands go through response_url, which needs none. */
  'chat.postMessage': 'chat:write',
  /** Checking that the user of an admin command is a workspace admin or owner. */
  'users.info': 'users:read',
} as const;

/** Bot scopes: slash commands, plus what the API methods above need; sorted, no duplicates. */
export const SLACK_BOT_SCOPES: readonly string[] = [...new Set(['commands', ...Object.values(SLACK_API_METHOD_SCOPES)])].sort();

/** Events the bot subscribes to: an uninstall or revoked token removes the stored install. Neither needs a scope. */
export const SLACK_BOT_EVENTS: readonly string[] = ['app_uninstalled', 'tokens_revoked'];

export const SLACK_PATHS = { events: '/slack/events', install: '/slack/install', redirect: '/slack/oauth_redirect' } as const;

export interface ManifestOptions {
  commands: readonly Command[];
  /** The bot's public https base URL; without it, HTTP mode gets a placeholder to replace. */
  url?: string | undefined;
  socketMode: boolean;
  name?: string | undefined;
}

export const PLACEHOLDER_URL = 'https://market-brief.example.com';

function usageHint(command: Command): string | undefined {
  const options = command.usage.replace(new RegExp(`^/${command.name}\\s*`), '').trim();
  // Queries answer privately; `--share` posts a cited answer in the channel (see slack-commands.ts).
  const hint = command.adminOnly || command.options.length === 0 ? options : `${options} [--share]`;
  return hint === '' ? undefined : hint.slice(0, 1000);
}

/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest) as a plain object:
 * one slash command per registered command, exactly the scopes the code uses, and request URLs
 * on the bot's server (HTTP mode) or Socket Mode settings.
 */
export function buildSlackManifest(options: ManifestOptions): Record<string, unknown> {
  const base = (options.url ?? PLACEHOLDER_URL).replace(/\/+$/, '');
  const name = options.name ?? 'market-brief';
  const slashCommands = options.commands.map((command) => {
    const hint = usageHint(command);
    return {
      command: `/${command.name}`,
      description: command.description.slice(0, 2000),
      ...(hint === undefined ? {} : { usage_hint: hint }),
      should_escape: false,
      ...(options.socketMode ? {} : { url: `${base}${SLACK_PATHS.events}` }),
    };
  });
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: name.slice(0, 35),
      description: 'Market news briefs with cited sources: companies, indices, topics and sentiment.',
      background_color: '#1f3a5f',
    },
    features: {
      bot_user: {
        display_name: name
          .toLowerCase()
          .replace(/[^a-z0-9._-]+/g, '-')
          .slice(0, 80),
        always_online: true,
      },
      slash_commands: slashCommands,
    },
    oauth_config: {
      ...(options.socketMode && options.url === undefined ? {} : { redirect_urls: [`${base}${SLACK_PATHS.redirect}`] }),
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: {
        ...(options.socketMode ? {} : { request_url: `${base}${SLACK_PATHS.events}` }),
        bot_events: [...SLACK_BOT_EVENTS],
      },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}

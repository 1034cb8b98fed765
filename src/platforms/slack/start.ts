import { App, HTTPReceiver, SocketModeReceiver, type Authorize, type Receiver } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import type { WebClientOptions } from '@slack/web-api';
import type { CommandServices } from '../../dispatch/index.ts';
import { UserFacingError } from '../../domain/index.ts';
import type { Logger, Publisher, Store } from '../../ports/index.ts';
import type { Route } from '../../http/index.ts';
import { createBoltLogger } from './bolt-logger.ts';
import { registerSlashCommands } from './commands.ts';
import { createSlackInstallationStore, installationKey, installedBotToken, SLACK_PLATFORM } from './oauth-installation-store.ts';
import { SLACK_BOT_EVENTS, SLACK_BOT_SCOPES, SLACK_PATHS } from './manifest.ts';
import { createSlackPublisher, type SlackPublisherOptions } from './publisher.ts';
import type { SlackSettings } from '../../config/index.ts';
import { type SlackAuth, slackSetup, type SlackSetup } from './setup.ts';
import { deliveryVerdict, deliveryVerdictProperty, slackEventsRoute } from './events-route.ts';

/** What startSlack needs from the App (src/app.ts): `startSlack(app)` passes it whole. */
export interface SlackDependencies {
  config: SlackSettings;
  store: Store;
  logger: Logger;
  commands: CommandServices;
}

export interface SlackStartOptions {
  /** Web API client options for Bolt, OAuth and the Publisher; tests set `slackApiUrl` and `retryConfig`. */
  clientOptions?: WebClientOptions | undefined;
  /** Wall clock for request timestamps, in milliseconds. */
  now?: (() => number) | undefined;
  /** Pacing and waiting of the Publisher (tests replace the sleep). */
  publisher?: Pick<SlackPublisherOptions, 'sleep' | 'now' | 'channelIntervalMs' | 'maxRetryAfterSeconds'> | undefined;
}

export interface SlackBot {
  publisher: Publisher;
  /** Routes for the bot's one HTTP server: /slack/events in HTTP mode, /slack/install and /slack/oauth_redirect with OAuth. Empty in Socket Mode with one token. */
  routes: Route[];
  /** e.g. "http, one workspace" or "socket mode, OAuth". */
  mode: string;
  stop(): Promise<void>;
}

function oauthRoutes(installer: InstallProvider): Route[] {
  return [
    {
      method: 'GET',
      path: SLACK_PATHS.install,
      handle: (request, response) => installer.handleInstallPath(request, response, {}, { scopes: [...SLACK_BOT_SCOPES] }),
    },
    { method: 'GET', path: SLACK_PATHS.redirect, handle: (request, response) => installer.handleCallback(request, response) },
  ];
}

/** One workspace: Bolt's own token authorization. OAuth: installs in the bot's database, and the install routes. */
function slackAuthorization(
  auth: SlackAuth,
  store: Store,
  boltLogger: ReturnType<typeof createBoltLogger>,
  clientOptions: WebClientOptions,
): { option: { token: string } | { authorize: Authorize<boolean> }; routes: Route[] } {
  if (auth.kind === 'token') return { option: { token: auth.botToken }, routes: [] };
  const installer = new InstallProvider({
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    stateSecret: auth.stateSecret,
    installationStore: createSlackInstallationStore(store),
    logger: boltLogger,
    clientOptions,
  });
  return { option: { authorize: (source) => installer.authorize(source) }, routes: oauthRoutes(installer) };
}

function modeName(setup: SlackSetup): string {
  return `${setup.transport.kind === 'http' ? 'http' : 'socket mode'}, ${setup.auth.kind === 'oauth' ? 'OAuth installs' : 'one workspace'}`;
}

/**
 * Starts the Slack side of the bot with Bolt: slash commands for every registered command, and a
 * Publisher for briefs. In HTTP mode it returns routes for the bot's one server (main starts the
 * server); in Socket Mode it connects before it returns. Throws a UserFacingError naming the
 * settings when they are incomplete or Slack refuses the token.
 */
export async function startSlack(dependencies: SlackDependencies, options: SlackStartOptions = {}): Promise<SlackBot> {
  const chosen = slackSetup(dependencies.config);
  if (chosen.setup === null) throw new UserFacingError(`Slack settings are incomplete:\n${chosen.problems.map((problem) => `  - ${problem}`).join('\n')}`);
  const setup = chosen.setup;
  const logger = dependencies.logger;
  const boltLogger = createBoltLogger(logger);
  // Bolt's defaults retry for half an hour and never time out; a bot should rather fail and say so.
  const clientOptions: WebClientOptions = { retryConfig: { retries: 2 }, timeout: 10_000, ...options.clientOptions };
  const routes: Route[] = [];

  const authorization = slackAuthorization(setup.auth, dependencies.store, boltLogger, clientOptions);
  routes.push(...authorization.routes);

  let receiver: Receiver;
  if (setup.transport.kind === 'http') {
    const httpReceiver = new HTTPReceiver({
      signingSecret: setup.transport.signingSecret,
      endpoints: SLACK_PATHS.events,
      logger: boltLogger,
      customPropertiesExtractor: deliveryVerdictProperty,
    });
    receiver = httpReceiver;
    routes.push(
      slackEventsRoute(httpReceiver, setup.transport.signingSecret, { logger, now: options.now ?? (() => Date.now()), replayGuard: dependencies.store }),
    );
  } else {
    receiver = new SocketModeReceiver({ appToken: setup.transport.appToken, logger: boltLogger, installerOptions: { clientOptions } });
  }

  const app = new App({
    receiver,
    logger: boltLogger,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
    ...authorization.option,
  });
  try {
    await app.init();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (setup.auth.kind === 'token' && code !== undefined) throw new UserFacingError(`SLACK_BOT_TOKEN: Slack refused the token (${code})`);
    throw error;
  }
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
  });
  registerSlashCommands(app, { services: dependencies.commands, adminUsers: setup.adminUsers, logger });
  if (setup.auth.kind === 'oauth') {
    // The bot holds only a bot token, so either event means this install can no longer be used.
    for (const event of SLACK_BOT_EVENTS) {
      app.event(event, async ({ body, context }) => {
        if ((await deliveryVerdict(context)) !== 'first') return;
        const workspaceId = installationKey({
          isEnterpriseInstall: context.isEnterpriseInstall,
          enterpriseId: context.enterpriseId,
          teamId: context.teamId ?? body.team_id,
        });
        if (workspaceId === null) return;
        await dependencies.store.deleteInstallation(SLACK_PLATFORM, workspaceId);
        logger.info({ workspaceId, event }, 'slack install removed');
      });
    }
  }
  if (setup.transport.kind === 'socket') {
    try {
      await app.start();
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== undefined) throw new UserFacingError(`SLACK_APP_TOKEN: Slack refused the app token (${code})`);
      throw error;
    }
  }

  const botToken = setup.auth.kind === 'token' ? setup.auth.botToken : null;
  const publisher = createSlackPublisher({
    tokenFor: async (workspaceId) => botToken ?? (await installedBotToken(dependencies.store, workspaceId)),
    logger,
    clientOptions,
    ...options.publisher,
  });
  const mode = modeName(setup);
  logger.info({ mode, routes: routes.map((route) => route.path) }, 'slack ready');
  return {
    publisher,
    routes,
    mode,
    stop: async () => {
      if (setup.transport.kind === 'socket') await app.stop();
    },
  };
}

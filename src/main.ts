import type { Writable } from 'node:stream';
import type { App } from './app.ts';
import type { Publisher } from './ports/index.ts';
import { textReply } from './domain/index.ts';
import { createIngestRoutes, createSourceServices, ingestExamplesIfEmpty } from './sources/index.ts';
import { type HttpServer, type Route, startHttpServer } from './http/index.ts';
import { createDeliveryServices, DEFAULT_DELIVERY_SETTINGS, type DeliverySettings, markQuiet, runDeliveryTick } from './delivery/index.ts';
import { createJobQueue, defineBackgroundWork, failedPolls } from './background.ts';
import { createShellPublisher, isSlackConfigured, readDiscordCredentials, runShell } from './platforms/index.ts';

/** Articles looked at for a missing summary at each minute tick (each becomes one summary job). */
const SUMMARIES_PER_TICK = 200;

export function deliverySettings(app: App): DeliverySettings {
  return {
    ...DEFAULT_DELIVERY_SETTINGS,
    windowHours: app.config.BRIEF_WINDOW_HOURS,
    graceMinutes: app.config.DELIVERY_GRACE_MINUTES,
    alertLimit: app.config.ALERT_LIMIT,
    alertWindowMinutes: app.config.ALERT_WINDOW_MINUTES,
    alertMinImportance: app.config.ALERT_MIN_IMPORTANCE,
  };
}

export interface StartIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); used when a platform runs. */
  stopSignal?: Promise<unknown>;
  /** Told once everything is up: the HTTP port (null when no server) and the platforms served. */
  onReady?: (info: { httpPort: number | null; platforms: string[] }) => void;
}

/**
 * Resolves on SIGINT/SIGTERM, or on an error that escaped every handler: that one is logged with
 * a reference and the bot stops in order (exit code 1) rather than dying silently mid-post.
 */
function stopSignal(logger: App['logger']): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
    const fatal = (error: unknown) => {
      logger.error({ err: error, reference: Math.random().toString(16).slice(2, 10) }, 'unexpected error; stopping');
      process.exitCode = 1;
      resolve('fatal');
    };
    process.once('uncaughtException', fatal);
    process.once('unhandledRejection', fatal);
  });
}

/**
 * The composition root: platforms, the HTTP server, feed polling and the delivery scheduler.
 * With no Discord or Slack credentials it is the local shell bot on stdin/stdout and returns at
 * end of input; otherwise it serves until SIGINT/SIGTERM, then stops everything in order.
 */
export async function start(app: App, io: StartIo): Promise<number> {
  const output = io.output as Writable;
  const publishers = new Map<string, Publisher>();
  const stops: Array<() => Promise<void>> = [];
  const routes: Route[] = [];

  const sources = createSourceServices(app.config, app, {
    notify: async (source, message) => {
      const publisher = publishers.get(source.addedBy.platform);
      if (publisher === undefined) {
        app.logger.warn({ source: source.id }, message);
        return;
      }
      await publisher.post({ workspaceId: source.addedBy.workspaceId, channelId: source.addedBy.channelId }, textReply('Feed paused', [message], 'public'));
    },
    onStored: async (articles, origin) => {
      if (origin.baseline) await markQuiet(app.store, articles, app.clock.now());
    },
  });
  app.commands.sources = sources.actions;
  routes.push(...createIngestRoutes({ token: app.config.INGEST_TOKEN, maxBytes: app.config.INGEST_MAX_BYTES, ingest: app.ingest, logger: app.logger }));

  try {
    // The SDKs load only for the platform that runs (discord.js and Bolt cost ~50 MB and a second).
    if (readDiscordCredentials(app.config) !== null) {
      const { startDiscord } = await import('./platforms/discord/index.ts');
      const discord = await startDiscord({ settings: app.config, services: app.commands });
      publishers.set(discord.publisher.platform, discord.publisher);
      stops.push(() => discord.stop());
      app.logger.info({}, 'Discord connected');
    }
    if (isSlackConfigured(app.config)) {
      const { startSlack } = await import('./platforms/slack/index.ts');
      const slack = await startSlack(app);
      publishers.set(slack.publisher.platform, slack.publisher);
      routes.push(...slack.routes);
      stops.push(() => slack.stop());
      app.logger.info({ mode: slack.mode }, 'Slack started');
    }
    let server: HttpServer | null = null;
    if (routes.length > 0) {
      server = await startHttpServer({ port: app.config.HTTP_PORT, host: app.config.HTTP_HOST, routes, logger: app.logger });
      const listening = server;
      stops.unshift(() => listening.close());
      app.logger.info({ port: server.port }, 'HTTP server listening');
    }

    const shell = publishers.size === 0;
    if (shell) {
      const articles = await app.store.countArticles();
      const model = app.llm === undefined ? 'summaries are extractive, no LLM configured' : `summaries by ${app.llm.label}`;
      output.write(`market-brief (shell: no Discord or Slack credentials; ${model})\n`);
      const examples = await ingestExamplesIfEmpty(app);
      if (examples !== null) output.write(`First run: ingested ${examples} sample articles from examples/.\n`);
      else output.write(`${articles} articles in the database.\n`);
      if (server !== null) output.write(`HTTP server on port ${server.port}.\n`);
      output.write('Type /help for commands; end input (Ctrl-D) to quit.\n\n');
      const publisher = createShellPublisher(output);
      publishers.set(publisher.platform, publisher);
    }

    const delivery = createDeliveryServices(app, publishers, deliverySettings(app));
    const llm = app.llm;
    const since = () => new Date(app.clock.now().getTime() - app.config.BRIEF_WINDOW_HOURS * 3_600_000).toISOString();
    const queue = await createJobQueue(app);
    await defineBackgroundWork(queue, {
      delivery,
      polling: sources.polling,
      summaries:
        llm === undefined
          ? undefined
          : {
              pending: () => llm.pendingSummaries({ since: since(), limit: SUMMARIES_PER_TICK }),
              summarise: (id) => llm.summariseStored(id),
              concurrency: app.config.LLM_CONCURRENCY,
            },
    });
    await queue.start({ work: true });
    sources.actions.failedPolls = failedPolls(queue);
    // Stop the jobs before the platforms they post through.
    stops.unshift(() => queue.stop());

    io.onReady?.({ httpPort: server?.port ?? null, platforms: [...publishers.keys()] });
    if (shell) await runShell(io.input as NodeJS.ReadableStream & import('node:stream').Readable, output, app.commands);
    else {
      app.logger.info({ platforms: [...publishers.keys()] }, 'market-brief running');
      const signal = await (io.stopSignal ?? stopSignal(app.logger));
      app.logger.info({ signal }, 'stopping');
    }
    return 0;
  } finally {
    for (const stop of stops) {
      await stop().catch((error: unknown) => app.logger.error({ err: error }, 'error while stopping'));
    }
  }
}

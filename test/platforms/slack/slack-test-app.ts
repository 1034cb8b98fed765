import { type App, createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { ingestArticle } from '../../../src/pipeline/ingest-article.ts';
import type { Command } from '../../../src/dispatch/command.ts';
import type { Store } from '../../../src/ports/store.ts';
import { textReply } from '../../../src/domain/reply.ts';
import { type HttpServer, startHttpServer } from '../../../src/http/http-server.ts';
import { type SlackBot, startSlack } from '../../../src/platforms/slack/start.ts';
import { FakeSlack } from '../../support/fake-slack.ts';

/** Articles written for these tests; the hostile bits are what an article could carry. */
function testArticles(now: Date) {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  return [
    {
      title: 'Hang Seng Index climbs 2% as Alibaba leads a tech rally <!channel>',
      text: [
        'Hong Kong stocks rose on Tuesday. The Hang Seng Index gained 2% by the close, its best day in a month, as technology shares rallied.',
        'Alibaba Group shares climbed 4% after the company said cloud revenue grew faster than analysts expected. Tencent rose 3%.',
        'A message board post urged readers to <!here> buy now and tagged <@U0BOSS>; another linked <http://evil.example|alibaba.com> to an unrelated site.',
        'Brokers said turnover was above average and that buyers returned to large internet companies.',
      ].join('\n\n'),
      url: 'https://news.example.com/markets/hang-seng-tech-rally',
      source: 'Example Wire',
      publishedAt: hoursAgo(2),
    },
    {
      title: 'HSBC shares fall 3% after the bank warns on profit',
      text: [
        'HSBC Holdings shares fell 3% in Hong Kong on Tuesday after the bank warned that lower interest rates would reduce its profit next year.',
        'The bank said net interest income would be lower than it had forecast. Analysts cut their price targets for the stock.',
        'Other lenders in the city also slipped, while the wider market held on to its gains.',
      ].join('\n\n'),
      url: 'https://news.example.com/banks/hsbc-profit-warning',
      source: 'Example Wire',
      publishedAt: hoursAgo(3),
    },
  ];
}

const READS = new Set(['listArticles', 'search', 'getArticles', 'getArticle', 'topicCounts', 'entityCounts', 'countArticles']);

/** A Store whose article reads wait while the test holds them: a slow backend without timers. */
export function gatedStore(inner: Store) {
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  // The Slack replay check (rememberOnce) has a gate of its own, and can be made to fail.
  let replayGate: Promise<void> | null = null;
  let openReplay: () => void = () => undefined;
  let replayFailure: Error | null = null;
  const enteredWaiters: Array<() => void> = [];
  let entered = 0;
  const finished = new Map<string, Array<() => void>>();
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (READS.has(property)) {
          entered += 1;
          for (const waiter of enteredWaiters.splice(0)) waiter();
          if (gate !== null) await gate;
        }
        if (property === 'rememberOnce') {
          if (replayGate !== null) await replayGate;
          if (replayFailure !== null) throw replayFailure;
        }
        const result = (await (value as (...parameters: unknown[]) => unknown).apply(target, args)) as unknown;
        for (const waiter of finished.get(property)?.splice(0) ?? []) waiter();
        return result;
      };
    },
  });
  return {
    store,
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
    /** Replay checks wait until releaseReplayChecks (a database whose write lock is held elsewhere). */
    holdReplayChecks() {
      replayGate = new Promise<void>((resolve) => (openReplay = resolve));
    },
    releaseReplayChecks() {
      replayGate = null;
      openReplay();
    },
    /** Replay checks throw `error` (a database that cannot be written). */
    failReplayChecks(error: Error) {
      replayFailure = error;
    },
    /** Resolves once a read has started (it may then be waiting at the gate). */
    entered(): Promise<void> {
      return entered > 0 ? Promise.resolve() : new Promise((resolve) => enteredWaiters.push(resolve));
    },
    /** Resolves after the next call of a Store method has completed. */
    nextCall(method: keyof Store): Promise<void> {
      return new Promise((resolve) => finished.set(method, [...(finished.get(method) ?? []), resolve]));
    },
  };
}

export interface SlackTestBed {
  fake: FakeSlack;
  app: App;
  gate: ReturnType<typeof gatedStore>;
  slack: SlackBot;
  server: HttpServer | null;
  baseUrl: string;
  close(): Promise<void>;
}

/** A bot with two test articles, Slack started against the fake, and (for HTTP) the bot's server on port 0. */
export async function startSlackTestBed(
  environment: Record<string, string>,
  prepare: (fake: FakeSlack) => void = () => undefined,
  extraCommands: readonly Command[] = [],
): Promise<SlackTestBed> {
  const fake = await new FakeSlack().start();
  prepare(fake);
  const app = createApp(loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', ...environment }, null));
  for (const article of testArticles(app.clock.now())) await ingestArticle(article, app.ingest);
  const gate = gatedStore(app.store);
  let slack: SlackBot | null = null;
  let server: HttpServer | null = null;
  try {
    slack = await startSlack(
      {
        config: app.config,
        store: gate.store,
        logger: app.logger,
        commands: { ...app.commands, store: gate.store, commands: [...app.commands.commands, ...extraCommands] },
      },
      { clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } },
    );
    if (slack.routes.length > 0) server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: slack.routes, logger: app.logger });
  } catch (error) {
    await fake.close();
    await app.close();
    throw error;
  }
  const started = slack;
  return {
    fake,
    app,
    gate,
    slack: started,
    server,
    baseUrl: server === null ? '' : `http://127.0.0.1:${server.port}`,
    async close() {
      gate.release();
      gate.releaseReplayChecks();
      await started.stop();
      await server?.close();
      await fake.close();
      await app.close();
    },
  };
}

/** A test command that answers with what the adapter told it: the context and the parsed options. */
export const whoamiCommand: Command = {
  name: 'whoami',
  description: 'Echo the command context (tests only)',
  usage: '/whoami <count> [words]',
  examples: ['/whoami 3 hello'],
  options: [
    { name: 'count', description: 'A number', type: 'integer', required: true },
    { name: 'words', description: 'Anything', type: 'string', required: false, rest: true },
  ],
  adminOnly: false,
  async run(options, context) {
    return textReply('whoami', [JSON.stringify({ context, options })]);
  },
};

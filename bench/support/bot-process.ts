// A bot process for the benchmarks: what src/main.ts starts (Discord, Slack over HTTP, the ingest
// endpoint, the delivery scheduler) with Slack's Web API pointed at a loopback fake, which no
// setting can do. Settings come from the environment, the fake Slack's URL from argv[2].
// Prints one JSON line {"ready":true,"httpPort":…} on stdout once serving; stops on SIGTERM.
// On SIGUSR2 it prints the main thread's event-loop delay since the last one ({"eventLoop":…}, ms).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { startHttpServer } from '../../src/http/http-server.ts';
import { createIngestRoutes } from '../../src/sources/ingest-endpoint.ts';
import { createDeliveryServices, runDeliveryTick } from '../../src/delivery/delivery-tick.ts';
import { startScheduler } from '../../src/jobs/cron-tick.ts';
import { deliverySettings } from '../../src/main.ts';
import { startDiscord } from '../../src/platforms/discord/start.ts';
import { startSlack } from '../../src/platforms/slack/start.ts';

const slackApiUrl = process.argv[2] ?? '';
const app = createApp(loadConfig(process.env, null), { threads: process.env['ENGINE_THREADS'] !== 'off' });
const discord = await startDiscord({ settings: app.config, services: app.commands });
const slack = await startSlack(app, { clientOptions: { slackApiUrl, retryConfig: { retries: 0 } } });
const server = await startHttpServer({
  port: app.config.HTTP_PORT,
  host: app.config.HTTP_HOST,
  routes: [
    ...slack.routes,
    ...createIngestRoutes({ token: app.config.INGEST_TOKEN, maxBytes: app.config.INGEST_MAX_BYTES, ingest: app.ingest, logger: app.logger }),
  ],
  logger: app.logger,
});
const publishers = new Map([
  [discord.publisher.platform, discord.publisher],
  [slack.publisher.platform, slack.publisher],
]);
const scheduler = startScheduler(() => runDeliveryTick(createDeliveryServices(app, publishers, deliverySettings(app))), app.logger);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
process.on('SIGUSR2', () => {
  const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
  const eventLoop = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
  delay.reset();
  process.stdout.write(`${JSON.stringify({ eventLoop })}\n`);
});

process.once('SIGTERM', () => {
  void (async () => {
    await scheduler.stop();
    await server.close();
    await slack.stop();
    await discord.stop();
    await app.close();
    process.exit(0);
  })();
});

// Ready only once the SIGUSR2 and SIGTERM handlers are in: a signal that came before it would end the process
// (SIGUSR2's default action), and the benchmark sends one as soon as it reads this line.
process.stdout.write(`${JSON.stringify({ ready: true, httpPort: server.port })}\n`);

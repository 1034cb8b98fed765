// 5. Delivery fan-out: time from a slot to the last of 1,000 channel posts on the loopback Discord
// (behind a proxy enforcing Discord's global 50 requests/s with real 429s, so ~20 s per message
// is the floor) and on the loopback Slack, in the same scheduler tick. Run: node bench/fanout.ts
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { ingestArticle } from '../src/pipeline/ingest-article.ts';
import type { Publisher } from '../src/ports/publisher.ts';
import type { Store } from '../src/ports/store.ts';
import { deliverBriefs } from '../src/delivery/deliver-briefs.ts';
import { createDeliveryServices } from '../src/delivery/delivery-tick.ts';
import { deliverySettings } from '../src/main.ts';
import { startDiscord } from '../src/platforms/discord/start.ts';
import { startSlack } from '../src/platforms/slack/start.ts';
import { newSubscription } from '../test/support/articles.ts';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { snowflake } from '../test/support/fake-discord-payloads.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { workDirectory } from './support/bench-store.ts';
import { startRateLimitProxy } from './support/discord-rate-limit.ts';
import { recentRawArticles } from './support/recent-articles.ts';
import { progress, runBenchmark } from './support/report.ts';
import { round } from './support/stats.ts';

const NAME = 'fanout';
const CHANNELS = 1_000;
const ARTICLES = 100;
const GLOBAL_LIMIT = 50;

/** Wraps a publisher to note when each post was acknowledged by the platform. */
function timed(publisher: Publisher, done: number[], messages: { count: number }): Publisher {
  return {
    platform: publisher.platform,
    async post(target, reply, options) {
      const ids = await publisher.post(target, reply, options);
      done.push(performance.now());
      messages.count += ids.length;
      return ids;
    },
  };
}

async function subscribe(store: Store, platform: string, workspaceId: string, channels: readonly string[], slot: Date): Promise<void> {
  const time = slot.toISOString().slice(11, 16);
  for (const channelId of channels) await store.addSubscription(newSubscription({ platform, workspaceId, channelId, time, timezone: 'UTC' }));
}

await runBenchmark(NAME, async () => {
  const slot = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  const folder = workDirectory(NAME);
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${join(folder, 'bot.db')}`,
      LOG_LEVEL: 'silent',
      EXAMPLES_ON_FIRST_RUN: 'false',
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
    },
    null,
  );
  const app = createApp(config, { clock: { now: () => slot } });
  for (const raw of recentRawArticles(ARTICLES, slot, 20, 5_005)) await ingestArticle(raw, app.ingest);

  const discordFake = await FakeDiscord.start();
  const proxy = await startRateLimitProxy(discordFake.apiUrl, GLOBAL_LIMIT);
  const slackFake = await new FakeSlack().start();
  slackFake.addWorkspace({ teamId: 'T0001', botToken: 'xoxb-bench-token' });
  const discord = await startDiscord({
    settings: { DISCORD_TOKEN: discordFake.token, DISCORD_APPLICATION_ID: discordFake.identity.applicationId, DISCORD_API_URL: proxy.apiUrl },
    services: app.commands,
  });
  const slack = await startSlack(app, { clientOptions: { slackApiUrl: slackFake.apiUrl, retryConfig: { retries: 0 } } });
  try {
    const discordChannels = Array.from({ length: CHANNELS }, () => snowflake());
    for (const channel of discordChannels) discordFake.channels.add(channel);
    const slackChannels = Array.from({ length: CHANNELS }, (_unused, index) => `C${String(index).padStart(8, '0')}`);
    await subscribe(app.store, discord.publisher.platform, discordFake.identity.guildId, discordChannels, slot);
    await subscribe(app.store, slack.publisher.platform, 'T0001', slackChannels, slot);
    (app.store as Store & { database: import('node:sqlite').DatabaseSync }).database
      .prepare('UPDATE subscriptions SET created_at = ?')
      .run(new Date(slot.getTime() - 86_400_000).toISOString());

    const posted = { discord: [] as number[], slack: [] as number[] };
    const messages = { discord: { count: 0 }, slack: { count: 0 } };
    const publishers = new Map<string, Publisher>([
      [discord.publisher.platform, timed(discord.publisher, posted.discord, messages.discord)],
      [slack.publisher.platform, timed(slack.publisher, posted.slack, messages.slack)],
    ]);
    const services = createDeliveryServices({ ...app, clock: { now: () => slot } }, publishers, deliverySettings(app));
    progress(NAME, `one tick: a brief to ${CHANNELS} Discord and ${CHANNELS} Slack channels`);
    const started = performance.now();
    const report = await deliverBriefs(services);
    const seconds = (times: number[]) => round((Math.max(...times) - started) / 1000, 1);
    const discordSeconds = seconds(posted.discord);
    const slackSeconds = seconds(posted.slack);
    const limits = proxy.counts();
    const floorSeconds = round(messages.discord.count / GLOBAL_LIMIT, 1);
    const figures = {
      discord: {
        channelsPosted: posted.discord.length,
        messages: messages.discord.count,
        secondsToLastPost: discordSeconds,
        floorSeconds,
        ratioToFloor: round(discordSeconds / floorSeconds),
        responses429: limits.limited,
        firstPostSeconds: round((Math.min(...posted.discord) - started) / 1000, 2),
      },
      slack: { channelsPosted: posted.slack.length, messages: messages.slack.count, secondsToLastPost: slackSeconds },
      tick: report,
    };
    return {
      parameters: {
        channelsPerPlatform: CHANNELS,
        articlesInWindow: ARTICLES,
        discordGlobalLimitPerSecond: GLOBAL_LIMIT,
        postConcurrency: services.settings.postConcurrency,
      },
      figures,
      summary: [
        {
          figure: `Discord: slot → last of ${CHANNELS.toLocaleString('en-US')} channel posts`,
          value: `${discordSeconds} s (${messages.discord.count} messages, floor ${floorSeconds} s at ${GLOBAL_LIMIT}/s, ${limits.limited} × 429)`,
        },
        { figure: `Slack: slot → last of ${CHANNELS.toLocaleString('en-US')} channel posts`, value: `${slackSeconds} s (${messages.slack.count} messages)` },
      ],
      notes: [
        'One scheduler tick (deliverBriefs, as the bot runs it every minute) with 1,000 Discord and 1,000 Slack subscriptions to the same scope: one brief is composed and posted to all 2,000 channels; time runs from the start of the tick to the platform acknowledging the last post.',
        'Discord: discord.js REST through a proxy that answers beyond 50 requests/s with 429 {global: true}; Slack: the Web API client against the fake, which enforces no rate limit.',
      ],
    };
  } finally {
    await discord.stop();
    await slack.stop();
    await proxy.close();
    await discordFake.close();
    await slackFake.close();
    await app.close();
  }
});

// 4. LLM economy: model calls and tokens per brief as the articles in its window grow (10, 100,
// 1,000) and as subscribed channels grow (1, 100, 1,000), counted by the loopback OpenAI server,
// through the scheduler's real delivery path; and the cache hit rate of the next brief over the
// same articles. Run: node bench/llm-economy.ts
import { join } from 'node:path';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { ingestArticle } from '../src/pipeline/ingest-article.ts';
import type { Publisher } from '../src/ports/publisher.ts';
import type { Store } from '../src/ports/store.ts';
import { deliverBriefs } from '../src/delivery/deliver-briefs.ts';
import { createDeliveryServices } from '../src/delivery/delivery-tick.ts';
import { deliverySettings } from '../src/main.ts';
import { newSubscription } from '../test/support/articles.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../test/support/fake-openai.ts';
import { workDirectory } from './support/bench-store.ts';
import { recentRawArticles } from './support/recent-articles.ts';
import { progress, runBenchmark } from './support/report.ts';
import { round } from './support/stats.ts';

const NAME = 'llm-economy';
const HOUR = 3_600_000;

interface Scenario {
  articles: number;
  channels: number;
  /** Distinct subscription scopes the channels are spread over (1: all the same). */
  scopes: number;
}

const SCENARIOS: Scenario[] = [
  { articles: 10, channels: 1, scopes: 1 },
  { articles: 100, channels: 1, scopes: 1 },
  { articles: 1_000, channels: 1, scopes: 1 },
  { articles: 100, channels: 100, scopes: 1 },
  { articles: 100, channels: 1_000, scopes: 1 },
  { articles: 100, channels: 1_000, scopes: 10 },
];

const nullPublisher: Publisher = {
  platform: 'shell',
  async post() {
    return ['m'];
  },
};

async function subscribeChannels(app: App, scenario: Scenario, slot: Date, prefix: string): Promise<void> {
  // With several scopes, each follows one of the topics most present in the window.
  const topics = scenario.scopes === 1 ? [] : (await app.store.topicCounts(undefined)).slice(0, scenario.scopes).map((count) => count.topic);
  for (let channel = 0; channel < scenario.channels; channel += 1) {
    const topic = topics[channel % Math.max(1, topics.length)];
    await app.store.addSubscription(
      newSubscription({
        channelId: `${prefix}${channel}`,
        topics: topic === undefined ? [] : [topic],
        time: slot.toISOString().slice(11, 16),
        timezone: 'UTC',
      }),
    );
  }
  (app.store as Store & { database: import('node:sqlite').DatabaseSync }).database
    .prepare('UPDATE subscriptions SET created_at = ? WHERE channel_id LIKE ?')
    .run(new Date(slot.getTime() - 86_400_000).toISOString(), `${prefix}%`);
}

/** The bot's clock, moved by the benchmark from one slot to the next. */
const clock = { current: new Date(0), now: () => new Date(clock.current) };

async function tick(app: App, fake: FakeOpenAi, slot: Date) {
  fake.reset();
  clock.current = slot;
  const services = createDeliveryServices(app, new Map([['shell', nullPublisher]]), deliverySettings(app));
  const started = performance.now();
  const report = await deliverBriefs(services);
  const seconds = round((performance.now() - started) / 1000, 2);
  const usage = await app.store.usageSince(slot.toISOString());
  const hits = usage.reduce((sum, total) => sum + total.cacheHits, 0);
  const calls = fake.calls();
  const tokens = fake.tokens();
  return {
    briefsComposed: report.composed,
    posted: report.outcomes.posted,
    calls,
    summaryCalls: fake.calls('article-summary'),
    inputTokens: tokens.input,
    outputTokens: tokens.output,
    callsPerBrief: round(calls / Math.max(1, report.composed), 1),
    tokensPerBrief: Math.round((tokens.input + tokens.output) / Math.max(1, report.composed)),
    cacheHits: hits,
    cacheHitRate: hits + calls === 0 ? null : round(hits / (hits + calls), 3),
    seconds,
  };
}

type TickResult = Awaited<ReturnType<typeof tick>>;

await runBenchmark(NAME, async () => {
  const fake = await startFakeOpenAi();
  const folder = workDirectory(NAME);
  const slot = new Date(Math.floor(Date.now() / HOUR) * HOUR);
  const next = new Date(slot.getTime() + HOUR);
  const results: Array<Scenario & { first: TickResult; second: TickResult; afterNewArticles: TickResult }> = [];
  try {
    for (const [index, scenario] of SCENARIOS.entries()) {
      progress(NAME, `${scenario.articles} articles, ${scenario.channels} channels, ${scenario.scopes} scope(s)`);
      const config = loadConfig(
        {
          DATABASE_URL: `sqlite:${join(folder, `scenario-${index}.db`)}`,
          LOG_LEVEL: 'silent',
          EXAMPLES_ON_FIRST_RUN: 'false',
          OPENAI_API_KEY: 'bench-key',
          OPENAI_BASE_URL: fake.baseURL,
          LLM_MAX_RETRIES: '0',
          LLM_DAILY_TOKEN_BUDGET: '0',
          LLM_DEADLINE_MS: '600000',
        },
        null,
      );
      clock.current = slot;
      const app = createApp(config, { clock });
      // Published 1 to 19 hours before the slot: the next hour's brief covers the same articles.
      const fresh = Math.max(1, Math.round(scenario.articles / 10));
      const raws = recentRawArticles(scenario.articles + fresh, new Date(slot.getTime() - HOUR), 18, 4_004);
      for (const raw of raws.slice(0, scenario.articles)) await ingestArticle(raw, app.ingest);
      await subscribeChannels(app, scenario, slot, 'first-');
      const first = await tick(app, fake, slot);
      // The next brief, an hour later, for another set of channels with the same scopes and articles.
      await subscribeChannels(app, scenario, next, 'next-');
      const second = await tick(app, fake, next);
      // An hour later again, after 10% more articles came in.
      const later = new Date(next.getTime() + HOUR);
      for (const raw of raws.slice(scenario.articles))
        await ingestArticle({ ...raw, publishedAt: new Date(next.getTime() + HOUR / 2).toISOString() }, app.ingest);
      await subscribeChannels(app, scenario, later, 'later-');
      const afterNewArticles = await tick(app, fake, later);
      await app.close();
      results.push({ ...scenario, first, second, afterNewArticles });
    }
  } finally {
    await fake.close();
  }
  const row = (scenario: (typeof results)[number]) =>
    `${scenario.first.calls} calls, ${scenario.first.tokensPerBrief.toLocaleString('en-US')} tokens (${scenario.first.summaryCalls} article summaries)`;
  const percentRange = (rates: number[]) => {
    const [low, high] = [round(Math.min(...rates) * 100, 1), round(Math.max(...rates) * 100, 1)];
    return low === high ? `${low} %` : `${low}–${high} %`;
  };
  const byArticles = results.filter((result) => result.channels === 1);
  const byChannels = results.filter((result) => result.articles === 100 && result.scopes === 1);
  const spread = results.find((result) => result.scopes > 1);
  const hitRates = results.map((result) => result.second.cacheHitRate ?? 0);
  const changedRates = results.map((result) => result.afterNewArticles.cacheHitRate ?? 0);
  return {
    parameters: {
      scenarios: SCENARIOS,
      model: 'gpt-4.1-mini (loopback fake)',
      window: '24 h',
      secondRun: 'the next hour’s brief, same scopes and articles',
      afterNewArticles: 'an hour later again, after 10% more articles',
    },
    figures: { scenarios: results },
    summary: [
      ...byArticles.map((result) => ({ figure: `LLM per brief, ${result.articles.toLocaleString('en-US')} articles`, value: row(result) })),
      ...byChannels
        .filter((result) => result.channels > 1)
        .map((result) => ({
          figure: `LLM, ${result.channels.toLocaleString('en-US')} channels on one scope`,
          value: `${result.first.calls} calls in all (${result.first.briefsComposed} brief composed, posted ${result.first.posted} times)`,
        })),
      ...(spread === undefined
        ? []
        : [
            {
              figure: `LLM, ${spread.channels.toLocaleString('en-US')} channels on ${spread.scopes} scopes`,
              value: `${spread.first.calls} calls for ${spread.first.briefsComposed} briefs`,
            },
          ]),
      {
        figure: 'cache hit rate, next brief on the same articles',
        value: `${percentRange(hitRates)} (${results.map((result) => result.second.calls).join('/')} model calls)`,
      },
      {
        figure: 'cache hit rate, next brief after 10 % new articles',
        value: `${percentRange(changedRates)} (${results.map((result) => result.afterNewArticles.calls).join('/')} model calls)`,
      },
    ],
    notes: [
      'Each scenario is a fresh bot (own database, empty cache) with real articles dated within the window and an OpenAI-compatible loopback server counting requests and tokens (gpt-tokenizer); briefs go through deliverBriefs, which composes one brief per distinct scope and posts it to every channel.',
      'Cache hit rate = answers served from the cache ÷ (cache hits + model calls) in a tick, from the bot’s own usage records: the second tick briefs the same articles, the third after 10% new ones arrived.',
    ],
  };
});

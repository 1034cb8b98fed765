import { type AddressInfo, createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ingestArticle } from '../../src/pipeline/ingest-article.ts';
import type { Reply } from '../../src/domain/reply.ts';
import { runCommand } from '../../src/dispatch/run-command.ts';
import { splitSentences } from '../../src/pipeline/clean/sentences.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/delivery/delivery-services.ts';
import { createDeliveryServices, runDeliveryTick } from '../../src/delivery/delivery-tick.ts';
import { newSubscription } from '../support/articles.ts';
import { type FaultArticle, faultArticles } from '../support/fault-articles.ts';
import { faultSeed } from '../support/fault-seed.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { createRecordingPublisher } from '../support/recording-publisher.ts';

const FIRST_SLOT = Date.parse('2026-11-20T08:00:00.000Z');
const DAY = 86_400_000;
const CHANNELS = ['c1', 'c2', 'c3'];

/** A port nothing listens on: connections are refused, as when the LLM server is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let fake: FakeOpenAi | null = null;
afterAll(async () => {
  await fake?.close();
});

function replyText(reply: Reply): string {
  return [
    reply.title,
    reply.lead?.text ?? '',
    ...reply.sections.flatMap((section) => section.lines.map((line) => `${line.label ?? ''} ${line.text}`)),
    reply.footer ?? '',
  ].join('\n');
}

/** Every story line of a brief is made of sentences found word for word in the stored articles. */
function expectExtractive(reply: Reply, articles: readonly FaultArticle[]): void {
  const stories = reply.sections.find((section) => section.heading === 'Top stories');
  expect(stories?.lines.length ?? 0).toBeGreaterThan(0);
  const corpus = articles.map((article) => `${article.title}\n${article.text}`).join('\n');
  for (const line of stories?.lines ?? []) {
    for (const sentence of splitSentences(line.text)) expect(corpus.includes(sentence), sentence).toBe(true);
  }
}

async function scenario(settings: Record<string, string>, label: string) {
  let now = FIRST_SLOT;
  const clock = { now: () => new Date(now) };
  const app: App = createApp(
    loadConfig(
      {
        DATABASE_URL: 'sqlite::memory:',
        LOG_LEVEL: 'silent',
        EXAMPLES_ON_FIRST_RUN: 'false',
        OPENAI_API_KEY: 'fault-suite-key',
        LLM_MAX_RETRIES: '1',
        ...settings,
      },
      null,
    ),
    { clock },
  );
  expect(app.llm, `${label}: the LLM is configured`).toBeDefined();
  const publisher = createRecordingPublisher(clock);
  for (const channelId of CHANNELS)
    await app.store.addSubscription(newSubscription({ createdAt: '2026-11-01T00:00:00.000Z', channelId, time: '08:00', timezone: 'UTC' }));
  const written: FaultArticle[] = [];
  // Two days of briefs, the endpoint down throughout.
  for (let day = 0; day < 2; day += 1) {
    now = FIRST_SLOT + day * DAY - 3_600_000;
    const articles = faultArticles(8, faultSeed() + day, new Date(now), 18);
    written.push(...articles);
    for (const article of articles) await ingestArticle(article, app.ingest);
    now = FIRST_SLOT + day * DAY;
    await runDeliveryTick(createDeliveryServices(app, new Map([['shell', publisher]]), DEFAULT_DELIVERY_SETTINGS));
  }
  expect(publisher.posts.map((post) => `${post.channelId}@${post.at.slice(0, 10)}`).sort(), `${label}: every brief posted`).toEqual(
    [...CHANNELS.map((channel) => `${channel}@2026-11-20`), ...CHANNELS.map((channel) => `${channel}@2026-11-21`)].sort(),
  );
  for (const post of publisher.posts) {
    expect(post.reply.footer ?? '', label).toMatch(/Extractive summaries/);
    expect(post.reply.footer ?? '', label).toMatch(/language model was unavailable/);
    expectExtractive(post.reply, written);
  }
  const context = { platform: 'shell', workspaceId: 'w', channelId: 'c1', userId: 'u', isAdmin: false };
  const ask = app.commands.commands.find((command) => command.name === 'ask');
  const brief = app.commands.commands.find((command) => command.name === 'brief');
  if (ask === undefined || brief === undefined) throw new Error('commands missing');
  const answer = await runCommand(ask, { question: 'what did analysts say about the result?' }, context, app.commands);
  expect(answer.sources.length, label).toBeGreaterThan(0);
  expect(replyText(answer), label).toMatch(/offline answer: the language model did not answer/);
  const asked = await runCommand(brief, {}, context, app.commands);
  expect(replyText(asked), label).toMatch(/language model was unavailable/);
  expectExtractive(asked, written);
  await app.close();
}

describe('the LLM endpoint down for the whole run', () => {
  it('connection refused: briefs are still posted to every channel, extractive, and say so; /ask and /brief answer offline', async () => {
    await scenario({ OPENAI_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` }, 'refused');
  });

  it('every request answered 503: the same', async () => {
    fake = await startFakeOpenAi();
    fake.setFaults(() => ({ kind: 'status', status: 503 }));
    await scenario({ OPENAI_BASE_URL: fake.baseURL }, '503');
    expect(fake.calls()).toBeGreaterThan(0);
  });

  it('requests that hang: the deadline ends the wait, and the same', async () => {
    const hanging = await startFakeOpenAi();
    hanging.setFaults(() => ({ kind: 'hang' }));
    try {
      await scenario({ OPENAI_BASE_URL: hanging.baseURL, LLM_TIMEOUT_MS: '1000', LLM_DEADLINE_MS: '1000', LLM_MAX_RETRIES: '0' }, 'hang');
    } finally {
      await hanging.close();
    }
  });
});

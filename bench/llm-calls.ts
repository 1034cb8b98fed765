// LLM calls and tokens per brief as articles grow (10, 100, 1,000) and as subscribed channels grow
// (1, 100, 1,000), counted by the loopback OpenAI server. Prints JSON. Run: node bench/llm-calls.ts
import type { Article } from '../src/domain/article.ts';
import { createGroundingGuard } from '../src/llm/grounding/grounding.ts';
import { createBriefWriter } from '../src/llm/writers/brief-writer.ts';
import { createPromptRunner } from '../src/llm/runner.ts';
import type { Logger } from '../src/ports/logger.ts';
import { loadCommonWords } from '../src/llm/grounding/common-words.ts';
import { createOpenAiModel } from '../src/llm/openai/openai-model.ts';
import { tokenPrices } from '../src/llm/budget/prices.ts';
import { loadReferenceIndex } from '../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { storyWorld } from '../test/llm/story-world.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../test/support/fake-openai.ts';

const logger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const clock = { now: () => new Date('2026-11-20T12:00:00.000Z') };
const reference = loadReferenceIndex();
const guard = createGroundingGuard({ reference, commonWords: loadCommonWords() });
const REPORTS_PER_STORY = 4;

function writerOn(fake: FakeOpenAi) {
  const store = createSqliteStore(':memory:');
  const model = createOpenAiModel({
    apiKey: 'bench',
    baseURL: fake.baseURL,
    model: 'gpt-4.1-mini',
    fastModel: 'gpt-4.1-nano',
    timeoutMs: 30_000,
    maxRetries: 0,
    concurrency: 4,
    responseFormat: 'json_schema',
  });
  const runner = createPromptRunner({
    model,
    store,
    clock,
    logger,
    dailyTokenBudget: 0,
    maxInputTokens: 6_000,
    priceOf: (name) => tokenPrices(name, {}),
  });
  return { store, writer: createBriefWriter({ runner, store, reference, guard, clock, logger, deadlineMs: 600_000 }) };
}

function request(articles: readonly Article[]) {
  return {
    title: 'Market brief',
    topics: [],
    window: { since: '2026-11-19T12:00:00.000Z', until: clock.now().toISOString() },
    articles,
    generatedAt: clock.now().toISOString(),
  };
}

const fake = await startFakeOpenAi();
try {
  const byArticles = [];
  for (const count of [10, 100, 1_000]) {
    fake.reset();
    const { store, writer } = writerOn(fake);
    const articles = storyWorld(Math.ceil(count / REPORTS_PER_STORY), REPORTS_PER_STORY).slice(0, count);
    const started = performance.now();
    const brief = await writer.compose(request(articles));
    const milliseconds = Math.round(performance.now() - started);
    const first = { calls: fake.calls(), summaryCalls: fake.calls('article-summary'), ...fake.tokens() };
    fake.reset();
    await writer.compose(request(articles));
    byArticles.push({
      articles: count,
      stories: new Set(articles.map((article) => article.title)).size,
      storiesShown: brief.stories.length,
      first,
      estimatedCostUsd: brief.usage?.estimatedCostUsd ?? null,
      repeatCalls: fake.calls(),
      milliseconds,
    });
    await store.close();
  }

  const byChannels = [];
  const articles = storyWorld(25, REPORTS_PER_STORY);
  for (const channels of [1, 100, 1_000]) {
    fake.reset();
    const { store, writer } = writerOn(fake);
    // Every channel subscribed to the same topics asks for its brief at the same slot.
    for (let channel = 0; channel < channels; channel += 1) await writer.compose(request(articles));
    byChannels.push({ channels, articles: articles.length, calls: fake.calls(), ...fake.tokens() });
    await store.close();
  }
  process.stdout.write(`${JSON.stringify({ benchmark: 'llm-calls', byArticles, byChannels }, null, 2)}\n`);
} finally {
  await fake.close();
}

import { describe, expect, it } from 'vitest';
import { answerPrompt } from '../../prompts/answer.ts';
import { articleSummaryPrompt } from '../../prompts/article-summary.ts';
import { LanguageModelError } from '../../src/ports/language-model.ts';
import { createPromptRunner, newMeter, type PromptRunner } from '../../src/llm/runner.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { createOpenAiModel, type OpenAiModelOptions } from '../../src/llm/openai/openai-model.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { fakeOpenAiSuite } from '../support/fake-openai-suite.ts';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const clock = { now: () => new Date('2026-11-20T12:00:00.000Z') };
const answerVars = {
  question: 'What did the index do?',
  sources: [{ n: 1, outlet: 'Test Wire', title: 'Index gains', publishedAt: null, passages: ['The index rose 3% on Monday.'] }],
};

const suite = fakeOpenAiSuite();

function setup(overrides: Partial<OpenAiModelOptions> = {}, budget = 0): { runner: PromptRunner; store: ReturnType<typeof createSqliteStore> } {
  const model = createOpenAiModel({
    apiKey: 'test-key',
    baseURL: suite.fake.baseURL,
    model: 'main-model',
    fastModel: 'fast-model',
    timeoutMs: 5_000,
    maxRetries: 2,
    concurrency: 4,
    responseFormat: 'json_schema',
    ...overrides,
  });
  const store = createSqliteStore(':memory:');
  suite.track(store);
  const runner = createPromptRunner({
    model,
    store,
    clock,
    logger: silentLogger,
    dailyTokenBudget: budget,
    maxInputTokens: 6_000,
    priceOf: () => ({ input: 1, output: 2 }),
  });
  return { runner, store };
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LanguageModelError) return error.failure;
    throw error;
  }
  return 'no failure';
}

describe('the OpenAI model through the real SDK', () => {
  it('sends a strict JSON schema named for the prompt, validates the answer and records the tokens', async () => {
    const { runner, store } = setup();
    const meter = newMeter();
    const answer = await runner.run(answerPrompt, answerVars, { meter });
    expect(answer).toEqual({ answerable: true, sentences: [{ text: 'The index rose 3% on Monday.', sources: [1] }] });
    const [request] = suite.fake.requests;
    expect(request?.headers.authorization).toBe('Bearer test-key');
    expect(request?.body.model).toBe('main-model');
    expect(request?.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'answer', strict: true } });
    expect(request?.body['max_tokens']).toBe(answerPrompt.maxOutputTokens);
    expect(request?.body.messages[0]).toEqual({ role: 'system', content: answerPrompt.system });
    const usage = await store.usageSince('2026-11-20T00:00:00.000Z');
    expect(usage).toEqual([
      { promptId: 'answer', model: 'main-model', calls: 1, cacheHits: 0, inputTokens: suite.fake.tokens().input, outputTokens: suite.fake.tokens().output },
    ]);
    expect(meter).toMatchObject({ calls: 1, inputTokens: suite.fake.tokens().input, outputTokens: suite.fake.tokens().output });
    expect(meter.estimatedCostUsd).toBeCloseTo((suite.fake.tokens().input + 2 * suite.fake.tokens().output) / 1e6, 9);
  });

  it('runs per-article work on the fast model', async () => {
    const { runner } = setup();
    await runner.run(articleSummaryPrompt, { title: 'Index gains', outlet: null, publishedAt: null, sentences: ['The index rose 3%.'], omitted: 0 });
    expect(suite.fake.requests[0]?.body.model).toBe('fast-model');
  });

  it('waits as Retry-After says after a 429, then succeeds', async () => {
    const { runner } = setup();
    suite.fake.queue({ kind: 'status', status: 429, retryAfter: '1' });
    const started = performance.now();
    await runner.run(answerPrompt, answerVars);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(suite.fake.requests.map((request) => request.fault)).toEqual(['status', null]);
  });

  it('retries 5xx with back-off, a bounded number of times', async () => {
    const { runner } = setup();
    suite.fake.queue({ kind: 'status', status: 500, retryAfterMs: 5 }, { kind: 'status', status: 503, retryAfterMs: 5 });
    await expect(runner.run(answerPrompt, answerVars)).resolves.toMatchObject({ answerable: true });
    expect(suite.fake.calls()).toBe(3);

    suite.fake.reset();
    suite.fake.setFaults(() => ({ kind: 'status', status: 500, retryAfterMs: 5 }));
    expect(await failureOf(runner.run(answerPrompt, answerVars))).toBe('unavailable');
    expect(suite.fake.calls()).toBe(3); // the first try and two retries, then it gives up
  });

  it('reports a rate limit that outlasts the retries', async () => {
    const { runner } = setup({ maxRetries: 1 });
    suite.fake.setFaults(() => ({ kind: 'status', status: 429, retryAfterMs: 5 }));
    expect(await failureOf(runner.run(answerPrompt, answerVars))).toBe('rate-limited');
    expect(suite.fake.calls()).toBe(2);
  });

  it('gives up on an endpoint that hangs past the timeout', async () => {
    const { runner } = setup({ timeoutMs: 200, maxRetries: 0 });
    suite.fake.queue({ kind: 'hang' });
    expect(await failureOf(runner.run(answerPrompt, answerVars))).toBe('timeout');
  });

  it('stops at the caller deadline even while retrying', async () => {
    const { runner } = setup({ timeoutMs: 60_000, maxRetries: 5 });
    suite.fake.setFaults(() => ({ kind: 'hang' }));
    // Ignoring the deadline would end in 'timeout' (60 s per attempt) or hang this test, not in 'aborted'.
    expect(await failureOf(runner.run(answerPrompt, answerVars, { signal: AbortSignal.timeout(150) }))).toBe('aborted');
  });

  it('retries malformed JSON once, telling the model what was wrong', async () => {
    const { runner } = setup();
    suite.fake.queue({ kind: 'malformed' });
    await expect(runner.run(answerPrompt, answerVars)).resolves.toMatchObject({ answerable: true });
    expect(suite.fake.calls()).toBe(2);
    const retry = suite.fake.requests[1]?.body.messages ?? [];
    expect(retry.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[3]?.content).toMatch(/invalid: not valid JSON/);
  });

  it('gives up after a second schema-invalid answer', async () => {
    const { runner, store } = setup();
    suite.fake.setFaults(() => ({ kind: 'schema-invalid' }));
    expect(await failureOf(runner.run(answerPrompt, answerVars))).toBe('invalid-output');
    expect(suite.fake.calls()).toBe(2);
    expect(suite.fake.requests[1]?.body.messages.at(-1)?.content).toMatch(/answerable/);
    // Both calls cost tokens, and both are counted.
    expect((await store.usageSince('2026-11-20T00:00:00.000Z'))[0]?.calls).toBe(2);
  });

  it('keeps at most the configured number of calls in flight', async () => {
    const { runner } = setup({ concurrency: 2 });
    suite.fake.setFaults(() => ({ kind: 'slow', delayMs: 40 }));
    await Promise.all(Array.from({ length: 6 }, () => runner.run(answerPrompt, answerVars)));
    expect(suite.fake.calls()).toBe(6);
    expect(suite.fake.maxInFlight()).toBe(2);
  });

  it('stops calling once the daily token budget is spent', async () => {
    const { runner } = setup({}, 50);
    await runner.run(answerPrompt, answerVars);
    expect(suite.fake.tokens().input).toBeGreaterThan(50);
    expect(await failureOf(runner.run(answerPrompt, answerVars))).toBe('budget');
    expect(suite.fake.calls()).toBe(1);
  });

  it('speaks json_object to servers without json_schema, putting the schema in the system text', async () => {
    const { runner } = setup({ responseFormat: 'json_object' });
    await runner.run(answerPrompt, answerVars);
    const body = suite.fake.requests[0]?.body;
    expect(body?.response_format).toEqual({ type: 'json_object' });
    expect(body?.messages[0]?.content).toContain('"answerable"');
  });

  it('refuses to send a prompt over the per-call token budget', async () => {
    const { runner } = setup();
    const long = { ...answerVars, sources: [{ ...answerVars.sources[0]!, passages: ['The index rose 3% on Monday. '.repeat(2_000)] }] };
    expect(await failureOf(runner.run(answerPrompt, long))).toBe('budget');
    expect(suite.fake.calls()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/brief/answer.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { Store } from '../../src/ports/store.ts';
import { createLlmServices } from '../../src/llm/create-llm-services.ts';
import type { LlmConfig } from '../../src/config/llm.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { noKeys } from '../support/articles.ts';
import { INVENTED_FIGURE } from '../support/fake-openai-answers.ts';
import { fakeLlmConfig, fakeOpenAiSuite } from '../support/fake-openai-suite.ts';
import { companyOf, storyWorld } from './story-world.ts';

const logger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const clock = { now: () => new Date('2026-11-20T12:00:00.000Z') };
const reference = loadReferenceIndex();

const suite = fakeOpenAiSuite();

function config(): LlmConfig {
  return fakeLlmConfig(suite.fake.baseURL);
}

async function setup() {
  const store = createSqliteStore(':memory:');
  suite.track(store);
  for (const article of storyWorld(4, 1)) await store.insertArticle(article, noKeys);
  const llm = createLlmServices(config(), { store, reference, clock, logger });
  return { store, services: { store, reference, answers: llm?.writers.answers } };
}

const question = `What did ${companyOf(1)} report?`;

describe('answers with the model', () => {
  it('answers from retrieved passages with sources, then from the cache', async () => {
    const { services } = await setup();
    const reply = await answerQuestion(question, services);
    expect(reply.footer).toMatch(/^Answered by main-model/);
    expect(reply.sections[0]?.lines[0]?.text).toContain(companyOf(1));
    expect(reply.sections[0]?.lines[0]?.sources).toEqual([1]);
    expect(reply.sources.map((source) => source.n)).toEqual([1]);
    expect(suite.fake.calls('answer')).toBe(1);
    expect(suite.fake.requests[0]?.body.messages[1]?.content).toContain('<data kind="question">');

    const again = await answerQuestion(question, services);
    expect(again).toEqual(reply);
    expect(suite.fake.calls('answer')).toBe(1);
  });

  it('drops an invented sentence and says so', async () => {
    const { services } = await setup();
    suite.fake.setFaults(() => ({ kind: 'invent' }));
    const reply = await answerQuestion(question, services);
    expect(JSON.stringify(reply)).not.toContain(INVENTED_FIGURE);
    expect(reply.footer).toMatch(/1 unsupported sentence removed$/);
  });

  it('drops a sentence obeying planted instructions', async () => {
    const { services } = await setup();
    suite.fake.setFaults(() => ({ kind: 'inject' }));
    const reply = await answerQuestion(question, services);
    for (const forbidden of ['@everyone', '#general', 'evil.example', '/unsubscribe']) expect(JSON.stringify(reply)).not.toContain(forbidden);
    expect(reply.sections[0]?.lines).toHaveLength(1);
  });

  it('answers offline, and says so, when the model fails', async () => {
    const { services } = await setup();
    suite.fake.setFaults(() => ({ kind: 'status', status: 503 }));
    const reply = await answerQuestion(question, services);
    expect(reply.footer).toBe('Quoted from the sources (offline answer: the language model did not answer)');
    expect(reply.sections[0]?.lines.length).toBeGreaterThan(0);
    expect(suite.fake.calls('answer')).toBe(1);
  });

  it('is absent without a key or base URL', () => {
    const store = createSqliteStore(':memory:');
    suite.track(store);
    expect(createLlmServices({ ...config(), OPENAI_BASE_URL: undefined }, { store, reference, clock, logger })).toBeUndefined();
  });
});

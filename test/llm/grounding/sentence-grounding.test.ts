import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/brief/answer.ts';
import { briefToReply } from '../../../src/brief/to-reply.ts';
import type { Brief } from '../../../src/domain/index.ts';
import { createLlmServices } from '../../../src/llm/create-llm-services.ts';
import { loadCommonWords } from '../../../src/llm/grounding/common-words.ts';
import { createGroundingGuard } from '../../../src/llm/grounding/grounding.ts';
import { echoesInstructions, sentenceStems, sentenceSupport, SUPPORT_THRESHOLD } from '../../../src/llm/grounding/sentence-support.ts';
import type { LlmConfig } from '../../../src/config/llm.ts';
import type { Logger } from '../../../src/ports/logger.ts';
import { loadReferenceIndex } from '../../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { noKeys } from '../../support/articles.ts';
import { ECHO_SENTENCE, UNSUPPORTED_SENTENCE } from '../../support/fake-openai-answers.ts';
import { fakeLlmConfig, fakeOpenAiSuite } from '../../support/fake-openai-suite.ts';
import { companyOf, storyWorld } from '../story-world.ts';

const logger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const clock = { now: () => new Date('2026-11-20T12:00:00.000Z') };
const reference = loadReferenceIndex();
const guard = createGroundingGuard({ reference, commonWords: loadCommonWords() });
const suite = fakeOpenAiSuite();

const source = {
  title: 'Copper hits a two-year high',
  text: 'Copper prices rose 3% to a two-year high as traders worried about mine disruptions in Chile. Mining shares rallied in London. Analysts said inventories had fallen sharply.',
  entities: [],
};

describe('sentence-level support', () => {
  it('passes a sentence that restates or joins the cited sentences', () => {
    expect(guard.check('Copper prices rose 3% to a two-year high on worries about mine disruptions in Chile.', [source])).toEqual({ ok: true, reasons: [] });
    expect(guard.check('Mining shares rallied in London as inventories had fallen sharply.', [source]).ok).toBe(true);
  });

  it('fails a claim with no figure or name that the cited sentences do not make', () => {
    const verdict = guard.check(UNSUPPORTED_SENTENCE, [source]);
    expect(verdict.ok).toBe(false);
    // Neither a figure nor a name gives it away: only the sentence-level test does.
    expect(verdict.reasons).toHaveLength(1);
    expect(verdict.reasons[0]).toMatch(/not supported by the cited sentences/);
  });

  it('does not gather words from all over an article: the best one or two sentences must hold them', () => {
    const spread = { title: 't', text: 'Copper rose. Traders left. Chile voted. Mines closed. London rallied. Inventories fell.', entities: [] };
    const stems = sentenceStems(spread.text);
    expect(sentenceSupport('Copper traders in Chile closed mines as London inventories rallied.', stems)).toBeLessThan(SUPPORT_THRESHOLD);
  });

  it('removes a model echoing its own instructions', () => {
    expect(echoesInstructions('Be concise and neutral: no advice, no predictions of your own.')).toBe(true);
    expect(echoesInstructions('Copper prices rose 3% to a two-year high.')).toBe(false);
    expect(guard.check(ECHO_SENTENCE, [source]).reasons).toContain('repeats the instructions, not the sources');
  });
});

function config(): LlmConfig {
  return fakeLlmConfig(suite.fake.baseURL);
}

async function setup(stories = 4, perStory = 1) {
  const store = createSqliteStore(':memory:');
  suite.track(store);
  const articles = storyWorld(stories, perStory);
  for (const article of articles) await store.insertArticle(article, noKeys);
  const llm = createLlmServices(config(), { store, reference, clock, logger });
  if (llm === undefined) throw new Error('LLM services expected');
  return { store, articles, llm, services: { store, reference, answers: llm.writers.answers } };
}

describe('model output through the fake OpenAI server', () => {
  for (const [kind, sentence] of [
    ['unsupported', UNSUPPORTED_SENTENCE],
    ['echo', ECHO_SENTENCE],
  ] as const) {
    it(`drops an ${kind} answer sentence, says so, and caches only what passed`, async () => {
      const { services } = await setup();
      suite.fake.setFaults(() => ({ kind }));
      const question = `What did ${companyOf(1)} report?`;
      const reply = await answerQuestion(question, services);
      expect(JSON.stringify(reply)).not.toContain(sentence);
      expect(reply.sections[0]?.lines.length).toBeGreaterThan(0);
      expect(reply.footer).toMatch(/1 unsupported sentence removed$/);
      // Served again from the cache (no new model call): still without the sentence.
      suite.fake.setFaults(null);
      const again = await answerQuestion(question, services);
      expect(suite.fake.calls('answer')).toBe(1);
      expect(JSON.stringify(again)).not.toContain(sentence);
    });

    it(`keeps an ${kind} sentence out of the brief and out of the cached brief`, async () => {
      const { articles, llm } = await setup(3, 1);
      suite.fake.setFaults(() => ({ kind }));
      const request = {
        title: 'Market brief',
        topics: [],
        window: { since: '2026-11-19T12:00:00.000Z', until: '2026-11-20T12:00:00.000Z' },
        articles,
        generatedAt: clock.now().toISOString(),
      };
      const brief: Brief = await llm.writers.briefs.compose(request);
      expect(brief.summariser).toBe('main-model');
      expect(JSON.stringify(briefToReply(brief))).not.toContain(sentence);
      const removed = (brief.removed ?? []).filter((item) => item.text === sentence);
      expect(removed.map((item) => item.place)).toEqual(expect.arrayContaining(['overview', 'story 1']));
      for (const item of removed) expect(item.reasons.join(' ')).toMatch(/not supported by the cited sentences|repeats the instructions/);
      const calls = suite.fake.calls();
      suite.fake.setFaults(null);
      const cached = await llm.writers.briefs.compose(request);
      expect(suite.fake.calls()).toBe(calls);
      expect(JSON.stringify(briefToReply(cached))).not.toContain(sentence);
    });
  }
});

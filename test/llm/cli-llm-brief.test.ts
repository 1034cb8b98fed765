import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVENTED_COMPANY, INVENTED_FIGURE } from '../support/fake-openai-answers.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { runCli, runCliInProcess, temporaryDatabase } from '../support/run-cli.ts';
import type { Brief } from '../../src/domain/index.ts';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});

// Each case runs the CLI several times as a user would; on a busy two-core machine that takes a while.
describe('market-brief brief with OPENAI_BASE_URL on the loopback server', () => {
  it('gives cited bullets, never shows the invented figure, lists it as removed, and re-uses summaries', async () => {
    const database = temporaryDatabase();
    const offline = { DATABASE_URL: database, EXAMPLES_ON_FIRST_RUN: 'false' };
    const ingest = await runCli(['ingest', 'examples/hong-kong-stocks-surge.txt', 'examples/sample-articles.json'], { env: offline });
    expect(ingest.status, ingest.stderr).toBe(0);

    const online = { ...offline, OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test-key', LLM_MODEL: 'main-model', LLM_MAX_RETRIES: '0' };
    fake.setFaults(() => ({ kind: 'invent' }));
    const first = await runCliInProcess(['brief', '--format', 'json'], { env: online });
    expect(first.status, first.stderr).toBe(0);
    const brief = JSON.parse(first.stdout) as Brief;
    expect(brief.summariser).toBe('main-model');
    expect(brief.stories.length).toBeGreaterThan(1);
    const numbers = new Set(brief.sources.map((source) => source.n));
    for (const sentence of brief.stories.flatMap((story) => story.summary)) {
      expect(sentence.sources.length).toBeGreaterThan(0);
      for (const n of sentence.sources) expect(numbers.has(n)).toBe(true);
    }
    const { removed, ...visible } = brief;
    expect(JSON.stringify(visible)).not.toContain(INVENTED_FIGURE);
    expect(JSON.stringify(visible)).not.toContain(INVENTED_COMPANY);
    expect(removed?.some((item) => item.text.includes(INVENTED_FIGURE) && item.reasons.some((reason) => reason.includes(INVENTED_FIGURE)))).toBe(true);
    const summaries = fake.calls('article-summary');
    expect(summaries).toBeGreaterThan(0);

    const text = await runCliInProcess(['brief'], { env: online });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Summarised by main-model');
    expect(text.stdout).not.toContain(INVENTED_FIGURE);
    expect(fake.calls('article-summary')).toBe(summaries); // the second identical brief: no new per-article calls

    const usage = await runCliInProcess(['usage'], { env: online });
    expect(usage.status, usage.stderr).toBe(0);
    expect(usage.stdout).toMatch(/article-summary · fast|article-summary · main-model/);
  });

  it('says it runs offline without a key or base URL', async () => {
    const database = temporaryDatabase();
    const env = { DATABASE_URL: database, EXAMPLES_ON_FIRST_RUN: 'false' };
    await runCliInProcess(['ingest', 'examples/sample-articles.json'], { env });
    const result = await runCliInProcess(['brief'], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Offline extractive summaries');
  });
});

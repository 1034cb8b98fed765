import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { createReferenceIndex, type ReferenceEntity } from '../../../src/pipeline/understand/reference/reference-index.ts';
import { type Choice, suggestChoices } from '../../../src/platforms/discord/autocomplete.ts';
import { type DiscordHarness, startDiscordHarness } from '../../support/fake-discord-harness.ts';

let harness: DiscordHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

function expectValidChoices(choices: Choice[]): void {
  expect(choices.length).toBeLessThanOrEqual(25);
  expect(new Set(choices.map((choice) => choice.value)).size).toBe(choices.length);
  for (const choice of choices) {
    expect(choice.name.length).toBeGreaterThan(0);
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.value.length).toBeGreaterThan(0);
    expect(choice.value.length).toBeLessThanOrEqual(100);
  }
}

describe('Discord autocomplete', () => {
  it('answers topics, companies and markets with at most 25 choices', async () => {
    harness = await startDiscordHarness();
    const { fake } = harness;
    const ask = async (name: string, option: string, typed: string): Promise<Choice[]> => {
      const interaction = fake.sendAutocomplete({ name, options: { [option]: typed }, focused: option });
      const callback = await fake.waitForRequest((request) => request.path.endsWith(`${interaction.token}/callback`), `autocomplete for /${name}`);
      const body = callback.body as { type: number; data: { choices: Choice[] } };
      expect(body.type).toBe(8);
      expectValidChoices(body.data.choices);
      return body.data.choices;
    };
    expect((await ask('brief', 'topic', 'hong')).map((choice) => choice.value)).toContain('hong-kong');
    expect((await ask('subscribe', 'topic', '')).length).toBeGreaterThan(5);
    expect((await ask('company', 'name', 'aliba')).map((choice) => choice.name).join('\n')).toMatch(/Alibaba/);
    expect((await ask('market', 'name', 'hang')).map((choice) => choice.name).join('\n')).toMatch(/Hang Seng/);
    expect((await ask('market', 'name', 'hong')).map((choice) => choice.value)).toContain('hong-kong');
    expect(await ask('ask', 'question', 'anything')).toEqual([]);
  });

  it('keeps names and values within 100 characters and at most 25 choices, however long the reference names', async () => {
    const app = createApp(loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }, null));
    try {
      const entities: ReferenceEntity[] = Array.from({ length: 60 }, (_, index) => ({
        id: `company:long-${index}`,
        name: `Longname Holdings ${index} ${'International Amalgamated '.repeat(5)}@everyone`,
        type: 'company',
        ticker: `LNG${index}`,
        tickers: [`LNG${index}`],
        aliases: [],
        topics: [],
        rank: 3,
      }));
      const services = { ...app.commands, reference: createReferenceIndex(entities) };
      const choices = await suggestChoices('company', 'longname', services);
      expect(choices.length).toBe(25);
      expectValidChoices(choices);
      // Names over 100 characters cannot be values: the ticker stands in, and the shown name is cut.
      expect(choices.every((choice) => /^LNG\d+$/.test(choice.value))).toBe(true);
      expect(choices.every((choice) => choice.name.endsWith('…'))).toBe(true);
      expect(choices.every((choice) => !/@everyone/.test(choice.name))).toBe(true);
      expectValidChoices(await suggestChoices('company', '', services));
    } finally {
      await app.close();
    }
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedData, runCli, runCliInProcess, SHARED_DATA, temporaryDatabase } from '../support/run-cli.ts';

if (!hasSharedData) console.warn(`skipping seed-article CLI tests: ${SHARED_DATA} is absent`);

function parseLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.skipIf(!hasSharedData)('market-brief ingest --json on the seed article', () => {
  it('prints the clean title, text and entities, then knows it on a second run', async () => {
    const env = { DATABASE_URL: temporaryDatabase() };
    const first = await runCli(['ingest', '--json', join(SHARED_DATA, 'seed-article.txt')], { env });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const [article] = parseLines(first.stdout);
    expect(article).toMatchObject({ title: 'Hong Kong’s Stock Market Surges Amid Wall Street Turmoil', status: 'stored', duplicateOf: null });
    const text = String(article?.['text']);
    expect(text).toContain('The Hang Seng Index has climbed 21% since Trump took office');
    expect(text).toContain('Right now, both are declining in the U.S. while stabilizing in China.');
    for (const junk of ['Bajaj Healthcare', 'iJoin the club', 'Flat ₹20 Brokerage', 'Trending on 5paisa', 'Disclaimer']) expect(text).not.toContain(junk);
    const entities = article?.['entities'] as Array<{ name: string; ticker: string | null; tickers: string[] }>;
    const names = entities.map((entity) => entity.name).join(' | ');
    for (const expected of [
      'Hang Seng',
      'S&P 500',
      'Nasdaq 100',
      'Alibaba',
      'BYD',
      'Tesla',
      'Nvidia',
      'DeepSeek',
      'Citigroup',
      'HSBC',
      'Goldman Sachs',
      'Fidelity International',
      'Federated Hermes',
      'Natixis',
      'Maybank',
    ]) {
      expect(names).toContain(expected);
    }
    const alibaba = entities.find((entity) => entity.name.startsWith('Alibaba'));
    expect(alibaba?.tickers).toEqual(expect.arrayContaining(['BABA', '9988.HK']));
    expect(entities.find((entity) => entity.name.startsWith('BYD'))?.tickers).toContain('1211.HK');
    // People with roles, with their organisation ("George Efstathopoulos, portfolio manager at Fidelity International").
    expect(entities).toContainEqual(
      expect.objectContaining({ name: 'George Efstathopoulos', type: 'person', role: 'portfolio manager', organisationId: 'company:fidelity-international' }),
    );

    const again = await runCliInProcess(['ingest', '--json', join(SHARED_DATA, 'seed-article.txt')], { env });
    expect(again.status).toBe(0);
    expect(parseLines(again.stdout)).toMatchObject([{ id: article?.['id'], status: 'duplicate' }]);
  });
});

describe('market-brief ingest with bad input', () => {
  it('names each bad input on one line, exits non-zero, and keeps what was stored', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mb-bad-'));
    const good = join(folder, 'good.txt');
    writeFileSync(
      good,
      'Copper climbs to a two-year high as supply fears grow\n\nCopper prices rose 3% on Tuesday to their highest in two years as traders worried about mine disruptions in Chile and Peru. ' +
        'Analysts said inventories in exchange warehouses had fallen sharply over the past month.\n\nThe rally lifted shares of mining companies in London and Sydney.\n',
    );
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3, 0, 0, 255, 254]));
    writeFileSync(join(folder, 'broken.xml'), '<?xml version="1.0"?><rss><channel><item><title>cut off');
    writeFileSync(join(folder, 'big.txt'), Buffer.alloc(2 * 1024 * 1024, 0x61));
    const env = { DATABASE_URL: temporaryDatabase(), MAX_INPUT_BYTES: String(1024 * 1024) };

    const stored = await runCliInProcess(['ingest', good], { env });
    expect(stored.status).toBe(0);
    const inputs = ['empty.txt', 'binary.txt', 'broken.xml', 'big.txt', 'missing.txt'].map((name) => join(folder, name));
    const result = await runCliInProcess(['ingest', ...inputs], { env });
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('market-brief:'));
    expect(errors).toHaveLength(inputs.length);
    for (const input of inputs) expect(errors.some((line) => line.includes(input))).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const company = await runCliInProcess(['ask', 'why is copper rising?'], { env });
    expect(company.stdout).toContain('Copper prices rose 3%');
  });

  it('stops at once on a bad setting, naming the variable', async () => {
    const result = await runCliInProcess(['topics'], { env: { DEFAULT_TIMEZONE: 'Nowhere/Land' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DEFAULT_TIMEZONE');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryDatabase } from '../support/run-cli.ts';

const BODY = 'Copper rose 2% on Tuesday after smelters in southern China agreed to cut output for the rest of the year, traders said.';

describe('market-brief ingest <directory>', () => {
  it('names every skipped file with its reason, reads .jsonc, and stores a commented feed item by item', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ingest-dir-'));
    writeFileSync(join(directory, 'LICENSE'), 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.');
    writeFileSync(join(directory, 'archive.bin'), 'x');
    writeFileSync(
      join(directory, 'items.jsonc'),
      JSON.stringify([{ title: 'Zinc slips on demand worries', link: 'https://wire.example.com/zinc', description: BODY.replace('Copper rose', 'Zinc fell') }]),
    );
    writeFileSync(
      join(directory, 'wire.xml'),
      `<!-- exported --><rss version="2.0"><channel><title>Wire</title><item><title>Copper climbs</title><link>https://wire.example.com/copper</link><description>${BODY}</description></item><item><title>Fed holds rates</title><link>https://wire.example.com/fed</link></item></channel></rss>`,
    );
    const result = await runCli(['ingest', '--json', directory], { env: { DATABASE_URL: temporaryDatabase() } });
    expect(result.status).toBe(0);
    const skippedLines = result.stderr.split('\n').filter((line) => line.startsWith('market-brief: skipped'));
    expect(skippedLines).toEqual([
      expect.stringMatching(new RegExp(`^market-brief: skipped ${join(directory, 'archive.bin')}: unsupported file type \\(\\.bin\\)`)),
      `market-brief: skipped ${join(directory, 'LICENSE')}: not an article (a licence, readme or source note)`,
    ]);
    const stored = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { title: string; url: string | null; text: string });
    expect(stored.map((article) => article.title).sort()).toEqual(['Copper climbs', 'Fed holds rates', 'Zinc slips on demand worries']);
    expect(stored.every((article) => article.url !== null)).toBe(true);
    expect(stored.find((article) => article.title === 'Fed holds rates')?.text).toBe('');
  });
});

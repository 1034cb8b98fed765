import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderCommand } from '../../../src/cli/render-command.ts';
import type { Brief } from '../../../src/domain/index.ts';

describe('market-brief render --platform slack', () => {
  it('prints the Block Kit payloads a brief would be posted as', async () => {
    const brief: Brief = {
      title: 'Market brief',
      topics: [],
      window: { since: '2026-03-01T08:00:00.000Z', until: '2026-03-02T08:00:00.000Z' },
      generatedAt: '2026-03-02T08:00:00.000Z',
      overview: [],
      stories: [
        {
          headline: 'Chip makers rally <!here>',
          summary: [{ text: 'Chip shares rose 3%.', sources: [1] }],
          sources: [1],
          sentiment: { label: 'positive', score: 0.4 },
          entityIds: [],
        },
      ],
      movers: [],
      sentiment: { positive: 1, negative: 0, neutral: 0, mixed: 0 },
      sources: [{ n: 1, articleId: 'a1', title: 'Chips rally', url: 'https://news.example.com/chips', source: 'Example Wire', publishedAt: null }],
      articleCount: 1,
      summariser: 'extractive',
      notes: [],
    };
    const path = join(mkdtempSync(join(tmpdir(), 'mb-slack-render-')), 'brief.json');
    writeFileSync(path, JSON.stringify(brief));
    let printed = '';
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        printed += chunk.toString('utf8');
        done();
      },
    });
    expect(await renderCommand(['--platform', 'slack', path], { maxBytes: 1_000_000, output })).toBe(0);
    const payloads = JSON.parse(printed) as Array<{ text: string; blocks: Array<{ type: string }> }>;
    expect(payloads).toHaveLength(1);
    expect(payloads[0]?.blocks[0]?.type).toBe('header');
    expect(printed).toContain('Chip makers rally &lt;!here&gt;');
    expect(printed).toContain('<https://news.example.com/chips|Chips rally>');
    expect(printed).not.toContain('<!here>');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderCommand } from '../../../src/cli/render-command.ts';
import { UserFacingError } from '../../../src/domain/errors.ts';
import { messageLimitProblems } from '../../support/fake-discord-limits.ts';
import { runCli } from '../../support/run-cli.ts';
import type { Brief, Story } from '../../../src/domain/index.ts';

function writeTemporary(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mb-render-')), name);
  writeFileSync(path, text);
  return path;
}

const longSummary = 'Port operators reported another busy week as exporters moved cargo early and freight rates climbed again '.repeat(60);

const brief: Brief = {
  title: 'Market brief: Ports @everyone',
  topics: ['trade'],
  window: { since: '2026-11-19T08:00:00.000Z', until: '2026-11-20T08:00:00.000Z' },
  generatedAt: '2026-11-20T08:00:00.000Z',
  overview: [],
  stories: Array.from({ length: 12 }, (_, index) => ({
    headline: `Story ${index} <@&123> [click](http://evil)`,
    summary: [{ text: `${index}: ${longSummary}`, sources: [index + 1] }],
    sources: [index + 1],
    sentiment: { label: index % 2 === 0 ? 'positive' : 'negative', score: index % 2 === 0 ? 0.4 : -0.4 },
    entityIds: [],
  })),
  movers: [{ entityId: 'index:example', name: 'Example Index', ticker: null, direction: 'up', figure: '2%', excerpt: 'the index rose 2%', source: 1 }],
  sentiment: { positive: 6, negative: 6, neutral: 0, mixed: 0 },
  sources: Array.from({ length: 12 }, (_, index) => ({
    n: index + 1,
    articleId: `a${index}`,
    title: `Source ${index}`,
    url: index === 3 ? 'javascript:alert(1)' : `https://news.example/${index}`,
    source: 'Example Wire',
    publishedAt: '2026-11-20T07:00:00.000Z',
  })),
  articleCount: 12,
  summariser: 'extractive',
  notes: [],
};

let cliResult: ReturnType<typeof runCli> | null = null;
/** The CLI run once (spawning Node costs about a second) and shared by both tests. */
function runCliOnce(): ReturnType<typeof runCli> {
  cliResult ??= runCli(['render', '--platform', 'discord', writeTemporary('brief.json', JSON.stringify(brief))]);
  return cliResult;
}

describe('market-brief render --platform discord', () => {
  it('prints the exact payloads, in order, each within every Discord limit', async () => {
    const result = await runCliOnce();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const payloads = JSON.parse(result.stdout) as Array<{ allowed_mentions: unknown; embeds: Array<{ description?: string; title?: string }> }>;
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) {
      expect(messageLimitProblems(payload)).toEqual([]);
      expect(payload.allowed_mentions).toEqual({ parse: [] });
    }
    const text = payloads.flatMap((payload) => payload.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`)).join('\n');
    const order = text.match(/Story \d+/g) ?? [];
    expect(order).toEqual(brief.stories.map((_, index) => `Story ${index}`));
    expect(text).toContain('Example Index');
    expect(text).toContain('`[4]` Source 3 · Example Wire');
    expect(text).not.toContain('javascript:');
    expect(text).not.toMatch(/@everyone|(?<!\\)<@/);
  });

  it('reads stdin with -, and names the problem in a bad input or platform', async () => {
    const render = async (argv: string[], input = ''): Promise<string> => {
      let output = '';
      const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((output += chunk.toString()), done()) });
      await renderCommand(argv, { maxBytes: 1_000_000, stdin: Readable.from([input]), output: sink });
      return output;
    };
    expect(JSON.parse(await render(['--platform', 'discord', '-'], JSON.stringify(brief)))).toHaveLength(JSON.parse((await runCliOnce()).stdout).length);
    await expect(render(['--platform', 'discord', writeTemporary('bad.json', '{ nope')])).rejects.toThrow(/bad\.json: not JSON/);
    const { stories: _stories, ...incomplete } = brief;
    await expect(render(['--platform', 'discord', writeTemporary('partial.json', JSON.stringify(incomplete))])).rejects.toThrow(/not a brief .*stories/);
    await expect(render(['--platform', 'teams', '-'], '{}')).rejects.toThrow('--platform teams: expected one of discord');
    await expect(render(['--platform', 'discord', '-'], 'x'.repeat(2_000_000))).rejects.toThrow(/MAX_INPUT_BYTES/);
    await expect(render(['--platform', 'discord', '/nonexistent/brief.json'])).rejects.toBeInstanceOf(UserFacingError);
  });
});

// A CLI command loads only what it uses: `topics` and `ingest` never load a platform SDK, the LLM
// SDK and tokenizer (offline), or the holiday tables. One process start: the module graph of a
// fresh process is what is under test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCommonWords } from '../../src/llm/grounding/common-words.ts';
import { loadReferenceIndex, readCommonWords } from '../../src/pipeline/index.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Records every npm package a process resolves, one name a line. */
const HOOK = `
import module from 'node:module';
import { appendFileSync } from 'node:fs';
const seen = new Set();
module.registerHooks({ resolve(specifier, context, next) {
  const result = next(specifier, context);
  const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(result.url);
  if (match !== null && !seen.has(match[1])) { seen.add(match[1]); appendFileSync(process.env.PACKAGES_FILE, match[1] + '\\n'); }
  return result;
} });
`;

const HEAVY = ['discord.js', '@slack/bolt', '@slack/web-api', '@slack/oauth', 'gpt-tokenizer', 'openai', 'date-holidays'];
// What reading a page, a feed or a legacy charset needs (src/pipeline/read/lazy.ts).
const READERS = ['linkedom', '@mozilla/readability', 'htmlparser2', 'chardet', 'iconv-lite', 'entities'];

/** Runs `script` in a fresh Node with the hook; the npm packages it loaded, and how it ended. */
function packagesLoadedBy(script: (directory: string) => string): { loaded: string[]; status: number | null; stdout: string; stderr: string } {
  const directory = mkdtempSync(join(tmpdir(), 'lazy-imports-'));
  try {
    const hook = join(directory, 'hook.mjs');
    writeFileSync(hook, HOOK);
    const packages = join(directory, 'packages.txt');
    writeFileSync(packages, '');
    const result = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', script(directory)], {
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: `sqlite:${join(directory, 'store.db')}`, PACKAGES_FILE: packages, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    const loaded = readFileSync(packages, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    return { loaded, status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('start-up', () => {
  it('ingest then topics load no platform SDK, no LLM SDK or tokenizer and no holiday tables', () => {
    // One process runs both commands in turn through main(), as the bin would.
    const result = packagesLoadedBy(
      () =>
        `const { main } = await import(${JSON.stringify(CLI)}); const a = await main(['ingest', ${JSON.stringify(EXAMPLES)}]); const b = await main(['topics']); process.exitCode = a + b;`,
    );
    expect(result.stderr).toMatch(/^stored \d+, already known 0, failed inputs 0, skipped files \d+\n$/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\S/);
    expect(result.loaded).toContain('zod'); // the hook saw the packages that did load
    expect(result.loaded).toContain('htmlparser2'); // examples/ holds an RSS feed
    for (const name of HEAVY) expect(result.loaded, name).not.toContain(name);
  });

  it('topics alone loads no reader, no database driver but SQLite and no metrics library', () => {
    const result = packagesLoadedBy(() => `const { main } = await import(${JSON.stringify(CLI)}); process.exitCode = await main(['topics']);`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\S/);
    expect(result.loaded).toContain('zod');
    for (const name of [...HEAVY, ...READERS, 'pg', 'prom-client']) expect(result.loaded, name).not.toContain(name);
  });

  it('data/common-words.json is read once, shared by the reference index and the grounding guard', () => {
    const lists = readCommonWords(fileURLToPath(new URL('../../data/common-words.json', import.meta.url)));
    const reference = loadReferenceIndex();
    expect(loadCommonWords()).toBe(lists.words);
    expect(lists.words.size).toBeGreaterThan(1000);
    const word = [...lists.words][0] ?? '';
    expect(reference.isCommonWord(word)).toBe(true);
    const name = [...lists.names][0] ?? '';
    expect(reference.isPersonalName(name)).toBe(true);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ingestInputs, scanInputDirectory, skipReason } from '../../src/sources/ingest-inputs.ts';

describe('directory ingest: what is read and what is skipped, with the reason', () => {
  it('reads every supported format (jsonc and gzipped ones too) and names each skipped file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'scan-'));
    mkdirSync(join(directory, 'feeds'));
    mkdirSync(join(directory, '.git'));
    for (const name of [
      'a.txt',
      'b.jsonc',
      'c.json',
      'feeds/d.xml',
      'feeds/e.rss',
      'f.ndjson',
      'g.atom',
      'LICENSE',
      'README.md',
      'SOURCE.txt',
      'LICENSE_edgarkit.txt',
      '.DS_Store',
      'image.png',
      'blob.bin',
      '.git/config',
    ]) {
      writeFileSync(join(directory, name), 'x');
    }
    writeFileSync(join(directory, 'h.xml.gz'), gzipSync('x'));
    writeFileSync(join(directory, 'i.png.gz'), gzipSync('x'));
    const { files, skipped } = await scanInputDirectory(directory);
    expect(files.map((file) => file.slice(directory.length + 1))).toEqual([
      'a.txt',
      'b.jsonc',
      'c.json',
      'f.ndjson',
      'feeds/d.xml',
      'feeds/e.rss',
      'g.atom',
      'h.xml.gz',
    ]);
    const reasons = Object.fromEntries(skipped.map(({ path, reason }) => [path.slice(directory.length + 1), reason]));
    expect(Object.keys(reasons).sort()).toEqual(
      ['.DS_Store', '.git/config', 'LICENSE', 'LICENSE_edgarkit.txt', 'README.md', 'SOURCE.txt', 'blob.bin', 'i.png.gz', 'image.png'].sort(),
    );
    expect(reasons['LICENSE']).toMatch(/not an article/);
    expect(reasons['README.md']).toMatch(/not an article/);
    expect(reasons['.DS_Store']).toBe('hidden file');
    expect(reasons['.git/config']).toBe('inside a hidden folder');
    expect(reasons['image.png']).toMatch(/^unsupported file type \(\.png\)/);
    expect(reasons['blob.bin']).toMatch(/^unsupported file type \(\.bin\)/);
    expect(reasons['i.png.gz']).toMatch(/compressed \.png/);
  });

  it('does not mistake articles whose names start like a note for notes', () => {
    for (const name of ['source-of-oil-rally.txt', 'readme-stocks-rally.md', 'notices.json']) expect(skipReason(name), name).toBeNull();
  });
});

describe('reading an input file', () => {
  const app = createApp(loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  afterAll(() => app.close());
  const article = 'Copper rises on supply worries\n\nCopper prices rose 2 percent on Tuesday as supply worries grew in Chile, traders said.\n';

  it('refuses a file over the limit and a folder by name, with the reason, and still reads the others', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'inputs-'));
    writeFileSync(join(directory, 'large.txt'), article.repeat(40));
    writeFileSync(join(directory, 'small.txt'), article);
    mkdirSync(join(directory, 'folder.txt'));
    const inputs = ['large.txt', 'folder.txt', 'small.txt', 'absent.txt'].map((name) => ({ input: join(directory, name) }));
    const reports = await ingestInputs(inputs, app.ingest, { maxBytes: article.length * 10 });
    expect(reports.map((report) => report.error?.slice(directory.length + 1) ?? null)).toEqual([
      `large.txt: too large (${article.length * 40} bytes; the limit is ${article.length * 10}, set MAX_INPUT_BYTES)`,
      'folder.txt: is a directory',
      null,
      'absent.txt: no such file',
    ]);
    expect(reports[2]?.outcomes.map((outcome) => outcome.status)).toEqual(['stored']);
  });

  it('reads a file of exactly the limit whole and refuses one byte more', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'inputs-'));
    // Not the article of the test before: this one must be stored, not found as a copy.
    const other = article.replaceAll('Copper', 'Nickel').replace('Chile', 'Indonesia');
    writeFileSync(join(directory, 'exact.txt'), other);
    writeFileSync(join(directory, 'over.txt'), `${other} `);
    const [exact, over] = await ingestInputs([{ input: join(directory, 'exact.txt') }, { input: join(directory, 'over.txt') }], app.ingest, {
      maxBytes: Buffer.byteLength(other),
    });
    expect(exact?.error).toBeNull();
    expect(exact?.outcomes[0]?.status === 'stored' ? exact.outcomes[0].article.text : null).toContain('traders said.');
    expect(over?.error).toMatch(/over\.txt: too large/);
  });
});

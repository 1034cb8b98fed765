import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanInputDirectory, skipReason } from '../../src/sources/ingest-inputs.ts';

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

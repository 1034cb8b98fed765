// data/reference-index.json is what a start loads: it must be the merge of data/ as it is now (a stale file
// fails here; `npm run build:index` rebuilds it), and a stale or missing file must never be used.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCommonWords } from '../../../src/pipeline/text/common-words.ts';
import { loadReferenceIndex, mergeFromSources } from '../../../src/pipeline/understand/reference/load.ts';
import { PREBUILT_FILE, readPrebuilt, referenceDigest } from '../../../src/pipeline/understand/reference/prebuilt.ts';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const copies: string[] = [];

/** A copy of data/ without the large sentiment model, to edit freely. */
function copyOfData(): string {
  const directory = mkdtempSync(join(tmpdir(), 'reference-prebuilt-'));
  copies.push(directory);
  cpSync(DATA, directory, { recursive: true, filter: (source) => !source.endsWith('sentiment-model.json') });
  return directory;
}

function merged(directory: string) {
  const { words, names } = readCommonWords(join(directory, 'common-words.json'));
  return mergeFromSources(directory, (relative) => JSON.parse(readFileSync(join(directory, relative), 'utf8')), words, names);
}

afterAll(() => {
  for (const directory of copies) rmSync(directory, { recursive: true, force: true });
});

describe('prebuilt reference index', () => {
  it('is current: built from the data/ files as they are, with the same entities as merging them', () => {
    const prebuilt = readPrebuilt(DATA, referenceDigest(DATA));
    expect(prebuilt, `data/${PREBUILT_FILE} is stale or missing: run npm run build:index`).not.toBeNull();
    expect(prebuilt).toEqual(merged(DATA));
  });

  it('is ignored once an input changes, and the index reflects the edited input', () => {
    const directory = copyOfData();
    const before = referenceDigest(directory);
    const file = join(directory, 'curated', 'companies-us.json');
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; aliases?: string[] }>;
    const first = entries[0];
    if (first === undefined) throw new Error('companies-us.json is empty');
    first.aliases = [...(first.aliases ?? []), 'Zyxwv Probe Holdings'];
    writeFileSync(file, JSON.stringify(entries));
    expect(referenceDigest(directory)).not.toBe(before);
    expect(readPrebuilt(directory, referenceDigest(directory))).toBeNull();
    expect(loadReferenceIndex(directory).lookup('Zyxwv Probe Holdings')?.id).toBe(first.id);
  });

  it('is ignored when a curated file is added, and read when present and current', () => {
    const directory = copyOfData();
    expect(readPrebuilt(directory, referenceDigest(directory))).not.toBeNull();
    writeFileSync(join(directory, 'curated', 'zz-extra.json'), JSON.stringify([{ id: 'company:zyxwv', name: 'Zyxwv Widgets', type: 'company', tickers: [] }]));
    expect(readPrebuilt(directory, referenceDigest(directory))).toBeNull();
    expect(loadReferenceIndex(directory).get('company:zyxwv')?.name).toBe('Zyxwv Widgets');
  });

  it('a missing file falls back to merging the inputs', () => {
    const directory = copyOfData();
    rmSync(join(directory, PREBUILT_FILE));
    expect(readPrebuilt(directory, referenceDigest(directory))).toBeNull();
    expect(loadReferenceIndex(directory).entities.length).toBe(loadReferenceIndex(DATA).entities.length);
  });
});

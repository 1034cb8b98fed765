import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../../domain/index.ts';
import { createReferenceIndex, type ReferenceEntity, type ReferenceIndex } from './reference-index.ts';
import { type CuratedEntry, mergeReference } from './merge.ts';
import { readCommonWords } from '../../text/index.ts';
import { readPrebuilt, referenceDigest, referenceInputs } from './prebuilt.ts';

const DEFAULT_DIRECTORY = fileURLToPath(new URL('../../../../data/', import.meta.url));
const cache = new Map<string, ReferenceIndex>();

interface ListingsFile {
  fields: string[];
  entities: unknown[][];
}

/**
 * The reference index of `data/` (listings.json, curated/*.json, blockers.json, common-words.json), loaded once
 * per directory and cached. Its entities come from the prebuilt data/reference-index.json when that was built
 * from exactly these files (a digest of them is checked), else they are merged from the files as they are.
 */
export function loadReferenceIndex(dataDirectory: string = DEFAULT_DIRECTORY): ReferenceIndex {
  const directory = resolve(dataDirectory);
  const cached = cache.get(directory);
  if (cached !== undefined) return cached;
  // Every input is read once: its bytes feed the digest, and the merge too when the prebuilt file is stale.
  const bytes = new Map<string, Buffer>();
  const read = (relative: string): Buffer => {
    const known = bytes.get(relative);
    if (known !== undefined) return known;
    const content = readFileSync(join(directory, relative));
    bytes.set(relative, content);
    return content;
  };
  const readJson = (relative: string): unknown => JSON.parse(read(relative).toString('utf8'));
  const inputs = referenceDigest(directory, read);
  const { words: commonWords, names: personalNames } = readCommonWords(join(directory, 'common-words.json'), read('common-words.json').toString('utf8'));
  const { phrases } = readJson('blockers.json') as { phrases: string[] };
  const entities = readPrebuilt(directory, inputs) ?? mergeFromSources(directory, readJson, commonWords, personalNames);
  const index = createReferenceIndex(entities, { blockers: phrases, commonWords, personalNames });
  cache.set(directory, index);
  return index;
}

/** The entities merged from the listings and the curated entries (what `npm run build:index` stores). */
export function mergeFromSources(
  directory: string,
  readJson: (relative: string) => unknown,
  commonWords: ReadonlySet<string>,
  personalNames: ReadonlySet<string>,
): ReferenceEntity[] {
  const listings = toEntities(readJson('listings.json') as ListingsFile);
  const curated: CuratedEntry[] = [];
  for (const file of referenceInputs(directory).filter((relative) => relative.startsWith('curated'))) {
    const entries = readJson(file);
    if (!Array.isArray(entries)) throw new Error(`${file}: expected an array of entities`);
    curated.push(...(entries as CuratedEntry[]));
  }
  return mergeReference({ listings, curated, commonWords, personalNames });
}

function toEntities(file: ListingsFile): ReferenceEntity[] {
  const at = (name: string): number => {
    const position = file.fields.indexOf(name);
    if (position < 0) throw new Error(`listings.json: missing field ${name}`);
    return position;
  };
  const [id, name, type, ticker, tickers, aliases, topics, rank] = ['id', 'name', 'type', 'ticker', 'tickers', 'aliases', 'topics', 'rank'].map(at) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return file.entities.map((row) => ({
    id: row[id] as string,
    name: row[name] as string,
    type: row[type] as EntityType,
    ticker: row[ticker] as string | null,
    tickers: row[tickers] as string[],
    aliases: row[aliases] as string[],
    topics: row[topics] as string[],
    rank: row[rank] as number,
  }));
}

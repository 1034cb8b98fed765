import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../../domain/index.ts';
import { createReferenceIndex, type ReferenceEntity, type ReferenceIndex } from './reference-index.ts';
import { type CuratedEntry, mergeReference } from './merge.ts';
import { readCommonWords } from './common-words.ts';

const DEFAULT_DIRECTORY = fileURLToPath(new URL('../../../../data/', import.meta.url));
const cache = new Map<string, ReferenceIndex>();

interface ListingsFile {
  fields: string[];
  entities: unknown[][];
}

/**
 * The reference index built from `data/` (listings.json, curated/*.json, blockers.json, common-words.json),
 * loaded once per directory and cached.
 */
export function loadReferenceIndex(dataDirectory: string = DEFAULT_DIRECTORY): ReferenceIndex {
  const directory = resolve(dataDirectory);
  const cached = cache.get(directory);
  if (cached !== undefined) return cached;
  const readJson = (path: string): unknown => JSON.parse(readFileSync(join(directory, path), 'utf8'));

  const listings = toEntities(readJson('listings.json') as ListingsFile);
  const curated: CuratedEntry[] = [];
  for (const file of readdirSync(join(directory, 'curated'))
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const entries = readJson(join('curated', file));
    if (!Array.isArray(entries)) throw new Error(`${file}: expected an array of entities`);
    curated.push(...(entries as CuratedEntry[]));
  }
  const { words: commonWords, names: personalNames } = readCommonWords(join(directory, 'common-words.json'));
  const { phrases } = readJson('blockers.json') as { phrases: string[] };
  const entities = mergeReference({ listings, curated, commonWords, personalNames });
  const index = createReferenceIndex(entities, { blockers: phrases, commonWords, personalNames });
  cache.set(directory, index);
  return index;
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

// Builds data/reference-index.json: the entities merged from data/listings.json, data/curated/*.json,
// data/common-words.json and data/blockers.json, with a digest of those files. Loading it instead of merging
// at every start is what keeps a cold `market-brief topics` cheap; a stale file (the digest no longer matches)
// is ignored at load time and fails test/pipeline/reference-prebuilt.test.ts. Run after editing any of them.
// Usage: npm run build:index  (node scripts/build-reference-index.ts [dataDirectory])
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCommonWords } from '../src/pipeline/text/common-words.ts';
import { mergeFromSources } from '../src/pipeline/understand/reference/load.ts';
import { formatPrebuilt, PREBUILT_FILE, referenceDigest } from '../src/pipeline/understand/reference/prebuilt.ts';

const directory = resolve(process.argv[2] ?? fileURLToPath(new URL('../data/', import.meta.url)));
const readJson = (relative: string): unknown => JSON.parse(readFileSync(join(directory, relative), 'utf8'));
const { words, names } = readCommonWords(join(directory, 'common-words.json'));
const entities = mergeFromSources(directory, readJson, words, names);
const output = join(directory, PREBUILT_FILE);
writeFileSync(output, formatPrebuilt(entities, referenceDigest(directory)));
process.stdout.write(`${output}: ${entities.length} entities\n`);

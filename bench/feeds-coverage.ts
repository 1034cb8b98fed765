// Feed coverage on real data: how many items of ../shared/data/feeds (the parsed-json-finnews item
// arrays and the raw-xml feeds) are stored, and how many of those have a title and a date.
// Each file is ingested the way `market-brief ingest <file>` does, into a fresh temporary store.
// Prints one JSON object. Run: node bench/feeds-coverage.ts [feeds directory]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { ingestInput } from '../src/sources/ingest-inputs.ts';

const directory = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'feeds'));

interface Tally {
  files: number;
  filesWithNothingStored: number;
  items: number;
  stored: number;
  duplicates: number;
  withTitle: number;
  withDate: number;
  errors: string[];
}

// Items a reader could see: records with a title or a body anywhere in a JSON file (items may be
// nested in a wrapper), `<item>`/`<entry>` elements of XML.
function countItems(path: string, text: string): number {
  if (path.endsWith('.jsonc') || path.endsWith('.json')) return countRecords(JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as unknown);
  return (text.match(/<(?:[\w.-]+:)?(item|entry)[\s>]/g) ?? []).length;
}

function countRecords(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, element) => sum + countRecords(element), 0);
  if (value === null || typeof value !== 'object') return 0;
  const record = value as Record<string, unknown>;
  const visible = ['title', 'description', 'summary', 'content', 'text'].some(
    (key) => typeof record[key] === 'string' && (record[key] as string).trim() !== '',
  );
  return (visible ? 1 : 0) + Object.values(record).reduce((sum: number, element) => sum + (typeof element === 'object' ? countRecords(element) : 0), 0);
}

async function cover(folder: string, accept: (name: string) => boolean): Promise<Tally> {
  const tally: Tally = { files: 0, filesWithNothingStored: 0, items: 0, stored: 0, duplicates: 0, withTitle: 0, withDate: 0, errors: [] };
  const work = mkdtempSync(join(tmpdir(), 'feeds-coverage-'));
  const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${join(work, 'bench.db')}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  try {
    for (const name of readdirSync(folder).filter(accept).sort()) {
      const path = join(folder, name);
      tally.files += 1;
      tally.items += countItems(path, readFileSync(path, 'utf8'));
      const report = await ingestInput(path, app.ingest, { maxBytes: app.config.MAX_INPUT_BYTES });
      if (report.error !== null) tally.errors.push(report.error.slice(0, 200));
      if (report.outcomes.length === 0) tally.filesWithNothingStored += 1;
      for (const outcome of report.outcomes) {
        const article = outcome.status === 'stored' ? outcome.article : await app.store.getArticle(outcome.existingId);
        if (outcome.status === 'stored') tally.stored += 1;
        else tally.duplicates += 1;
        if (article?.title) tally.withTitle += 1;
        if (article?.publishedAt) tally.withDate += 1;
      }
    }
  } finally {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  }
  return tally;
}

const finnews = await cover(join(directory, 'parsed-json-finnews'), (name) => /\.jsonc?$/.test(name));
const raw = await cover(join(directory, 'raw-xml'), (name) => /\.(xml|rss|atom)$/.test(name));
process.stdout.write(`${JSON.stringify({ directory, parsedJsonFinnews: finnews, rawXml: raw }, null, 2)}\n`);

// A "busy day" from real news: the Reuters October-2008 articles in ../shared/data, re-dated to the last
// 22 hours (their order kept), ingested into a temporary SQLite database with the CLI, then briefed.
// Prints which stories lead. Writes nothing into the repository (everything goes under the OS temp dir).
// Usage: node scripts/busy-day.ts [--checkout <dir>] [--month 200810] [--format text|json]
//   --checkout runs the CLI of another checkout (e.g. a worktree of an older commit) on the same articles.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    checkout: { type: 'string', default: root },
    month: { type: 'string', default: '200810' },
    format: { type: 'string', default: 'text' },
    data: { type: 'string', default: join(root, '..', 'shared', 'data') },
  },
});
const file = join(values.data, 'articles', 'reuters-2006-2013.jsonl.gz');
if (!existsSync(file)) {
  process.stderr.write(`busy-day: ${file} is absent; nothing to do\n`);
  process.exit(2);
}

interface Item {
  title: string;
  text: string;
  url: string | undefined;
  source: string;
  publishedAt: string;
  original: number;
}

/** `-- title`, `-- By author`, `-- date`, `-- url`, then the body. */
function parseRaw(raw: string): Omit<Item, 'publishedAt'> | null {
  const lines = raw.split('\n');
  const header: string[] = [];
  let index = 0;
  while (index < lines.length && (lines[index] ?? '').startsWith('-- ')) header.push((lines[index++] ?? '').slice(3).trim());
  const [title, , date, url] = header;
  const original = Date.parse((date ?? '').replace(/\s+(EDT|EST|GMT)$/u, ' $1').replace(/(\d)(am|pm)/u, '$1 $2'));
  if (title === undefined || Number.isNaN(original)) return null;
  return { title, text: lines.slice(index).join('\n').trim(), url, source: 'Reuters', original };
}

const items: Array<Omit<Item, 'publishedAt'>> = [];
for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
  if (line.trim() === '') continue;
  const { file: name, raw } = JSON.parse(line) as { file: string; raw: string };
  if (!name.startsWith(values.month)) continue;
  const item = parseRaw(raw);
  if (item !== null) items.push(item);
}
items.sort((a, b) => a.original - b.original);
const now = Date.now();
const span = 22 * 3_600_000;
const dated: Item[] = items.map((item, index) => ({
  ...item,
  publishedAt: new Date(now - span + Math.round(((index + 1) / (items.length + 1)) * span)).toISOString(),
}));

const directory = mkdtempSync(join(tmpdir(), 'busy-day-'));
try {
  const input = join(directory, 'articles.json');
  writeFileSync(input, JSON.stringify(dated.map(({ original: _original, ...article }) => article)));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(directory, 'brief.db')}`, EXAMPLES_ON_FIRST_RUN: 'false', LLM_BASE_URL: '', LOG_LEVEL: 'error' };
  const cli = join(resolve(values.checkout), 'src', 'cli.ts');
  execFileSync(process.execPath, [cli, 'ingest', input], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  process.stdout.write(`busy day: ${dated.length} Reuters articles from ${values.month} re-dated to the last 22 h; CLI ${cli}\n\n`);
  const brief = execFileSync(process.execPath, [cli, 'brief', '--format', values.format], { env, encoding: 'utf8' });
  process.stdout.write(brief);
} finally {
  rmSync(directory, { recursive: true, force: true });
}

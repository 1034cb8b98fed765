import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Article, InputError, isUserFacing } from '../domain/index.ts';
import { ingestArticle, type IngestOutcome, type IngestServices, readArticles } from '../pipeline/index.ts';

export interface InputReport {
  input: string;
  outcomes: IngestOutcome[];
  /** One line naming the input and the problem, when it failed. */
  error: string | null;
}

const READABLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '.xml', '.rss', '.atom', '.json', '.jsonl', '']);

/** Files under a directory, sorted, skipping hidden ones and extensions no reader takes. */
export async function listInputFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && READABLE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Reads at most maxBytes + 1 bytes, so a 50 MB file is refused without loading it. */
async function readLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw new InputError(path, 'is a directory');
  if (info.size > maxBytes) throw new InputError(path, `too large (${info.size} bytes; the limit is ${maxBytes}, set MAX_INPUT_BYTES)`);
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new InputError(path, `too large (over ${maxBytes} bytes)`);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function describe(input: string, error: unknown): string {
  if (isUserFacing(error)) return error.message.startsWith(input) ? error.message : `${input}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `${input}: no such file`;
  if (code === 'EACCES') return `${input}: permission denied`;
  return `${input}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Reads one input (file path, or bytes already read for stdin) and ingests every article in it.
 * A bad article inside a good file is reported and the others still go in.
 */
export async function ingestInput(
  input: string,
  services: IngestServices,
  options: { maxBytes: number; bytes?: Uint8Array },
): Promise<InputReport> {
  try {
    const bytes = options.bytes ?? (await readLimited(input, options.maxBytes));
    const raws = readArticles({ name: basename(input) === '-' ? 'stdin' : input, bytes }, { maxBytes: options.maxBytes });
    const outcomes: IngestOutcome[] = [];
    const problems: string[] = [];
    for (const raw of raws) {
      try {
        outcomes.push(await ingestArticle(raw, services));
      } catch (error) {
        if (!isUserFacing(error)) throw error;
        problems.push(error.message);
      }
    }
    if (outcomes.length === 0 && problems.length > 0) return { input, outcomes, error: describe(input, new InputError(input, problems[0] ?? 'no article')) };
    return { input, outcomes, error: problems.length > 0 ? `${input}: ${problems.length} of ${raws.length} items skipped (${problems[0]})` : null };
  } catch (error) {
    return { input, outcomes: [], error: describe(input, error) };
  }
}

/** The `--json` line for an article, as documented in the README. */
export function articleJson(article: Article, status: IngestOutcome['status']): string {
  return JSON.stringify({
    id: article.id,
    status,
    title: article.title,
    url: article.url,
    source: article.source,
    publishedAt: article.publishedAt,
    text: article.text,
    // People carry their role and organisation ("governor", central-bank:boj, "Bank of Japan").
    entities: article.entities.map(({ name, type, ticker, tickers, count, role, organisationId, organisation }) => ({
      name,
      type,
      ticker,
      tickers,
      count,
      ...(role === undefined ? {} : { role, organisationId, organisation }),
    })),
    topics: article.topics,
    sentiment: article.sentiment,
    duplicateOf: article.duplicateOf,
  });
}

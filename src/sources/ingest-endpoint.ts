import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isUserFacing, type RawArticle } from '../domain/index.ts';
import { type BatchResult, type IngestServices, ingestArticles, readArticles } from '../pipeline/index.ts';
import type { Logger, Metrics } from '../ports/index.ts';
import { type Route, sendJson } from '../http/index.ts';

export interface IngestEndpointOptions {
  /** INGEST_TOKEN; the endpoint is not served when it is unset. */
  token: string | undefined;
  /** INGEST_MAX_BYTES: larger bodies get 413. */
  maxBytes: number;
  ingest: IngestServices;
  logger: Logger;
  /** Counts the articles stored through the endpoint (`GET /metrics`). */
  metrics?: Metrics | undefined;
}

export const INGEST_PATH = '/api/articles';
/** Articles one request may carry. */
export const MAX_BATCH = 1000;

const isoDate = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date, e.g. 2026-11-20T08:00:00Z')
  .transform((value) => new Date(value).toISOString());

const articleSchema = z
  .object({
    title: z.string().trim().max(1000).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }).optional(),
    source: z.string().trim().max(200).optional(),
    publishedAt: isoDate.optional(),
    guid: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((article) => (article.text?.trim() ? 1 : 0) + (article.html?.trim() ? 1 : 0) === 1, {
    message: 'give exactly one of "text" (plain text) or "html" (a web page), not empty',
  });

const bodySchema = z.union([articleSchema, z.array(articleSchema).min(1, 'the array is empty').max(MAX_BATCH, `at most ${MAX_BATCH} articles per request`)]);

type ArticleInput = z.infer<typeof articleSchema>;

type ItemResult =
  | { index: number; status: 'stored'; id: string; title: string; duplicateOf: string | null }
  | { index: number; status: 'duplicate'; id: string; title: string }
  | { index: number; status: 'failed'; error: string };

class HttpProblem extends Error {
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time: both sides are hashed to equal length first, so neither length nor prefix leaks. */
function tokenMatches(header: string | undefined, expected: Buffer): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), expected);
}

async function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new HttpProblem(413, `body too large (${declared} bytes; the limit is ${maxBytes}, INGEST_MAX_BYTES)`);
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') throw new HttpProblem(415, `content encoding "${encoding}" is not accepted; send the body uncompressed`);
  // Event-based rather than for-await: leaving a for-await loop early destroys the socket, and the 413 could not be sent.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      reject(new HttpProblem(413, `body too large (over ${maxBytes} bytes, INGEST_MAX_BYTES)`));
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks, size)));
    request.once('error', reject);
  });
}

/** Raw articles from a JSON body (validated) or an HTML / plain-text body with `url` and `title` query parameters. */
function parseBody(body: Buffer, contentType: string, query: URLSearchParams, maxBytes: number): Array<() => RawArticle> {
  if (body.length === 0) throw new HttpProblem(400, 'the body is empty');
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    let data: unknown;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch (error) {
      throw new HttpProblem(400, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = bodySchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      throw new HttpProblem(422, 'the body is not an article or an array of articles', issues);
    }
    const inputs = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    return inputs.map((input, index) => () => fromJson(input, index, maxBytes));
  }
  if (type === 'text/html' || type === 'application/xhtml+xml' || type === 'text/plain') {
    const url = query.get('url') ?? undefined;
    if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) throw new HttpProblem(422, 'the url query parameter must be an http or https URL');
    const title = query.get('title')?.trim() || undefined;
    return [
      () => {
        const [raw] = readArticles({ name: 'the body', bytes: body, contentType, ...(url === undefined ? {} : { url }) }, { maxBytes });
        if (raw === undefined) throw new HttpProblem(422, 'no article in the body');
        return { ...raw, ...(title === undefined ? {} : { title }), ...(url === undefined || raw.url !== undefined ? {} : { url }) };
      },
    ];
  }
  throw new HttpProblem(415, 'send application/json (an article or an array), text/html or text/plain');
}

function fromJson(input: ArticleInput, index: number, maxBytes: number): RawArticle {
  const fields = {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.source === undefined ? {} : { source: input.source }),
    ...(input.publishedAt === undefined ? {} : { publishedAt: input.publishedAt }),
    ...(input.guid === undefined ? {} : { guid: input.guid }),
  };
  if (input.html === undefined) return { ...fields, text: input.text ?? '' };
  const name = `article ${index}`;
  const [page] = readArticles(
    { name, bytes: Buffer.from(input.html, 'utf8'), contentType: 'text/html', ...(input.url === undefined ? {} : { url: input.url }) },
    { maxBytes },
  );
  return { ...page, ...fields, text: page?.text ?? '' };
}

/**
 * `POST /api/articles`: an article or an array of them as JSON (`{title?, text | html, url?, source?,
 * publishedAt?, guid?}`), or one page as `text/html` / `text/plain` with `?url=&title=`. Bearer-token
 * authenticated. Answers with each article's id: stored, duplicate (the stored copy's id) or failed.
 * Returns no route when INGEST_TOKEN is unset, so the endpoint does not exist.
 */
export function createIngestRoutes(options: IngestEndpointOptions): Route[] {
  if (options.token === undefined || options.token === '') return [];
  const expected = digest(options.token);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!tokenMatches(request.headers.authorization, expected)) {
      // The body is never read for a stranger: answer and close the connection.
      response.setHeader('www-authenticate', 'Bearer realm="market-brief"');
      response.setHeader('connection', 'close');
      sendJson(response, 401, { ok: false, error: 'missing or wrong bearer token' });
      return;
    }
    try {
      const body = await readRequestBody(request, options.maxBytes);
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const items = parseBody(body, String(request.headers['content-type'] ?? ''), query, options.maxBytes);
      const results = await ingestAll(items);
      const count = (status: ItemResult['status']): number => results.filter((result) => result.status === status).length;
      const failed = count('failed');
      if (count('stored') > 0) options.metrics?.articlesIngested('api', count('stored'));
      sendJson(response, failed === results.length ? 422 : 200, {
        ok: failed < results.length,
        stored: count('stored'),
        duplicates: count('duplicate'),
        failed,
        results,
      });
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      if (error.status === 413 || error.status === 415) response.setHeader('connection', 'close');
      sendJson(response, error.status, { ok: false, error: error.message, ...(error.details === undefined ? {} : { issues: error.details }) });
    }
  }

  /** Problems of one item (unreadable, nothing left after cleaning) are that item's; others stay in. */
  function failure(index: number, error: unknown): ItemResult {
    if (error instanceof HttpProblem || isUserFacing(error)) return { index, status: 'failed', error: error.message };
    throw error;
  }

  /** The readable items in one transaction (group commit): each is acknowledged only once it committed. */
  async function ingestAll(items: ReadonlyArray<() => RawArticle>): Promise<ItemResult[]> {
    const results: ItemResult[] = [];
    const raws: Array<{ index: number; raw: RawArticle }> = [];
    for (const [index, read] of items.entries()) {
      try {
        raws.push({ index, raw: read() });
      } catch (error) {
        results[index] = failure(index, error);
      }
    }
    let batch: BatchResult[];
    try {
      batch = await ingestArticles(
        raws.map(({ raw }) => raw),
        options.ingest,
      );
    } catch (error) {
      // Nothing of the batch was stored (a full disk): every item in it failed, and says why.
      for (const { index } of raws) results[index] = failure(index, error);
      return results;
    }
    for (const [position, { index }] of raws.entries()) {
      const result = batch[position];
      if (result === undefined) continue;
      if (!('outcome' in result)) results[index] = failure(index, result.error);
      else if (result.outcome.status === 'duplicate') {
        results[index] = { index, status: 'duplicate', id: result.outcome.existingId, title: result.outcome.title };
      } else {
        const { article } = result.outcome;
        results[index] = { index, status: 'stored', id: article.id, title: article.title, duplicateOf: article.duplicateOf };
      }
    }
    return results;
  }

  return [{ method: 'POST', path: INGEST_PATH, handle }];
}

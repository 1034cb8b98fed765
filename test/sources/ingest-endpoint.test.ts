import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../src/http/http-server.ts';
import { createIngestRoutes } from '../../src/sources/ingest-endpoint.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { articlePage, makeItem } from '../support/fake-feed-content.ts';
import { plainAnalyzer, silentLogger } from './source-harness.ts';

const TOKEN = 'test-token-0123456789abcdef';
const MAX_BYTES = 64 * 1024;
const store = createSqliteStore(':memory:');
const clock = { now: () => new Date('2026-11-20T08:00:00Z') };
let server: HttpServer;

beforeAll(async () => {
  const routes = createIngestRoutes({ token: TOKEN, maxBytes: MAX_BYTES, ingest: { store, clock, analyzer: plainAnalyzer }, logger: silentLogger });
  server = await startHttpServer({ port: 0, host: '127.0.0.1', routes, logger: silentLogger });
});
afterAll(() => server.close());

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP POST (node:http), so a body can be sent with any content type and length. */
function post(path: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const json = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
const article = (n: number) => ({
  title: makeItem(n, '').title,
  text: makeItem(n, '').text,
  url: `https://fake.example/articles/${n}?utm_source=feed`,
  publishedAt: '2026-11-19T10:00:00Z',
});

describe('POST /api/articles', () => {
  it('refuses a missing or wrong token without reading the body', async () => {
    const missing = await post('/api/articles', JSON.stringify(article(1)), { 'content-type': 'application/json' });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await post('/api/articles', JSON.stringify(article(1)), { ...json, authorization: `Bearer ${TOKEN.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const basic = await post('/api/articles', JSON.stringify(article(1)), { ...json, authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` });
    expect(basic.status).toBe(401);
    expect(await store.countArticles()).toBe(0);
  });

  it('stores a valid batch, returning ids, then reports the same articles as duplicates by canonical URL', async () => {
    const first = await post('/api/articles', JSON.stringify([article(1), article(2)]), json);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, stored: 2, duplicates: 0, failed: 0 });
    const results = first.body['results'] as Array<{ id: string; status: string }>;
    expect(results.map((result) => result.status)).toEqual(['stored', 'stored']);
    const storedArticle = await store.getArticle(results[0]?.id ?? '');
    expect(storedArticle?.url).toBe('https://fake.example/articles/1');
    expect(storedArticle?.publishedAt).toBe('2026-11-19T10:00:00.000Z');

    const again = await post(
      '/api/articles',
      JSON.stringify({ ...article(2), url: 'https://fake.example/articles/2', text: `${article(2).text} Edited.` }),
      json,
    );
    expect(again.body).toMatchObject({ stored: 0, duplicates: 1, results: [{ status: 'duplicate', id: results[1]?.id }] });
    expect(await store.countArticles()).toBe(2);
  });

  it('rejects invalid JSON, invalid articles and oversized bodies, losing nothing', async () => {
    const invalid = await post('/api/articles', '{"title": "x", ', json);
    expect(invalid.status).toBe(400);
    expect(invalid.body['error']).toMatch(/invalid JSON/);

    const wrongShape = await post('/api/articles', JSON.stringify([{ title: 'no body' }, { text: 'x', url: 'ftp://x' }]), json);
    expect(wrongShape.status).toBe(422);
    const issues = (wrongShape.body['issues'] as Array<{ path: string; message: string }>).map((issue) => `${issue.path}: ${issue.message}`).join('\n');
    expect(issues).toMatch(/exactly one of "text"/);
    expect(issues).toMatch(/1\.url: must be an http or https URL/);

    const oversized = await post('/api/articles', JSON.stringify({ ...article(3), text: 'word '.repeat(MAX_BYTES / 4) }), json);
    expect(oversized.status).toBe(413);
    expect(oversized.body['error']).toMatch(/too large/);

    const wrongType = await post('/api/articles', 'a,b\n1,2', { ...json, 'content-type': 'text/csv' });
    expect(wrongType.status).toBe(415);
    expect(await store.countArticles()).toBe(2);
  });

  it('reads an HTML page with url and title parameters, and plain text', async () => {
    const item = makeItem(7, 'https://fake.example');
    const page = await post(`/api/articles?url=${encodeURIComponent(item.link)}&title=${encodeURIComponent('Given title')}`, articlePage(item, item.text), {
      ...json,
      'content-type': 'text/html; charset=utf-8',
    });
    expect(page.status).toBe(200);
    const [result] = page.body['results'] as Array<{ id: string; title: string }>;
    expect(result?.title).toBe('Given title');
    const stored = await store.getArticle(result?.id ?? '');
    expect(stored?.url).toBe(item.link);
    expect(stored?.text).not.toMatch(/All rights reserved/);

    const plain = await post('/api/articles?title=Plain%20story', makeItem(8, '').text, { ...json, 'content-type': 'text/plain' });
    expect(plain.body).toMatchObject({ stored: 1, results: [{ status: 'stored', title: 'Plain story' }] });
  });

  it('reports an unreadable article in a batch and stores the rest', async () => {
    const mixed = await post('/api/articles', JSON.stringify([article(9), { html: '<html><body><p>Too short.</p></body></html>' }]), json);
    expect(mixed.status).toBe(200);
    expect(mixed.body).toMatchObject({
      stored: 1,
      failed: 1,
      results: [{ status: 'stored' }, { status: 'failed', error: expect.stringMatching(/no readable article/) }],
    });
  });

  it('does not exist without INGEST_TOKEN', () => {
    expect(createIngestRoutes({ token: undefined, maxBytes: MAX_BYTES, ingest: { store, clock, analyzer: plainAnalyzer }, logger: silentLogger })).toEqual([]);
  });
});

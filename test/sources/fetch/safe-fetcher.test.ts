import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/sources/fetch/fetch-error.ts';
import { makeItems, rssFeed } from '../../support/fake-feed-content.ts';
import { type FakeFeedServer, gzipBomb, hugeBody, redirect, serveDocument, startFakeFeedServer, trickle } from '../../support/fake-feed-server.ts';
import { rejection, resolveFrom, testFetcher } from './fetch-harness.ts';

const MEBIBYTE = 1024 * 1024;
let server: FakeFeedServer;
const hugeSent = { bytes: 0 };
const feed = () => rssFeed(makeItems(3, 'https://fake.example'));

beforeAll(async () => {
  server = await startFakeFeedServer({
    '/feed.xml': serveDocument(feed, { etag: '"v1"', lastModified: 'Fri, 20 Nov 2026 08:00:00 GMT' }),
    '/hop-1': redirect('/hop-2', 301),
    '/hop-2': redirect('/feed.xml', 307),
    '/loop': redirect('/loop'),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/iam/security-credentials/'),
    '/to-metadata-mapped': redirect('http://[::ffff:169.254.169.254]/latest/'),
    '/huge': hugeBody(100 * MEBIBYTE, hugeSent),
    '/huge-declared': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(100 * MEBIBYTE) });
      response.write(Buffer.alloc(1024, ' '));
    },
    '/bomb': gzipBomb(32 * MEBIBYTE),
    '/trickle': trickle(),
    '/error': (_request, response) => void response.writeHead(500).end('boom'),
    '/busy': (_request, response) => void response.writeHead(429, { 'retry-after': '120' }).end(),
    '/image': serveDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { contentType: 'image/png' }),
    '/odd-encoding': (_request, response) => void response.writeHead(200, { 'content-encoding': 'compress' }).end('x'),
    '/brotli': (_request, response) =>
      void response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(brotliCompressSync(feed())),
  });
  server.route('/to-loopback', redirect(server.url('/feed.xml')));
});

afterAll(() => server.close());

describe('safe fetcher on a loopback server (127.0.0.1 allow-listed)', () => {
  it('fetches a feed with its validators, then gets 304 on a conditional GET', async () => {
    const fetcher = testFetcher();
    const first = await fetcher.fetch(server.url('/feed.xml'));
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(Buffer.from(first.bytes).toString()).toContain('update number 2');
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Fri, 20 Nov 2026 08:00:00 GMT');
    const second = await fetcher.fetch(server.url('/feed.xml'), { etag: first.etag, lastModified: first.lastModified });
    expect(second.status).toBe('not-modified');
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('follows redirects and reports the final URL; refuses a redirect loop', async () => {
    const fetcher = testFetcher();
    const result = await fetcher.fetch(server.url('/hop-1'));
    expect(result).toMatchObject({ status: 'ok', url: server.url('/feed.xml') });
    const loop = await rejection(fetcher.fetch(server.url('/loop')));
    expect(loop.message).toMatch(/more than 5 redirects/);
    expect(server.hits('/loop')).toBe(6);
  });

  it('refuses a redirect to the cloud metadata address, also IPv4-mapped', async () => {
    const fetcher = testFetcher();
    for (const path of ['/to-metadata', '/to-metadata-mapped']) {
      const error = await rejection(fetcher.fetch(server.url(path)));
      expect(error).toBeInstanceOf(FetchError);
      expect(error.failure).toBe('refused');
      expect(error.message).toMatch(/redirected to http:\/\/(169\.254\.169\.254|\[::ffff:a9fe:a9fe\])\/.*link-local or cloud-metadata/);
    }
  });

  it('refuses a redirect to 127.0.0.1 when only the starting host is allowed', async () => {
    const fetcher = testFetcher({ allowHosts: ['feeds.test'] }, { resolve: resolveFrom({ 'feeds.test': '127.0.0.1' }) });
    const before = server.hits('/feed.xml');
    const error = await rejection(fetcher.fetch(`http://feeds.test:${server.port}/to-loopback`));
    expect(error.message).toMatch(/redirected to http:\/\/127\.0\.0\.1:\d+\/feed\.xml: it is a loopback address/);
    expect(server.hits('/feed.xml')).toBe(before);
  });

  it('checks the address a name resolves to at connect time (DNS rebinding), before any request', async () => {
    const asked: string[] = [];
    const fetcher = testFetcher({ allowHosts: [], allowPorts: [server.port] }, { resolve: resolveFrom({ 'rebind.test': '127.0.0.1' }, asked) });
    const before = server.requests.length;
    const error = await rejection(fetcher.fetch(`http://rebind.test:${server.port}/feed.xml`));
    expect(error.message).toMatch(/resolves to a loopback address/);
    expect(asked).toEqual(['rebind.test']);
    expect(server.requests.length).toBe(before);
  });

  it('stops a 100 MB body at the size cap, streaming rather than buffering it', async () => {
    const error = await rejection(testFetcher().fetch(server.url('/huge')));
    expect(error.failure).toBe('too-large');
    expect(error.message).toMatch(/over 1 MB received/);
    expect(hugeSent.bytes).toBeLessThan(16 * MEBIBYTE);
  });

  it('refuses a body whose announced length is over the cap without reading it', async () => {
    const error = await rejection(testFetcher().fetch(server.url('/huge-declared')));
    expect(error.message).toMatch(/100 MB announced/);
  });

  it('refuses a gzip bomb once the unpacked size passes the cap', async () => {
    const error = await rejection(testFetcher().fetch(server.url('/bomb')));
    expect(error.failure).toBe('too-large');
    expect(error.message).toMatch(/once decompressed/);
  });

  it('ends a server that trickles one byte a second at the deadline', async () => {
    // Without the deadline the read would go on for as long as the server trickles.
    const error = await rejection(testFetcher({ timeoutMs: 300 }).fetch(server.url('/trickle')));
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(/within 0.3 s/);
  });

  it('names HTTP errors, Retry-After, binary content and unknown encodings', async () => {
    const fetcher = testFetcher();
    expect((await rejection(fetcher.fetch(server.url('/error')))).message).toMatch(/HTTP 500/);
    const busy = (await rejection(fetcher.fetch(server.url('/busy')))) as FetchError;
    expect(busy.retryAfterSeconds).toBe(120);
    expect((await rejection(fetcher.fetch(server.url('/image')))).message).toMatch(/is image\/png, not a page or a feed/);
    expect((await rejection(fetcher.fetch(server.url('/odd-encoding')))).message).toMatch(/unsupported content encoding "compress"/);
    expect((await rejection(fetcher.fetch('http://no-such-host.test/feed'))).message).toMatch(/does not resolve/);
    expect((await rejection(fetcher.fetch('not a url'))).message).toMatch(/not a valid URL/);
  });

  it('decodes brotli', async () => {
    const result = await testFetcher().fetch(server.url('/brotli'));
    expect(result.status === 'ok' && Buffer.from(result.bytes).toString().startsWith('<?xml')).toBe(true);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The real feeds in ../shared/data/feeds/raw-xml, read at run time (evaluation data: never copied into the repo). */
export const REAL_FEEDS_DIRECTORY = fileURLToPath(new URL('../../../shared/data/feeds/raw-xml/', import.meta.url));
export const hasRealFeeds = existsSync(REAL_FEEDS_DIRECTORY);

export function realFeedFiles(): string[] {
  return hasRealFeeds
    ? readdirSync(REAL_FEEDS_DIRECTORY)
        .filter((name) => /\.(xml|rss|atom)$/i.test(name))
        .sort()
    : [];
}

export function readRealFeed(name: string): Buffer {
  return readFileSync(join(REAL_FEEDS_DIRECTORY, name));
}

export type FeedHandler = (request: IncomingMessage, response: ServerResponse, hit: number) => void | Promise<void>;

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

/** A feed server on 127.0.0.1: routes by path, counting hits and recording request headers. */
export interface FakeFeedServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  url(path: string): string;
  route(path: string, handler: FeedHandler): void;
  hits(path: string): number;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeFeedServer(routes: Record<string, FeedHandler> = {}): Promise<FakeFeedServer> {
  const handlers = new Map(Object.entries(routes));
  const counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, headers: request.headers });
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    const handler = handlers.get(path);
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(request, response, hit)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void handlers.set(path, handler),
    hits: (path) => counts.get(path) ?? 0,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves a document with validators, answering 304 to a matching conditional GET. */
export function serveDocument(
  body: string | Buffer | (() => string | Buffer),
  options: { contentType?: string; etag?: string; lastModified?: string } = {},
): FeedHandler {
  return (request, response) => {
    const { etag, lastModified } = options;
    if (
      (etag !== undefined && request.headers['if-none-match'] === etag) ||
      (lastModified !== undefined && request.headers['if-modified-since'] === lastModified)
    ) {
      response.writeHead(304).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8' };
    if (etag !== undefined) headers['etag'] = etag;
    if (lastModified !== undefined) headers['last-modified'] = lastModified;
    response.writeHead(200, headers).end(typeof body === 'function' ? body() : body);
  };
}

/** Streams `totalBytes` of an endless-looking feed in 64 KB chunks, honouring backpressure; counts what it sent. */
export function hugeBody(totalBytes: number, sent: { bytes: number }): FeedHandler {
  const chunk = Buffer.alloc(64 * 1024, ' ');
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title><description>');
    const pump = (): void => {
      while (sent.bytes < totalBytes && !response.destroyed) {
        sent.bytes += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end('</description></channel></rss>');
    };
    pump();
  };
}

/** A small gzip body that unpacks to `unpackedBytes` (a "zip bomb" for HTTP), built once when the route is made. */
export function gzipBomb(unpackedBytes: number): FeedHandler {
  const packed = gzipSync(Buffer.alloc(unpackedBytes, ' '), { level: 9 });
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': packed.length });
    response.end(packed);
  };
}

/** Sends the headers, then one byte a second, forever (until the client gives up). */
export function trickle(): FeedHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.write('<');
    const timer = setInterval(() => response.write(' '), 1000);
    response.on('close', () => clearInterval(timer));
  };
}

export function redirect(location: string | (() => string), status = 302): FeedHandler {
  return (_request, response) => {
    response.writeHead(status, { location: typeof location === 'function' ? location() : location }).end();
  };
}

/** Answers 500 for the first `failures` hits, then hands over to `then`. */
export function failFirst(failures: number, then: FeedHandler): FeedHandler {
  return (request, response, hit) => {
    if (hit <= failures) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      return;
    }
    return then(request, response, hit);
  };
}

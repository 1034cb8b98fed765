import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../ports/index.ts';

/** One HTTP route: an exact path, or a prefix when `path` ends with `/*`. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | '*';
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
}

export interface HttpServer {
  readonly server: Server;
  /** The port actually bound (useful with port 0 in tests). */
  readonly port: number;
  close(): Promise<void>;
}

/** Deliberate limits: slow or idle clients cannot hold the server's sockets for long. */
export const HTTP_LIMITS = {
  /** The whole request head must arrive within this time (slowloris). */
  headersTimeoutMs: 10_000,
  /** The whole request, body included. */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** Concurrent connections; more are refused by the kernel backlog, not served slowly. */
  maxConnections: 1_024,
  /** Largest request head (Node's default is 16 KiB). */
  maxHeaderSize: 16 * 1024,
} as const;

function matches(route: Route, method: string, path: string): boolean {
  if (route.method !== '*' && route.method !== method) return false;
  return route.path.endsWith('/*') ? path.startsWith(route.path.slice(0, -1)) : path === route.path;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The path of a request target, or null when the target is not a valid origin-form path.
 * Only origin-form (`/path?query`) is served; absolute-form, authority-form and anything the
 * URL parser refuses (`/\[`, `//[`, `//x:99999`) is a client error, never an exception.
 */
export function requestPath(target: string | undefined): string | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  const parsed = URL.parse(target, 'http://localhost');
  return parsed === null ? null : parsed.pathname;
}

/**
 * The bot's one HTTP server: Slack's receiver, the ingest endpoint and /healthz are routes on it.
 * A malformed target answers 400, an unknown path 404, a failing handler 500 with a reference
 * that is also in the log; no request can throw out of the listener.
 */
export async function startHttpServer(options: { port: number; host?: string; routes: readonly Route[]; logger: Logger }): Promise<HttpServer> {
  const routes = [
    ...options.routes,
    { method: 'GET', path: '/healthz', handle: (_request, response) => sendJson(response, 200, { ok: true }) } satisfies Route,
  ];
  const fail = (response: ServerResponse, error: unknown, path: string): void => {
    const reference = randomUUID().slice(0, 8);
    options.logger.error({ err: error, path, reference }, 'http handler failed');
    if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'internal error', reference });
    else response.destroy();
  };
  // A CommonJS builtin, taken when a server starts: an ES import of node:http loads Node's bundled fetch (undici)
  // in every process that imports this folder (`market-brief topics` among them), ≈45 ms and ≈3 MB of heap.
  const { createServer } = process.getBuiltinModule('node:http');
  const server = createServer(
    { maxHeaderSize: HTTP_LIMITS.maxHeaderSize, requestTimeout: HTTP_LIMITS.requestTimeoutMs, headersTimeout: HTTP_LIMITS.headersTimeoutMs },
    (request, response) => {
      const path = requestPath(request.url);
      if (path === null) {
        sendJson(response, 400, { ok: false, error: 'bad request target' });
        return;
      }
      try {
        const route = routes.find((candidate) => matches(candidate, request.method ?? 'GET', path));
        if (route === undefined) {
          sendJson(response, 404, { ok: false, error: 'not found' });
          return;
        }
        Promise.resolve()
          .then(() => route.handle(request, response))
          .catch((error: unknown) => fail(response, error, path));
      } catch (error) {
        fail(response, error, path);
      }
    },
  );
  server.keepAliveTimeout = HTTP_LIMITS.keepAliveTimeoutMs;
  server.maxConnections = HTTP_LIMITS.maxConnections;
  // Unparseable requests (bad request line, oversized head, invalid header characters).
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

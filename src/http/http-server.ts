import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.ts';

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
 * The bot's one HTTP server: Slack's receiver, the ingest endpoint and /healthz are routes on it.
 * Unknown paths get 404, a failing handler a 500 with a reference in the log, never a stack trace.
 */
export async function startHttpServer(options: { port: number; host?: string; routes: readonly Route[]; logger: Logger }): Promise<HttpServer> {
  const routes = [
    ...options.routes,
    { method: 'GET', path: '/healthz', handle: (_request, response) => sendJson(response, 200, { ok: true }) } satisfies Route,
  ];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((candidate) => matches(candidate, request.method ?? 'GET', path));
    if (route === undefined) {
      sendJson(response, 404, { ok: false, error: 'not found' });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((error: unknown) => {
        options.logger.error({ err: error, path }, 'http handler failed');
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'internal error' });
        else response.destroy();
      });
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

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, requestPath, startHttpServer } from '../../src/http/http-server.ts';
import type { Logger } from '../../src/ports/logger.ts';

const logged: Array<Record<string, unknown>> = [];
const logger = {
  error: (fields: Record<string, unknown>) => logged.push(fields),
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
} as unknown as Logger;
let server: HttpServer;

beforeAll(async () => {
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    logger,
    routes: [
      {
        method: 'GET',
        path: '/throws',
        handle: () => {
          throw new Error('sync failure');
        },
      },
      {
        method: 'GET',
        path: '/rejects',
        handle: async () => {
          throw new Error('async failure');
        },
      },
    ],
  });
});
afterAll(() => server.close());

/** Sends raw bytes (no client-side validation of the target) and returns the status line. */
function raw(requestText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(requestText));
    let text = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

const get = (target: string) => raw(`GET ${target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`);

describe('HTTP safety net', () => {
  it.each(['/\\[', '//[', '//x:99999', 'http://evil.example/', '*', 'x'])('answers 400 to the malformed target %s and keeps serving', async (target) => {
    expect(await get(target)).toBe('HTTP/1.1 400 Bad Request');
    expect(await get('/healthz')).toBe('HTTP/1.1 200 OK');
  });

  it('answers 400 to an unparseable request line and to bad header bytes', async () => {
    expect(await raw('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw('GET / HTTP/1.1\r\nhost: x\r\nbad header: \u0001\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await get('/healthz')).toBe('HTTP/1.1 200 OK');
  });

  it('answers 431 to an oversized request head', async () => {
    expect(await raw(`GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(40_000)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431/);
  });

  it('answers 500 with a reference when a handler throws, synchronously or not, and logs that reference', async () => {
    for (const path of ['/throws', '/rejects']) {
      logged.length = 0;
      expect(await get(path)).toBe('HTTP/1.1 500 Internal Server Error');
      expect(logged).toHaveLength(1);
      expect(String(logged[0]?.['reference'])).toMatch(/^[0-9a-f]{8}$/);
    }
    expect(await get('/healthz')).toBe('HTTP/1.1 200 OK');
  });

  it('sets its timeouts and connection cap deliberately', () => {
    expect(server.server.headersTimeout).toBeGreaterThan(0);
    expect(server.server.requestTimeout).toBeGreaterThan(0);
    expect(server.server.maxConnections).toBeGreaterThan(0);
  });
});

describe('requestPath', () => {
  it('reads the path of an origin-form target and refuses everything else', () => {
    expect(requestPath('/api/articles?x=1')).toBe('/api/articles');
    expect(requestPath('/\\[')).toBe(null);
    expect(requestPath('//evil')).toBe(null);
    expect(requestPath(undefined)).toBe(null);
  });
});

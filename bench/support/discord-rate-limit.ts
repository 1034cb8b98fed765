// A proxy in front of the loopback Discord that enforces Discord's global rate limit: 50 requests
// per second per bot, answered beyond that with a real 429 (global: true, Retry-After, the
// X-RateLimit-Global and -Scope headers). Interaction endpoints are exempt, as on Discord.
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RateLimitProxy {
  /** For DISCORD_API_URL / `rest.api`: the proxy's `/api`. */
  apiUrl: string;
  /** Requests forwarded to Discord and requests refused with 429. */
  counts(): { forwarded: number; limited: number };
  close(): Promise<void>;
}

const WINDOW_MS = 1_000;

export async function startRateLimitProxy(targetApiUrl: string, perSecond = 50): Promise<RateLimitProxy> {
  const target = new URL(targetApiUrl);
  let windowStart = 0;
  let inWindow = 0;
  let forwarded = 0;
  let limited = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const exempt = /\/(interactions|webhooks)\//.test(path);
    const now = performance.now();
    if (!exempt) {
      if (now - windowStart >= WINDOW_MS) {
        windowStart = now;
        inWindow = 0;
      }
      if (inWindow >= perSecond) {
        limited += 1;
        const seconds = Math.max(0.001, (windowStart + WINDOW_MS - now) / 1000);
        const body = JSON.stringify({ message: 'You are being rate limited.', retry_after: Number(seconds.toFixed(3)), global: true });
        incoming.resume();
        outgoing.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(Math.ceil(seconds)),
          'x-ratelimit-global': 'true',
          'x-ratelimit-scope': 'global',
        });
        outgoing.end(body);
        return;
      }
      inWindow += 1;
    }
    forwarded += 1;
    const upstream = forward(
      { host: target.hostname, port: target.port, method: incoming.method, path, headers: { ...incoming.headers, host: target.host } },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`,
    counts: () => ({ forwarded, limited }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

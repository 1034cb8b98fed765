import type { Logger } from '../ports/index.ts';
import type { Route } from './http-server.ts';
import { sendJson } from './http-server.ts';
import type { PrometheusMetrics } from './metrics.ts';

/** One dependency `GET /readyz` checks: resolves when reachable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
}

/** Each check gets this long before it counts as down. */
const CHECK_TIMEOUT_MS = 5_000;

function withinTimeout(work: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `GET /readyz` (200 when every dependency answers, else 503 naming the ones that did not; the reasons are logged) and
 * `GET /metrics` (Prometheus text). `GET /healthz`, "the process is alive", is on every server.
 */
export function createOpsRoutes(options: { checks: readonly ReadinessCheck[]; metrics?: PrometheusMetrics | undefined; logger: Logger }): Route[] {
  const routes: Route[] = [
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_request, response) => {
        const results = await Promise.all(
          options.checks.map(async ({ name, check }) => {
            try {
              await withinTimeout(Promise.resolve().then(check));
              return { name, ok: true as const };
            } catch (error) {
              // The reason goes to the log, not to whoever can reach the port.
              options.logger.warn({ err: error, check: name }, 'readiness check failed');
              return { name, ok: false as const };
            }
          }),
        );
        const ready = results.every((result) => result.ok);
        sendJson(response, ready ? 200 : 503, { ok: ready, checks: results });
      },
    },
  ];
  const metrics = options.metrics;
  if (metrics !== undefined) {
    routes.push({
      method: 'GET',
      path: '/metrics',
      handle: async (_request, response) => {
        const { contentType, text } = await metrics.render();
        response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
        response.end(text);
      },
    });
  }
  return routes;
}

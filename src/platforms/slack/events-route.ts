import type { IncomingMessage } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger, ReplayGuard } from '../../ports/index.ts';
import type { Route } from '../../http/index.ts';
import { SLACK_PATHS } from './manifest.ts';
import { MAX_CLOCK_SKEW_SECONDS, readBody, slackRequestProblem } from './verify-signature.ts';

/** Slack's payloads are small; Bolt's own limit is 4 MB. */
const BODY_LIMIT = 1024 * 1024;

/** Slack's certificate check (`ssl_check=1`) carries no command; Bolt answers it and dispatches nothing. */
function isSslCheck(request: IncomingMessage, body: Buffer): boolean {
  return request.headers['content-type'] === 'application/x-www-form-urlencoded' && new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1';
}

/**
 * True the first time a signed request is seen. A request is accepted only while its timestamp is
 * within 5 minutes of now, so its signature is remembered until timestamp + 5 minutes; after that
 * the timestamp check refuses it anyway. Kept in the store, so processes sharing it agree.
 */
async function firstDelivery(request: IncomingMessage, guard: ReplayGuard, nowMs: number): Promise<boolean> {
  const signature = String(request.headers['x-slack-signature']);
  const timestamp = Number(request.headers['x-slack-request-timestamp']);
  const expiresAt = new Date((timestamp + MAX_CLOCK_SKEW_SECONDS) * 1000).toISOString();
  return guard.rememberOnce(`slack:${signature}`, expiresAt, new Date(nowMs).toISOString());
}

/**
 * POST /slack/events on the bot's server. The body is read and checked here first, refusing a
 * bad signature or a timestamp more than 5 minutes off either way with 401, and a request whose
 * signature was already seen (a replay) with 401 too, then handed to Bolt's
 * own HTTPReceiver listener (which reuses the buffered body through `rawBody`, verifies again and
 * acks within 3 s). Bolt's receiver is never started: the bot has one server.
 */
export function slackEventsRoute(
  receiver: HTTPReceiver,
  signingSecret: string,
  options: { logger: Logger; now: () => number; replayGuard: ReplayGuard },
): Route {
  return {
    method: 'POST',
    path: SLACK_PATHS.events,
    async handle(request, response) {
      const body = await readBody(request, BODY_LIMIT);
      if (body === null) {
        response.writeHead(413).end();
        return;
      }
      const sslCheck = isSslCheck(request, body);
      const now = options.now();
      const problem = sslCheck ? null : slackRequestProblem(request, body, signingSecret, Math.floor(now / 1000));
      if (problem !== null) {
        options.logger.warn({ problem, remote: request.socket.remoteAddress }, 'refused a request not signed by Slack');
        response.writeHead(401).end();
        return;
      }
      if (!sslCheck && !(await firstDelivery(request, options.replayGuard, now))) {
        options.logger.warn({ remote: request.socket.remoteAddress }, 'refused a replayed Slack request (signature already seen)');
        response.writeHead(401).end();
        return;
      }
      Object.assign(request, { rawBody: body });
      receiver.requestListener(request, response);
    },
  };
}

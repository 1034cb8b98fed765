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

/** What the store said about a signed request: seen for the first time, a replay, or no answer. */
export type DeliveryVerdict = 'first' | 'replay' | 'unchecked';

/** The name under which the store's verdict reaches Bolt's listeners (`context.slackDelivery`). */
export const DELIVERY_VERDICT = 'slackDelivery';

/** Signatures this process saw in the last 5 minutes at most, for an immediate 401 to a replay sent to it. */
const RECENT_LIMIT = 50_000;

function recentSignatures() {
  const seen = new Map<string, number>();
  return {
    /** True the first time this process sees `signature`; forgets it once its timestamp is out of the window. */
    add(signature: string, expiresAtMs: number, nowMs: number): boolean {
      for (const [key, until] of seen) {
        if (until > nowMs && seen.size < RECENT_LIMIT) break;
        seen.delete(key);
      }
      if (seen.has(signature)) return false;
      seen.set(signature, expiresAtMs);
      return true;
    },
  };
}

/**
 * The store's verdict: first the time a signed request is seen by any process sharing the store.
 * A request is accepted only while its timestamp is within 5 minutes of now, so its signature is
 * remembered until timestamp + 5 minutes; after that the timestamp check refuses it anyway.
 */
async function storeVerdict(signature: string, expiresAt: string, guard: ReplayGuard, nowMs: number, logger: Logger): Promise<DeliveryVerdict> {
  try {
    return (await guard.rememberOnce(`slack:${signature}`, expiresAt, new Date(nowMs).toISOString())) ? 'first' : 'replay';
  } catch (error) {
    logger.error({ err: error }, 'the Slack replay check could not reach the store; the request is not run');
    return 'unchecked';
  }
}

/**
 * The verdict a Bolt listener waits for after acknowledging: a request the route let through is
 * run only when the store says it is the first delivery. Without the route (Socket Mode: Slack's
 * own connection, no signature to replay) there is nothing to wait for.
 */
export function deliveryVerdict(context: Record<string, unknown>): Promise<DeliveryVerdict> {
  const verdict = context[DELIVERY_VERDICT];
  return verdict instanceof Promise ? (verdict as Promise<DeliveryVerdict>) : Promise.resolve('first');
}

/** For Bolt's HTTPReceiver (`customPropertiesExtractor`): the verdict the route attached to the request. */
export function deliveryVerdictProperty(request: IncomingMessage): Record<string, unknown> {
  const verdict = (request as IncomingMessage & { [DELIVERY_VERDICT]?: Promise<DeliveryVerdict> })[DELIVERY_VERDICT];
  return verdict === undefined ? {} : { [DELIVERY_VERDICT]: verdict };
}

/**
 * POST /slack/events on the bot's server. The body is read and checked here first, refusing a
 * bad signature or a timestamp more than 5 minutes off either way with 401, and a signature this
 * process has already seen (a replay) with 401 too; then it is handed to Bolt's own HTTPReceiver
 * listener (which reuses the buffered body through `rawBody`, verifies again and acks within 3 s).
 * Whether another process sharing the store saw it first is asked of the store at the same time,
 * not before the acknowledgement: the write waits for the database's lock, and an ack must not
 * (issue 14); the listener acknowledges, then runs the request only if the store's verdict is
 * `first`. Bolt's receiver is never started: the bot has one server.
 */
export function slackEventsRoute(
  receiver: HTTPReceiver,
  signingSecret: string,
  options: { logger: Logger; now: () => number; replayGuard: ReplayGuard },
): Route {
  const recent = recentSignatures();
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
      if (!sslCheck) {
        const signature = String(request.headers['x-slack-signature']);
        const expiresAtMs = (Number(request.headers['x-slack-request-timestamp']) + MAX_CLOCK_SKEW_SECONDS) * 1000;
        if (!recent.add(signature, expiresAtMs, now)) {
          options.logger.warn({ remote: request.socket.remoteAddress }, 'refused a replayed Slack request (signature already seen)');
          response.writeHead(401).end();
          return;
        }
        const verdict = storeVerdict(signature, new Date(expiresAtMs).toISOString(), options.replayGuard, now, options.logger);
        Object.assign(request, { [DELIVERY_VERDICT]: verdict });
      }
      Object.assign(request, { rawBody: body });
      receiver.requestListener(request, response);
    },
  };
}

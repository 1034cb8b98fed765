import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Slack's window: a request signed more than five minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret, as Slack signs requests. */
export function slackSignature(signingSecret: string, timestamp: string, body: Buffer | string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

/**
 * Why a request is not from Slack, or null when it is: the signature must match the raw body and
 * the timestamp must be within five minutes of `nowSeconds` in EITHER direction (Bolt only
 * refuses old ones, so a captured request signed with a future time could be replayed later).
 */
export function slackRequestProblem(request: IncomingMessage, body: Buffer, signingSecret: string, nowSeconds: number): string | null {
  const timestamp = header(request, 'x-slack-request-timestamp');
  const signature = header(request, 'x-slack-signature');
  if (timestamp === null || signature === null) return 'missing signature headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp';
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'timestamp more than 5 minutes off';
  const expected = Buffer.from(slackSignature(signingSecret, timestamp, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
  return null;
}

/** Reads a request body up to `limit` bytes; null when it is larger. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

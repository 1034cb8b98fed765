import { createHmac } from 'node:crypto';

/** What Slack sends for a slash command (form fields), with test defaults. */
export function slashCommandPayload(fields: {
  command: string;
  text?: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  responseUrl: string;
}): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: fields.teamId ?? 'T0001',
    team_domain: 'example',
    channel_id: fields.channelId ?? 'C0001',
    channel_name: 'markets',
    user_id: fields.userId ?? 'U0001',
    user_name: 'analyst',
    command: fields.command,
    text: fields.text ?? '',
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  };
}

/** Signs a body the way Slack does (independently of the code under test). */
export function signBody(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  signingSecret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature (for a bad one). */
  signature?: string;
}

/** POSTs a body to the bot as Slack would, signed; resolves with the status and how long the answer took. */
export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignedPostOptions,
): Promise<{ status: number; body: string; elapsedMs: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signBody(options.signingSecret, timestamp, body),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, elapsedMs: performance.now() - started };
}

/** A slash command's form post, signed. */
export function postSignedForm(url: string, form: Record<string, string>, options: SignedPostOptions) {
  return postSigned(url, new URLSearchParams(form).toString(), 'application/x-www-form-urlencoded', options);
}

/** An Events API callback (JSON), signed. */
export function postSignedEvent(url: string, event: Record<string, unknown>, options: SignedPostOptions) {
  return postSigned(url, JSON.stringify(event), 'application/json', options);
}

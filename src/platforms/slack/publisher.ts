import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { DeliveryError, type DeliveryFailure, type Reply } from '../../domain/index.ts';
import type { Logger, Publisher } from '../../ports/index.ts';
import { createBoltLogger } from './bolt-logger.ts';
import { renderSlackMessages } from './render/index.ts';
import { SLACK_PLATFORM } from './oauth-installation-store.ts';

/** Slack error codes (HTTP 200, `ok: false`) and what the scheduler should do about them. */
const FAILURES: Record<string, DeliveryFailure> = {
  account_inactive: 'revoked',
  token_revoked: 'revoked',
  token_expired: 'revoked',
  invalid_auth: 'revoked',
  not_authed: 'revoked',
  channel_not_found: 'channel-gone',
  is_archived: 'channel-gone',
  not_in_channel: 'forbidden',
  missing_scope: 'forbidden',
  restricted_action: 'forbidden',
  restricted_action_read_only_channel: 'forbidden',
  restricted_action_thread_only_channel: 'forbidden',
  team_access_not_granted: 'forbidden',
  ekm_access_denied: 'forbidden',
  internal_error: 'transient',
  fatal_error: 'transient',
  service_unavailable: 'transient',
  request_timeout: 'transient',
};

const EXPLANATIONS: Record<DeliveryFailure, string> = {
  revoked: 'the Slack token was revoked or the app was uninstalled',
  'channel-gone': 'the channel no longer exists or was archived',
  forbidden: 'the bot may not post there (invite it with /invite, or check its scopes)',
  transient: 'Slack is unavailable or rate limiting; try again later',
};

export interface SlackPublisherOptions {
  /** The bot token for a workspace, or null when the app is not installed there. */
  tokenFor(workspaceId: string): Promise<string | null>;
  logger: Logger;
  /** Web API client options; tests point `slackApiUrl` at a fake Slack. */
  clientOptions?: WebClientOptions | undefined;
  /** Gap between two messages to one channel; Slack allows about one a second. */
  channelIntervalMs?: number | undefined;
  /** A rate limit asking for a longer wait than this is reported as transient, not waited out. */
  maxRetryAfterSeconds?: number | undefined;
  /** Attempts per message when rate limited. */
  maxAttempts?: number | undefined;
  sleep?: ((milliseconds: number) => Promise<void>) | undefined;
  now?: (() => number) | undefined;
}

interface SlackErrorShape {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
}

function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

/**
 * The Slack Publisher: chat.postMessage per rendered message, about one a second per channel,
 * returning the messages' `ts` ids. Failures become DeliveryErrors the scheduler acts on; a
 * revoked token is remembered so it is not tried again until the workspace reinstalls.
 */
export function createSlackPublisher(options: SlackPublisherOptions): Publisher {
  const client = new WebClient(undefined, {
    retryConfig: { retries: 2 },
    timeout: 10_000,
    ...options.clientOptions,
    logger: createBoltLogger(options.logger),
    rejectRateLimitedCalls: true,
  });
  const interval = options.channelIntervalMs ?? 1100;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 30;
  const maxAttempts = options.maxAttempts ?? 3;
  const sleep = options.sleep ?? ((milliseconds: number) => delay(milliseconds));
  const now = options.now ?? (() => Date.now());
  const revoked = new Set<string>();
  const channels = new Map<string, { nextAt: number; queue: Promise<unknown> }>();

  async function postOne(token: string, channel: string, message: ReturnType<typeof renderSlackMessages>[number]): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await client.chat.postMessage({
          token,
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        if (typeof result.ts !== 'string') throw new DeliveryError('transient', 'Slack answered chat.postMessage without a message ts');
        return result.ts;
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        const slackError = error as SlackErrorShape;
        if (slackError.code === 'slack_webapi_rate_limited_error') {
          const seconds = slackError.retryAfter ?? 1;
          if (seconds > maxRetryAfter || attempt >= maxAttempts) {
            throw new DeliveryError('transient', `Slack is rate limiting this app (retry after ${seconds} s)`);
          }
          await sleep(seconds * 1000);
          continue;
        }
        if (slackError.code === 'slack_webapi_platform_error') {
          const code = slackError.data?.error ?? 'unknown_error';
          const failure = FAILURES[code];
          if (failure === 'revoked') revoked.add(fingerprint(token));
          if (failure !== undefined) throw new DeliveryError(failure, `Slack refused the post (${code}): ${EXPLANATIONS[failure]}`);
          throw new Error(`Slack refused the post (${code})`);
        }
        throw new DeliveryError('transient', `Slack could not be reached: ${(error as Error).message}`);
      }
    }
  }

  /** Runs `work` after the channel's previous posts, at least `interval` after the last one. */
  function inChannelOrder<T>(key: string, work: (wait: () => Promise<void>, posted: () => void) => Promise<T>): Promise<T> {
    const state = channels.get(key) ?? { nextAt: 0, queue: Promise.resolve() };
    channels.set(key, state);
    const wait = async () => {
      const gap = state.nextAt - now();
      if (gap > 0) await sleep(gap);
    };
    const posted = () => {
      state.nextAt = now() + interval;
    };
    const run = state.queue.then(() => work(wait, posted));
    state.queue = run.catch(() => undefined);
    return run;
  }

  return {
    platform: SLACK_PLATFORM,
    async post(target, reply: Reply) {
      const token = await options.tokenFor(target.workspaceId);
      if (token === null) throw new DeliveryError('revoked', `The app is not installed in Slack workspace ${target.workspaceId}`);
      if (revoked.has(fingerprint(token))) throw new DeliveryError('revoked', `Slack refused this workspace's token earlier: ${EXPLANATIONS.revoked}`);
      const messages = renderSlackMessages(reply);
      return inChannelOrder(`${target.workspaceId}/${target.channelId}`, async (wait, posted) => {
        const ids: string[] = [];
        for (const message of messages) {
          await wait();
          ids.push(await postOne(token, target.channelId, message));
          posted();
        }
        return ids;
      });
    },
  };
}

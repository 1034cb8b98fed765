import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/domain/errors.ts';
import type { Logger } from '../../../src/ports/logger.ts';
import type { Publisher } from '../../../src/ports/publisher.ts';
import type { Reply } from '../../../src/domain/reply.ts';
import { createSlackPublisher } from '../../../src/platforms/slack/publisher.ts';
import { FakeSlack } from '../../support/fake-slack.ts';
import type { Story } from '../../../src/domain/index.ts';

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function reply(lines: number): Reply {
  return {
    title: 'Market brief: banks',
    lead: { text: 'Lenders <!channel> slipped.', sources: [1] },
    sections: [
      {
        heading: 'Top stories',
        lines: Array.from({ length: lines }, (_, index) => ({ label: `Story ${index}`, text: `Bank shares moved on day ${index}. `.repeat(20), sources: [1] })),
      },
    ],
    sources: [{ n: 1, articleId: 'a', title: 'Banks slip', url: 'https://news.example.com/banks', source: 'Example Wire', publishedAt: null }],
    visibility: 'public',
  };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('Slack Publisher (chat.postMessage against a loopback Slack)', () => {
  let fake: FakeSlack;
  let clock: number;
  let sleeps: number[];
  let publisher: Publisher;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    fake.addWorkspace({ teamId: 'T0001', botToken: 'xoxb-one' });
    fake.addWorkspace({ teamId: 'T0002', botToken: 'xoxb-two' });
    clock = 1_000_000;
    sleeps = [];
    const tokens = new Map([
      ['T0001', 'xoxb-one'],
      ['T0002', 'xoxb-two'],
    ]);
    publisher = createSlackPublisher({
      tokenFor: async (workspaceId) => tokens.get(workspaceId) ?? null,
      logger: silent,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      channelIntervalMs: 1000,
      // Time passes only when the publisher waits, so pacing is checked without sleeping.
      sleep: async (milliseconds) => {
        sleeps.push(milliseconds);
        clock += milliseconds;
      },
      now: () => clock,
    });
  });

  afterEach(async () => {
    await fake.close();
  });

  it('posts a long brief as several messages in order, one a second per channel, and returns their ts', async () => {
    const ids = await publisher.post({ workspaceId: 'T0001', channelId: 'C0001' }, reply(60));
    const posts = fake.calls('chat.postMessage');
    expect(posts.length).toBeGreaterThan(2);
    expect(ids).toHaveLength(posts.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^\d+\.\d{6}$/.test(id))).toBe(true);
    posts.forEach((post, index) => {
      expect(post.token).toBe('xoxb-one');
      expect(post.body['channel']).toBe('C0001');
      expect(post.body['link_names']).toBeUndefined();
      expect(post.body['unfurl_links']).toBe('false');
      expect(String(post.body['text'])).toContain(`(${index + 1}/${posts.length})`);
      expect(JSON.stringify(post.body['blocks'])).not.toContain('<!channel>');
    });
    expect(sleeps).toEqual(Array.from({ length: posts.length - 1 }, () => 1000));
  });

  it('paces each channel on its own and keeps one channel’s posts in order when they overlap', async () => {
    await Promise.all([
      publisher.post({ workspaceId: 'T0001', channelId: 'C0001' }, reply(1)),
      publisher.post({ workspaceId: 'T0001', channelId: 'C0001' }, reply(2)),
      publisher.post({ workspaceId: 'T0002', channelId: 'C0009' }, reply(1)),
    ]);
    const channelOne = fake.calls('chat.postMessage').filter((post) => post.body['channel'] === 'C0001');
    expect(channelOne).toHaveLength(2);
    expect(fake.calls('chat.postMessage').find((post) => post.body['channel'] === 'C0009')?.token).toBe('xoxb-two');
    // One wait: the second post to C0001; C0009 needed none.
    expect(sleeps).toEqual([1000]);
  });

  it('reports a revoked token as revoked once, and does not try that token again', async () => {
    fake.revokedTokens.add('xoxb-one');
    const first = await failure(publisher.post({ workspaceId: 'T0001', channelId: 'C0001' }, reply(1)));
    expect(first.failure).toBe('revoked');
    expect(first.message).toContain('token_revoked');
    const second = await failure(publisher.post({ workspaceId: 'T0001', channelId: 'C0002' }, reply(1)));
    expect(second.failure).toBe('revoked');
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    // Another workspace is unaffected.
    expect(await publisher.post({ workspaceId: 'T0002', channelId: 'C0003' }, reply(1))).toHaveLength(1);
  });

  it('reports a workspace without an install as revoked without calling Slack', async () => {
    const error = await failure(publisher.post({ workspaceId: 'T0404', channelId: 'C0001' }, reply(1)));
    expect(error.failure).toBe('revoked');
    expect(fake.calls('chat.postMessage')).toHaveLength(0);
  });

  it('maps channel problems to channel-gone or forbidden', async () => {
    const cases = [
      ['not_in_channel', 'forbidden'],
      ['channel_not_found', 'channel-gone'],
      ['is_archived', 'channel-gone'],
      ['account_inactive', 'revoked'],
      ['invalid_auth', 'revoked'],
    ] as const;
    for (const [code, expected] of cases) {
      fake.queue('chat.postMessage', { body: { ok: false, error: code } });
      // A fresh workspace per case, since a revoked token is remembered.
      const team = `T${code}`;
      fake.addWorkspace({ teamId: team, botToken: `xoxb-${code}` });
      const local = createSlackPublisher({
        tokenFor: async () => `xoxb-${code}`,
        logger: silent,
        clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      });
      const error = await failure(local.post({ workspaceId: team, channelId: 'C0001' }, reply(1)));
      expect([code, error.failure]).toEqual([code, expected]);
    }
  });

  it('waits out a short Retry-After, but reports a long one as transient at once', async () => {
    fake.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    const ids = await publisher.post({ workspaceId: 'T0001', channelId: 'C0001' }, reply(1));
    expect(ids).toHaveLength(1);
    expect(sleeps).toEqual([2000]);
    expect(fake.calls('chat.postMessage')).toHaveLength(2);

    fake.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } });
    const error = await failure(publisher.post({ workspaceId: 'T0001', channelId: 'C0002' }, reply(1)));
    expect(error.failure).toBe('transient');
    expect(sleeps.some((milliseconds) => milliseconds >= 3_600_000)).toBe(false);
    expect(fake.calls('chat.postMessage')).toHaveLength(3);
  });

  it('reports a server error as transient', async () => {
    fake.queue('chat.postMessage', { status: 503, body: { ok: false } });
    const error = await failure(publisher.post({ workspaceId: 'T0001', channelId: 'C0001' }, reply(1)));
    expect(error.failure).toBe('transient');
  });
});

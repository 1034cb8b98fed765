import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/domain/errors.ts';
import type { Reply } from '../../../src/domain/reply.ts';
import { createDiscordPublisher } from '../../../src/platforms/discord/publisher.ts';
import { messageLimitProblems } from '../../support/fake-discord-limits.ts';
import { FakeDiscord } from '../../support/fake-discord.ts';
import { snowflake } from '../../support/fake-discord-payloads.ts';

const CHANNEL_POST = /^\/channels\/\d+\/messages$/;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let fake: FakeDiscord | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

function restFor(server: FakeDiscord, token = server.token): REST {
  // The same REST client discord.js's Client uses (Client#rest), pointed at the fake.
  return new REST({ version: '10', api: server.apiUrl }).setToken(token);
}

const paragraph = 'Container volumes at the port rose again as shippers raced to beat new tariffs and lenders extended credit '.repeat(95);

const hostileReply: Reply = {
  title: 'Market brief: Harbour Bank @everyone',
  lead: { text: '1 story from 1 article', sources: [] },
  sections: [
    {
      heading: 'Top stories',
      lines: [
        { label: '▲ Harbour Bank jumps <@&123>', text: `Shares jumped 12%. [click](http://evil) <@123> <#1> ${paragraph}`, sources: [1], tone: 'positive' },
      ],
    },
  ],
  sources: [
    {
      n: 1,
      articleId: 'a1',
      title: 'Harbour Bank [x](http://evil)',
      url: 'https://news.example/harbour',
      source: 'Example Wire',
      publishedAt: '2026-11-20T08:00:00Z',
    },
  ],
  visibility: 'public',
  tone: 'positive',
  footer: 'Offline extractive summaries @here',
};

describe('Discord publisher', () => {
  it('waits out a 429 and posts the brief exactly once, returning its message id', async () => {
    fake = await FakeDiscord.start();
    const publisher = createDiscordPublisher(restFor(fake), silent);
    fake.rateLimitNext('POST', CHANNEL_POST, 1);
    const ids = await publisher.post({ workspaceId: fake.identity.guildId, channelId: fake.identity.channelId }, hostileReply);
    const attempts = fake.requests.filter((request) => CHANNEL_POST.test(request.path));
    expect(attempts.map((request) => request.status)).toEqual([429, 200]);
    const [limited, posted] = attempts as [(typeof attempts)[number], (typeof attempts)[number]];
    // Retry-After is 1 s; discord.js must not retry before it.
    expect(posted.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^\d{17,20}$/);
    expect(posted.body).toEqual(limited.body);
  });

  it('posts hostile article text inert, within every limit, with no mention parsing', async () => {
    fake = await FakeDiscord.start();
    const publisher = createDiscordPublisher(restFor(fake), silent);
    await publisher.post({ workspaceId: fake.identity.guildId, channelId: fake.identity.channelId }, hostileReply);
    const [post] = fake.requests.filter((request) => CHANNEL_POST.test(request.path));
    const body = post?.body as { allowed_mentions: unknown; embeds: Array<{ title?: string; description?: string; footer?: { text: string } }> };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(messageLimitProblems(body)).toEqual([]);
    const text = body.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}\n${embed.footer?.text ?? ''}`).join('\n');
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/(?<!\\)<[@#]/);
    expect(text).toContain('\\[click\\]\\(http://evil\\)');
    expect(text).toContain('[Harbour Bank \\[x\\]\\(http://evil\\)](https://news.example/harbour)');
    expect(text).toMatch(/ …/);
  });

  it('reports a deleted channel, a forbidden channel, a revoked token and a failing Discord as typed errors', async () => {
    fake = await FakeDiscord.start();
    const publisher = createDiscordPublisher(restFor(fake), silent);
    const guild = fake.identity.guildId;
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DeliveryError);
      return (error as DeliveryError).failure;
    };
    expect(await failure(publisher.post({ workspaceId: guild, channelId: snowflake() }, hostileReply))).toBe('channel-gone');
    const forbidden = snowflake();
    fake.forbiddenChannels.add(forbidden);
    expect(await failure(publisher.post({ workspaceId: guild, channelId: forbidden }, hostileReply))).toBe('forbidden');
    fake.failNext('POST', CHANNEL_POST, 403, { message: 'Missing Access', code: 50001 });
    expect(await failure(publisher.post({ workspaceId: guild, channelId: fake.identity.channelId }, hostileReply))).toBe('forbidden');
    const revoked = createDiscordPublisher(restFor(fake, 'revoked-token.0000000000.abcdefghijklmnopqrstuvwxyz'), silent);
    expect(await failure(revoked.post({ workspaceId: guild, channelId: fake.identity.channelId }, hostileReply))).toBe('revoked');
    for (let attempt = 0; attempt < 4; attempt += 1) fake.failNext('POST', CHANNEL_POST, 502, { message: 'Bad Gateway', code: 0 });
    expect(await failure(publisher.post({ workspaceId: guild, channelId: fake.identity.channelId }, hostileReply))).toBe('transient');
    expect(await failure(publisher.post({ workspaceId: guild, channelId: 'general' }, hostileReply))).toBe('channel-gone');
  });

  it('marks a scheduled delivery so a repeat is refused by nonce and the post is found after a crash', async () => {
    fake = await FakeDiscord.start();
    const publisher = createDiscordPublisher(restFor(fake), silent, fake.identity.botUserId);
    const target = { workspaceId: fake.identity.guildId, channelId: fake.identity.channelId };
    const key = 'sub_1@2026-11-24T08:00:00.000Z';
    const first = await publisher.post(target, hostileReply, { deliveryKey: key });
    const again = await publisher.post(target, hostileReply, { deliveryKey: key });
    expect(again).toEqual(first);
    expect(fake.posted.get(fake.identity.channelId)).toHaveLength(first.length);
    expect(await publisher.findDelivery?.(target, key)).toEqual(first);
    expect(await publisher.findDelivery?.(target, 'sub_1@2026-11-25T08:00:00.000Z')).toEqual([]);
    fake.forbiddenChannels.add(target.channelId);
    fake.channels.delete(target.channelId);
    expect(await publisher.findDelivery?.(target, key)).toBeNull();
  });
});

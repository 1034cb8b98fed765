import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../src/dispatch/command.ts';
import type { Reply } from '../../../src/domain/reply.ts';
import { ingestArticle } from '../../../src/pipeline/ingest-article.ts';
import { PERMISSIONS } from '../../support/fake-discord-payloads.ts';
import { messageLimitProblems } from '../../support/fake-discord-limits.ts';
import { type DiscordHarness, gatedStore, messageRequests, startDiscordHarness } from '../../support/fake-discord-harness.ts';
import type { RecordedRequest } from '../../support/fake-discord.ts';

const EPHEMERAL = 64;
let harness: DiscordHarness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

function embedsText(request: RecordedRequest): string {
  const body = (request.body ?? {}) as { embeds?: Array<{ title?: string; description?: string; footer?: { text: string } }> };
  return (body.embeds ?? []).map((embed) => [embed.title, embed.description, embed.footer?.text].join('\n')).join('\n');
}

function callbackOf(harnessNow: DiscordHarness, interaction: { token: string }) {
  return harnessNow.fake.waitForRequest((request) => request.path.endsWith(`${interaction.token}/callback`), 'interaction callback');
}

function editOf(harnessNow: DiscordHarness, interaction: { token: string }) {
  return harnessNow.fake.waitForRequest(
    (request) => request.method === 'PATCH' && request.path.includes(interaction.token) && request.path.endsWith('@original'),
    '@original edit',
  );
}

function expectEveryMessageSafe(current: DiscordHarness): void {
  const messages = messageRequests(current.fake);
  expect(messages.length).toBeGreaterThan(0);
  for (const request of messages) {
    expect((request.body as { allowed_mentions?: unknown }).allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
    expect(messageLimitProblems(request.body)).toEqual([]);
    expect(request.status).toBeLessThan(300);
  }
}

describe('Discord bot against a loopback Discord', () => {
  it('connects with the Guilds intent only, gets READY with its application and guild, and heartbeats are acknowledged', async () => {
    // Short enough for a quick test, long enough that a busy machine does not delay an ACK past the next beat.
    harness = await startDiscordHarness({ heartbeatIntervalMs: 500 });
    const { fake, bot } = harness;
    expect(fake.gateway.log.identifies).toEqual([{ token: fake.token, intents: 1 }]);
    expect(bot.client.application.id).toBe(fake.identity.applicationId);
    expect(bot.client.guilds.cache.has(fake.identity.guildId)).toBe(true);
    await fake.gateway.whenHeartbeats(2);
    // An unacknowledged heartbeat would make discord.js drop the connection and reconnect.
    expect(fake.gateway.log.connections).toBe(1);
    expect(fake.requests.find((request) => request.path === '/gateway/bot')?.authorization).toBe(`Bot ${fake.token}`);
  });

  it('defers while the slow work is still held, and edits the answer in when the work finishes', async () => {
    let gate: ReturnType<typeof gatedStore> | null = null;
    harness = await startDiscordHarness({
      services: (app) => {
        gate = gatedStore(app.store);
        return { ...app.commands, store: gate.store };
      },
    });
    const slow = gate as unknown as ReturnType<typeof gatedStore>;
    const interaction = harness.fake.sendCommand({ name: 'brief' });
    const callback = await callbackOf(harness, interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    await slow.entered;
    expect(harness.fake.requestsFor(interaction).map((request) => request.method)).toEqual(['POST']);
    slow.release();
    const edit = await editOf(harness, interaction);
    expect(edit.at).toBeGreaterThan(callback.at);
    expect(embedsText(edit)).toMatch(/Market brief/);
    expectEveryMessageSafe(harness);
  });

  it('refuses an admin command from a member without Manage Channels even though Discord delivered it', async () => {
    harness = await startDiscordHarness();
    const interaction = harness.fake.sendCommand({ name: 'subscribe', options: { topic: 'hong-kong', time: '08:00' }, permissions: PERMISSIONS.member });
    const callback = await callbackOf(harness, interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await editOf(harness, interaction);
    expect(embedsText(edit)).toContain('Only admins can use /subscribe.');
    expect(await harness.app.store.listSubscriptions()).toEqual([]);
  });

  it('lets a member with Manage Channels subscribe the channel, publicly', async () => {
    harness = await startDiscordHarness();
    const { fake } = harness;
    const interaction = fake.sendCommand({
      name: 'subscribe',
      options: { topic: 'hong-kong', time: '07:30', timezone: 'Asia/Hong_Kong' },
      permissions: PERMISSIONS.manageChannels,
    });
    const callback = await callbackOf(harness, interaction);
    const deferral = callback.body as { type: number; data?: { flags?: number } };
    expect(deferral.type).toBe(5);
    expect(deferral.data?.flags ?? 0).toBe(0);
    const edit = await editOf(harness, interaction);
    expect(embedsText(edit)).toContain('07:30 Asia/Hong\\_Kong');
    const subscriptions = await harness.app.store.listSubscriptions({ platform: 'discord' });
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]).toMatchObject({ workspaceId: fake.identity.guildId, channelId: fake.identity.channelId, topics: ['hong-kong'], time: '07:30' });
  });

  it('answers an admin mistake privately: the public "thinking…" is deleted and the error follows up ephemeral', async () => {
    harness = await startDiscordHarness();
    const interaction = harness.fake.sendCommand({ name: 'subscribe', options: { topic: 'hong-kong', time: '25:00' }, permissions: PERMISSIONS.administrator });
    const followUp = await harness.fake.waitForRequest((request) => request.method === 'POST' && request.path.endsWith(interaction.token), 'follow-up');
    expect(harness.fake.requestsFor(interaction).map((request) => `${request.method} ${request.status}`)).toEqual(['POST 204', 'DELETE 204', 'POST 200']);
    expect((followUp.body as { flags?: number }).flags).toBe(EPHEMERAL);
    expect(embedsText(followUp)).toContain('time must be HH:MM');
    expect(await harness.app.store.listSubscriptions()).toEqual([]);
  });

  it('renders hostile article text inert and within limits, with allowed_mentions empty on every request', async () => {
    harness = await startDiscordHarness();
    const paragraph = 'Dock workers and traders along the harbour watched lenders rally while volumes swelled and analysts argued '.repeat(95);
    expect(paragraph.length).toBeGreaterThan(10_000);
    await ingestArticle(
      {
        title: 'Harbour Bank shares jump 12% @everyone <@&123>',
        text: `Harbour Bank shares jumped 12% on Tuesday after record profit. Readers were told to [click](http://evil) and <@123> cheered in <#1>.\n\n${paragraph}`,
        url: 'https://news.example/harbour-bank',
        source: 'Example Wire @here',
        publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
      harness.app.ingest,
    );
    const interaction = harness.fake.sendCommand({ name: 'brief' });
    const edit = await editOf(harness, interaction);
    const text = embedsText(edit);
    expect(text).toContain('Harbour Bank');
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/(?<!\\)<[@#]/);
    expect(text).not.toContain('[click](http://evil)');
    expectEveryMessageSafe(harness);
  });

  it('sends a long reply as an edit plus ephemeral follow-ups, in order', async () => {
    const long: Command = {
      name: 'long',
      description: 'test',
      usage: '/long',
      examples: [],
      options: [],
      adminOnly: false,
      async run(): Promise<Reply> {
        const lines = Array.from({ length: 30 }, (_, index) => ({ label: `Item ${index}`, text: 'Prices moved. '.repeat(100), sources: [] }));
        return { title: 'Long', sections: [{ heading: 'Items', lines }], sources: [], visibility: 'ephemeral' };
      },
    };
    harness = await startDiscordHarness({ services: (app) => ({ ...app.commands, commands: [...app.commands.commands, long] }) });
    const interaction = harness.fake.sendCommand({ name: 'long' });
    await editOf(harness, interaction);
    const lastItem = await harness.fake.waitForRequest((request) => embedsText(request).includes('**Item 29**'), 'the last item');
    const sent = harness.fake
      .requestsFor(interaction)
      .filter((request) => request.method !== 'DELETE')
      .slice(1);
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.slice(1).every((request) => (request.body as { flags?: number }).flags === EPHEMERAL)).toBe(true);
    const order =
      sent
        .map(embedsText)
        .join('\n')
        .match(/\*\*Item \d+\*\*/g) ?? [];
    expect(order).toEqual(Array.from({ length: 30 }, (_, index) => `**Item ${index}**`));
    expect(sent.at(-1)).toBe(lastItem);
    expectEveryMessageSafe(harness);
  });

  it('answers a command it no longer has with an ephemeral message, without deferring', async () => {
    harness = await startDiscordHarness();
    const interaction = harness.fake.sendCommand({ name: 'retired' });
    const callback = await callbackOf(harness, interaction);
    const body = callback.body as { type: number; data: { flags: number; embeds: unknown[] } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(body.data.embeds)).toContain('/retired is no longer available');
  });
});

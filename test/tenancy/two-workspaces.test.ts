import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import ask from '../../commands/ask.ts';
import brief from '../../commands/brief.ts';
import company from '../../commands/company.ts';
import source from '../../commands/source.ts';
import summarize from '../../commands/summarize.ts';
import usage from '../../commands/usage.ts';
import { loadConfig } from '../../src/config/config.ts';
import { sourceSettings } from '../../src/config/sources.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/delivery/delivery-services.ts';
import { createDeliveryServices } from '../../src/delivery/delivery-tick.ts';
import { deliverAlerts } from '../../src/delivery/deliver-alerts.ts';
import type { CommandContext, CommandServices, RawOptions } from '../../src/dispatch/command.ts';
import { runCommand } from '../../src/dispatch/run-command.ts';
import type { Command } from '../../src/dispatch/command.ts';
import type { Reply } from '../../src/domain/reply.ts';
import { createUsageReport } from '../../src/llm/budget/usage-report.ts';
import { createAnalyzer } from '../../src/pipeline/understand/analyze.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { actingFor, currentOwner } from '../../src/ports/tenant.ts';
import type { SourceActions } from '../../src/ports/source-actions.ts';
import { createSourceServices } from '../../src/sources/source-services.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { newSubscription } from '../support/articles.ts';
import { articlePage, type FakeItem, rssFeed } from '../support/fake-feed-content.ts';
import { type FakeFeedServer, serveDocument, startFakeFeedServer } from '../support/fake-feed-server.ts';
import { createRecordingPublisher } from '../support/recording-publisher.ts';
import { resolveFrom } from '../sources/fetch/fetch-harness.ts';
import { silentLogger } from '../sources/source-harness.ts';

/**
 * The tenancy contract (docs/adr/0004-tenancy.md): two Slack workspaces on one bot. What one
 * brings in (its feed's items, a /summarize) and what it spends never reaches the other; the
 * operator's feed reaches both. Each workspace's material carries a made-up marker word so a leak
 * shows up in any reply text.
 */
const A: CommandContext = { platform: 'slack', workspaceId: 'TA', channelId: 'CA', userId: 'UA', isAdmin: true };
const B: CommandContext = { platform: 'slack', workspaceId: 'TB', channelId: 'CB', userId: 'UB', isAdmin: true };

const START = new Date('2026-11-20T08:00:00.000Z');
let now = START;
const clock = { now: () => now };

function item(n: number, base: string, title: string, sentences: string[]): FakeItem {
  return { title, text: sentences.join(' '), link: `${base}/articles/${n}.html`, guid: `item-${n}`, published: new Date(START.getTime() - n * 60_000) };
}

function text(reply: Reply): string {
  return JSON.stringify(reply);
}

let server: FakeFeedServer;
let store: ReturnType<typeof createSqliteStore>;
let services: CommandServices & { sources: SourceActions };
let aFeed: FakeItem[] = [];
let sharedFeed: FakeItem[] = [];

const run = (command: Command, options: RawOptions, context: CommandContext) => runCommand(command, options, context, services);

beforeAll(async () => {
  server = await startFakeFeedServer();
  const base = server.origin;
  // Workspace A's own feed: Alibaba news with the marker "Zephyrine".
  aFeed = [
    item(1, base, 'Alibaba cloud unit wins Zephyrine logistics contract', [
      'Alibaba Group said its cloud unit won a logistics contract from the Zephyrine consortium.',
      'The Zephyrine deal covers warehouses in three provinces, Alibaba said on Friday.',
    ]),
  ];
  // The operator's feed, shared with everyone: Tencent news with the marker "Harbourlight".
  sharedFeed = [
    item(2, base, 'Tencent opens Harbourlight game studio', [
      'Tencent Holdings opened the Harbourlight studio in Shenzhen to build mobile games.',
      'Harbourlight will employ two hundred developers by next year, Tencent said.',
    ]),
  ];
  server.route('/a.xml', (request, response, hit) => serveDocument(rssFeed(aFeed, 'Zephyrine Wire'))(request, response, hit));
  server.route('/shared.xml', (request, response, hit) => serveDocument(rssFeed(sharedFeed, 'Operator Wire'))(request, response, hit));
  // A page workspace B summarises: Alibaba news with the marker "Quillfeather".
  const page = item(3, base, 'Alibaba sells Quillfeather stake', [
    'Alibaba Group agreed to sell its stake in Quillfeather, a payments start-up, for an undisclosed sum.',
    'The Quillfeather sale is expected to close in December, Alibaba said.',
  ]);
  server.route('/articles/3.html', serveDocument(articlePage(page, page.text), { contentType: 'text/html' }));

  const reference = loadReferenceIndex();
  store = createSqliteStore(':memory:');
  const settings = z.object(sourceSettings).parse({ FETCH_ALLOW_HOSTS: '127.0.0.1', FETCH_HOST_INTERVAL_MS: '0', FETCH_TIMEOUT_MS: '2000' });
  const sourceServices = createSourceServices(
    settings,
    { store, clock, logger: silentLogger, ingest: { store, clock, analyzer: createAnalyzer(reference) } },
    { fetcherDependencies: { resolve: resolveFrom({}) } },
  );
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:' }, null);
  const report = createUsageReport(config, store, clock);
  services = {
    store,
    reference,
    clock,
    logger: silentLogger,
    settings: { defaultTimezone: 'UTC', defaultBriefTime: '08:00', briefWindowHours: 24 },
    commands: [ask, brief, company, source, summarize, usage],
    sources: sourceServices.actions,
    usage: async (days, owner) => report(days, owner),
  };
  // Alert subscriptions exist before anything is stored, so every article below is new to them.
  for (const context of [A, B]) {
    await store.addSubscription(
      newSubscription({
        platform: 'slack',
        workspaceId: context.workspaceId,
        channelId: context.channelId,
        mode: 'alerts',
        createdAt: '2026-11-19T00:00:00.000Z',
      }),
    );
  }
  // The operator's feed (as `market-brief feeds add` adds it: no owner), then A's feed, then B's page.
  await sourceServices.actions.add({
    url: server.url('/shared.xml'),
    topics: [],
    addedBy: { platform: 'shell', workspaceId: 'local', channelId: 'local', userId: 'cli' },
  });
  expect(text(await run(source, { action: 'add', feed: server.url('/a.xml'), topics: 'earnings' }, A))).toMatch(/Feed added: Zephyrine Wire/);
  expect(text(await run(summarize, { url: server.url('/articles/3.html') }, B))).toMatch(/Quillfeather/);
  // A brief's window ends (exclusive) at now: the undated page, filed when stored, is in it a minute later.
  now = new Date(START.getTime() + 60_000);
});
afterAll(() => server.close());

describe('two workspaces on one bot', () => {
  it('/brief shows each workspace its own articles and the shared ones, never the other’s', async () => {
    const forA = text(await run(brief, {}, A));
    const forB = text(await run(brief, {}, B));
    expect(forA).toMatch(/Zephyrine/);
    expect(forA).toMatch(/Harbourlight/);
    expect(forA).not.toMatch(/Quillfeather/);
    expect(forB).toMatch(/Quillfeather/);
    expect(forB).toMatch(/Harbourlight/);
    expect(forB).not.toMatch(/Zephyrine/);
  });

  it('/ask finds only what the asker’s workspace may see', async () => {
    expect(text(await run(ask, { question: 'What is the Zephyrine contract?' }, A))).toMatch(/Zephyrine consortium/);
    expect(text(await run(ask, { question: 'What is the Zephyrine contract?' }, B))).not.toMatch(/Zephyrine consortium/);
    expect(text(await run(ask, { question: 'Who buys the Quillfeather stake?' }, A))).not.toMatch(/payments start-up/);
    expect(text(await run(ask, { question: 'What does the Harbourlight studio build?' }, B))).toMatch(/mobile games/);
  });

  it('/company lists each workspace’s own articles about the company', async () => {
    const forA = text(await run(company, { name: 'Alibaba' }, A));
    const forB = text(await run(company, { name: 'Alibaba' }, B));
    expect(forA).toMatch(/Zephyrine/);
    expect(forA).not.toMatch(/Quillfeather/);
    expect(forB).toMatch(/Quillfeather/);
    expect(forB).not.toMatch(/Zephyrine/);
  });

  it('alerts post a workspace’s own and shared articles to its channels only', async () => {
    const publisher = createRecordingPublisher(clock, 'slack');
    const delivery = createDeliveryServices({ store, reference: services.reference, clock, logger: silentLogger }, new Map([['slack', publisher]]), {
      ...DEFAULT_DELIVERY_SETTINGS,
      alertMinImportance: 0,
    });
    await deliverAlerts(delivery);
    const posted = (channel: string) => JSON.stringify(publisher.posts.filter((post) => post.channelId === channel));
    expect(posted('CA')).toMatch(/Zephyrine/);
    expect(posted('CA')).toMatch(/Harbourlight/);
    expect(posted('CA')).not.toMatch(/Quillfeather/);
    expect(posted('CB')).toMatch(/Quillfeather/);
    expect(posted('CB')).toMatch(/Harbourlight/);
    expect(posted('CB')).not.toMatch(/Zephyrine/);
  });

  it('/usage shows a workspace’s admins their own LLM usage only; the operator sees the whole bot’s', async () => {
    const record = (owner: string | null, promptId: string, tokens: number) =>
      store.recordUsage({ at: now.toISOString(), promptId, model: 'm', inputTokens: tokens, outputTokens: 0, cached: false, owner });
    await record('slack:TA', 'brief-a', 111_111);
    await record('slack:TB', 'brief-b', 222_222);
    await record(null, 'backlog', 333_333);
    const forA = text(await run(usage, {}, A));
    const forB = text(await run(usage, {}, B));
    expect(forA).toMatch(/111,?111/);
    expect(forA).not.toMatch(/222,?222|333,?333/);
    expect(forB).toMatch(/222,?222/);
    expect(forB).not.toMatch(/111,?111|333,?333/);
    const whole = (await store.usageSince('2026-11-20T00:00:00.000Z')).reduce((sum, total) => sum + total.inputTokens, 0);
    expect(whole).toBe(666_666);
  });

  it('runs each command on behalf of its workspace, so the LLM runner records usage as theirs', async () => {
    const probe: Command = {
      name: 'probe',
      description: 'reports the workspace the work is for',
      usage: '/probe',
      examples: [],
      options: [],
      adminOnly: false,
      run: async () => ({ title: String(currentOwner()), sections: [], sources: [], visibility: 'ephemeral' }),
    };
    expect((await run(probe, {}, A)).title).toBe('slack:TA');
    expect((await run(probe, {}, B)).title).toBe('slack:TB');
    expect(currentOwner()).toBeNull();
    expect(await actingFor('slack:TB', async () => currentOwner())).toBe('slack:TB');
  });

  it('/source: a feed another workspace polls is B’s own subscription, and survives A removing it', async () => {
    expect(text(await run(source, { action: 'list' }, B))).not.toMatch(/Zephyrine Wire/);
    expect(text(await run(source, { action: 'remove', feed: server.url('/a.xml') }, B))).toMatch(/No feed/);
    const added = await run(source, { action: 'add', feed: server.url('/a.xml'), topics: 'hong-kong' }, B);
    expect(added.title).toBe('Feed added: Zephyrine Wire');
    expect(text(added)).not.toMatch(/earnings/);
    const listB = text(await run(source, { action: 'list' }, B));
    expect(listB).toMatch(/topics hong-kong/);
    expect(listB).not.toMatch(/earnings/);
    expect(text(await run(source, { action: 'list' }, A))).toMatch(/topics earnings/);
    // One fetch serves both: the bot polls the URL once.
    expect((await store.listSources()).filter((feed) => feed.url === server.url('/a.xml'))).toHaveLength(1);
    // B now sees the feed's items.
    expect(text(await run(brief, {}, B))).toMatch(/Zephyrine/);

    expect(text(await run(source, { action: 'remove', feed: server.url('/a.xml') }, A))).toMatch(/Stopped polling/);
    expect(text(await run(source, { action: 'list' }, A))).not.toMatch(/Zephyrine Wire/);
    expect(text(await run(source, { action: 'list' }, B))).toMatch(/Zephyrine Wire/);
    expect((await store.listSources()).some((feed) => feed.url === server.url('/a.xml'))).toBe(true);

    // A new item now belongs to B alone.
    aFeed = [
      item(0, server.origin, 'Alibaba expands Zephyrine warehouse network with Marrowbay hub', [
        'Alibaba Group added a Marrowbay hub to the Zephyrine warehouse network on Saturday.',
        'The Marrowbay site is the largest of the Zephyrine warehouses, Alibaba said.',
      ]),
      ...aFeed,
    ];
    const [feed] = (await store.listSources({ owner: 'slack:TB' })).filter((candidate) => candidate.url === server.url('/a.xml'));
    expect(feed).toBeDefined();
    const poll = await services.sources.poll(feed?.id ?? '');
    expect(poll.stored).toBe(1);
    expect(text(await run(ask, { question: 'What is the Marrowbay hub?' }, B))).toMatch(/Marrowbay/);
    expect(text(await run(ask, { question: 'What is the Marrowbay hub?' }, A))).not.toMatch(/Marrowbay hub to the/);
    // When B removes it too, nobody polls it any more.
    await run(source, { action: 'remove', feed: server.url('/a.xml') }, B);
    expect((await store.listSources()).some((candidate) => candidate.url === server.url('/a.xml'))).toBe(false);
  });
});

describe('a feed two workspaces share', () => {
  it('is announced (when paused) to a workspace still linked, not to one that removed it', async () => {
    const shared = createSqliteStore(':memory:');
    const feed = { url: 'https://feeds.example/wire.xml', title: 'Wire', topics: [], intervalMinutes: 10 };
    await shared.addSource(
      { ...feed, addedBy: { platform: 'slack', workspaceId: 'TA', channelId: 'CA', userId: 'UA' } },
      '2026-11-20T08:00:00.000Z',
      'slack:TA',
    );
    const { source } = await shared.addSource(
      { ...feed, topics: ['ai'], addedBy: { platform: 'slack', workspaceId: 'TB', channelId: 'CB', userId: 'UB' } },
      '2026-11-20T09:00:00.000Z',
      'slack:TB',
    );
    expect((await shared.getSource(source.id))?.addedBy.workspaceId).toBe('TA');
    expect(await shared.sourceOwners(source.id)).toEqual(['slack:TA', 'slack:TB']);
    await shared.removeSource(source.id, 'slack:TA');
    const [due] = await shared.dueSources('2026-11-21T00:00:00.000Z', 10);
    expect(due?.addedBy.workspaceId).toBe('TB');
    expect(due?.topics).toEqual(['ai']);
    await shared.close();
  });
});

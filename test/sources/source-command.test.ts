import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import source from '../../commands/source.ts';
import summarize from '../../commands/summarize.ts';
import type { CommandContext, CommandServices, RawOptions } from '../../src/dispatch/command.ts';
import type { ReferenceIndex } from '../../src/pipeline/understand/reference/reference-index.ts';
import type { Reply } from '../../src/domain/reply.ts';
import { runCommand } from '../../src/dispatch/run-command.ts';
import { failedPolls, JOB_NAMES } from '../../src/background.ts';
import { createInProcessQueue } from '../../src/jobs/index.ts';
import type { SourceActions } from '../../src/ports/source-actions.ts';
import { articlePage, makeItem, makeItems, rssFeed } from '../support/fake-feed-content.ts';
import { type FakeFeedServer, serveDocument, startFakeFeedServer } from '../support/fake-feed-server.ts';
import { type Harness, makeHarness, silentLogger } from './source-harness.ts';

let server: FakeFeedServer;
let harness: Harness;
let services: CommandServices & { sources: SourceActions };
let failing = false;
const admin: CommandContext = { platform: 'test', workspaceId: 'T1', channelId: 'C1', userId: 'U1', isAdmin: true };
const member: CommandContext = { ...admin, userId: 'U2', isAdmin: false };

beforeAll(async () => {
  server = await startFakeFeedServer();
  server.route('/wire.xml', (request, response, hit) => {
    if (failing) return void response.writeHead(503).end();
    return serveDocument(rssFeed(makeItems(7, server.origin, { first: 900 }), 'Fake Wire'))(request, response, hit);
  });
  const story = makeItem(950, server.origin);
  server.route('/articles/950.html', serveDocument(articlePage(story, story.text), { contentType: 'text/html' }));
  harness = makeHarness();
  services = {
    store: harness.store,
    reference: {} as ReferenceIndex,
    clock: { now: () => harness.now() },
    logger: silentLogger,
    settings: { defaultTimezone: 'UTC', defaultBriefTime: '08:00', briefWindowHours: 24 },
    commands: [source, summarize],
    sources: harness.actions,
  };
});
afterAll(() => server.close());

function text(reply: Reply): string {
  return [
    reply.title,
    reply.lead?.text ?? '',
    ...reply.sections.flatMap((section) => [section.heading, ...section.lines.map((line) => `${line.label ?? ''} ${line.text}`)]),
    reply.footer ?? '',
  ].join('\n');
}

const run = (options: RawOptions, context = admin) => runCommand(source, options, context, services);

describe('/source', () => {
  it('lets admins add a feed, showing its latest items at once', async () => {
    const refused = await run({ action: 'add', feed: server.url('/wire.xml') }, member);
    expect(text(refused)).toMatch(/Only admins can use \/source add/);
    const reply = await run({ action: 'add', feed: server.url('/wire.xml') });
    expect(reply.visibility).toBe('public');
    expect(reply.title).toBe('Feed added: Fake Wire');
    expect(text(reply)).toMatch(/Stored its 7 current items now; they count as already seen/);
    expect(reply.sections[0]?.lines.map((line) => line.label)).toEqual([906, 905, 904, 903, 902].map((n) => makeItem(n, '').title));
    expect(text(await run({ action: 'add', feed: server.url('/wire.xml') }))).toMatch(/already polled/);
  });

  it('lists feeds for anyone and explains failures to admins', async () => {
    const list = await run({ action: 'list' }, member);
    expect(text(list)).toMatch(/Fake Wire src_\w+ · .* · 7 items stored · .* · ok/);
    expect(text(await run({ action: 'errors' }))).toMatch(/All 1 feeds are healthy/);
    failing = true;
    await harness.actions.poll((await harness.actions.list())[0]?.id ?? '');
    failing = false;
    const errors = await run({ action: 'errors' });
    expect(text(errors)).toMatch(/failing \(1 in a row\): .*HTTP 503/);
    expect(text(errors)).toMatch(/next try/);
    expect(text(await run({ action: 'errors' }, member))).toMatch(/Only admins/);
  });

  it("lists feed-poll jobs that failed every attempt, for the caller's feeds only", async () => {
    const queue = createInProcessQueue(silentLogger);
    const failed = new Promise<void>((resolve) => {
      queue.define<string>({
        name: JOB_NAMES.feedPoll,
        exclusive: true,
        retryLimit: 0,
        run: async (id) => {
          setImmediate(resolve);
          throw new Error(`parser crashed on ${id}`);
        },
      });
    });
    await queue.start({ work: true });
    const id = (await harness.actions.list())[0]?.id ?? '';
    await queue.send(JOB_NAMES.feedPoll, id, { key: id });
    await failed;
    harness.actions.failedPolls = failedPolls(queue);
    try {
      const errors = text(await run({ action: 'errors' }));
      expect(errors).toMatch(/Poll jobs that failed every attempt/);
      expect(errors).toContain(`${id} · `);
      expect(errors).toMatch(new RegExp(`after 1 attempt\\(s\\): parser crashed on ${id}`));
      // Another workspace has no feeds of its own: it sees none of these.
      expect(text(await run({ action: 'errors' }, { ...admin, workspaceId: 'T9' }))).not.toMatch(/parser crashed/);
    } finally {
      harness.actions.failedPolls = undefined;
      await queue.stop();
    }
  });

  it('removes a feed by URL within the workspace, keeping its articles', async () => {
    const before = await harness.articleCount();
    expect(text(await run({ action: 'remove', feed: server.url('/wire.xml') }, { ...admin, workspaceId: 'T2' }))).toMatch(/No feed/);
    expect(text(await run({ action: 'remove', feed: server.url('/wire.xml') }))).toMatch(/Stopped polling Fake Wire/);
    expect(await harness.actions.list()).toEqual([]);
    expect(await harness.articleCount()).toBe(before);
  });

  it('names bad input instead of failing', async () => {
    expect(text(await run({ action: 'rename' }))).toMatch(/action must be one of add, list, remove, errors, resume/);
    expect(text(await run({ action: 'add' }))).toMatch(/Give the feed's URL/);
    expect(text(await run({ action: 'add', feed: 'http://10.0.0.5/rss' }))).toMatch(/private-network address/);
  });
});

describe('/summarize', () => {
  it('fetches a page, stores it and answers with its summary, citing it', async () => {
    const reply = await runCommand(summarize, { url: server.url('/articles/950.html') }, member, services);
    expect(reply.title).toBe(makeItem(950, '').title);
    const summary = reply.sections.find((section) => section.heading === 'Summary');
    expect(summary?.lines.length).toBeGreaterThan(0);
    for (const line of summary?.lines ?? []) expect(makeItem(950, '').text).toContain(line.text);
    expect(reply.sources[0]).toMatchObject({ n: 1, url: server.url('/articles/950.html') });
    expect(reply.footer).toMatch(/^Stored as a_/);
    const again = await runCommand(summarize, { url: server.url('/articles/950.html') }, member, services);
    expect(again.footer).toMatch(/^Already stored as a_/);
  });

  it('refuses internal addresses with a readable reason', async () => {
    const reply = await runCommand(summarize, { url: 'http://169.254.169.254/latest/meta-data/' }, member, services);
    expect(text(reply)).toMatch(/link-local or cloud-metadata address/);
  });
});

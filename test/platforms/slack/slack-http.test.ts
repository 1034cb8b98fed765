import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCommand } from '../../../commands/index.ts';
import { escapeSlackLine } from '../../../src/platforms/slack/render/escape.ts';
import type { RecordedRequest } from '../../support/fake-slack.ts';
import { postSignedEvent, postSignedForm, slashCommandPayload } from '../../support/fake-slack-requests.ts';
import { type SlackTestBed, startSlackTestBed, whoamiCommand } from './slack-test-app.ts';

const SIGNING_SECRET = 'test-signing-secret';

describe('Slack over HTTP (Bolt’s receiver on the bot’s server, against a loopback Slack)', () => {
  let bed: SlackTestBed;

  beforeEach(async () => {
    bed = await startSlackTestBed(
      { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-team-one', SLACK_ADMIN_USERS: 'U0ALLOWED' },
      (fake) => {
        fake.addWorkspace({ teamId: 'T0001', botToken: 'xoxb-team-one' });
        fake.users.set('U0MEMBER', { id: 'U0MEMBER' });
        fake.users.set('U0ADMIN', { id: 'U0ADMIN', isAdmin: true });
        fake.users.set('U0OWNER', { id: 'U0OWNER', isOwner: true });
      },
      [whoamiCommand],
    );
  });

  afterEach(async () => {
    await bed.close();
  });

  async function command(command: string, text: string, userId = 'U0MEMBER', timestamp?: number) {
    const responseUrl = bed.fake.responseUrl();
    const form = slashCommandPayload({ command, text, userId, responseUrl });
    const result = await postSignedForm(`${bed.baseUrl}/slack/events`, form, {
      signingSecret: SIGNING_SECRET,
      ...(timestamp === undefined ? {} : { timestamp }),
    });
    return {
      ...result,
      responseUrl,
      answer: () => bed.fake.waitFor((request) => request.method === 'respond' && request.path === new URL(responseUrl).pathname),
    };
  }

  /** Every text in the answer's blocks, one per line. */
  function blocksText(request: RecordedRequest): string {
    const blocks = request.body['blocks'] as Array<{ text?: { text: string }; elements?: Array<{ text: string }> }>;
    return blocks.flatMap((block) => [block.text?.text ?? '', ...(block.elements ?? []).map((element) => element.text)]).join('\n');
  }

  it('checks the token with auth.test at start and serves only the events route', () => {
    expect(bed.fake.calls('auth.test').map((call) => call.token)).toEqual(['xoxb-team-one']);
    expect(bed.slack.routes.map((route) => `${route.method} ${route.path}`)).toEqual(['POST /slack/events']);
    expect(bed.slack.mode).toBe('http, one workspace');
  });

  it('acks a slow /brief while it is still held, then answers privately through response_url with escaped Block Kit', async () => {
    bed.gate.hold();
    const sent = await command('/brief', '');
    // The HTTP answer (the ack) came back while the brief is still waiting on the store.
    expect(sent.status).toBe(200);
    await bed.gate.entered();
    expect(bed.fake.calls('respond')).toHaveLength(0);
    bed.gate.release();
    const answer = await sent.answer();
    expect(answer.body['response_type']).toBe('ephemeral');
    expect(answer.body['replace_original']).toBe(false);
    expect(answer.body['link_names']).toBeUndefined();
    expect(String(answer.body['text'])).toMatch(/^Market brief/);
    const blocks = answer.body['blocks'] as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]?.type).toBe('header');
    const text = blocksText(answer);
    expect(text).toContain('<https://news.example.com/markets/hang-seng-tech-rally|');
    expect(text).toMatch(/:chart_with_(up|down)wards_trend:/);
    expect(text).not.toMatch(/<[!@#]/);
    expect(text).not.toContain('<http://evil');
  });

  it('gives every command the context from Slack, typed options and whether the user is an admin', async () => {
    const echo = async (text: string, userId: string) => {
      const answer = await (await command('/whoami', text, userId)).answer();
      // The echo is escaped like any text; undo the three entities to read the JSON back.
      const json =
        blocksText(answer)
          .split('\n')
          .find((line) => line.startsWith('• {'))
          ?.slice(2) ?? '{}';
      return JSON.parse(json.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as {
        context: Record<string, unknown>;
        options: Record<string, unknown>;
      };
    };
    const member = await echo('3 "Hang Seng" rally', 'U0MEMBER');
    expect(member.context).toEqual({ platform: 'slack', workspaceId: 'T0001', channelId: 'C0001', userId: 'U0MEMBER', isAdmin: false });
    expect(member.options).toEqual({ count: 3, words: 'Hang Seng rally' });
    expect((await echo('1', 'U0ADMIN')).context['isAdmin']).toBe(true);
    expect((await echo('1', 'U0ALLOWED')).context['isAdmin']).toBe(true);
    // users.info is asked once per user (the answer is cached), never for the allow-list.
    expect(bed.fake.calls('users.info').map((call) => call.body['user'])).toEqual(['U0MEMBER', 'U0ADMIN']);
    const bad = await (await command('/whoami', 'many', 'U0MEMBER')).answer();
    expect(blocksText(bad)).toContain('count must be a whole number. Usage: /whoami &lt;count&gt; [words]');
  });

  it('answers a parse problem with the usage, privately', async () => {
    const sent = await command('/subscribe', 'hong-kong 25:00', 'U0ADMIN');
    expect(sent.status).toBe(200);
    const answer = await sent.answer();
    expect(answer.body['response_type']).toBe('ephemeral');
    expect(blocksText(answer)).toContain(`Usage: ${escapeSlackLine(findCommand('subscribe')?.usage ?? '?')}`);
    expect(await bed.app.store.listSubscriptions()).toHaveLength(0);
  });

  it('refuses an admin command to a member who is not a workspace admin, asking Slack with users.info', async () => {
    const answer = await (await command('/subscribe', 'hong-kong 08:00 Asia/Hong_Kong', 'U0MEMBER')).answer();
    expect(answer.body['response_type']).toBe('ephemeral');
    expect(blocksText(answer)).toContain('Only admins can use /subscribe.');
    const lookup = bed.fake.calls('users.info');
    expect(lookup.map((call) => [call.body['user'], call.token])).toEqual([['U0MEMBER', 'xoxb-team-one']]);
    expect(await bed.app.store.listSubscriptions()).toHaveLength(0);
  });

  it('lets admins, owners and the allow-list change the channel, announcing it in the channel', async () => {
    const byAdmin = await (await command('/subscribe', 'hong-kong 08:00 Asia/Hong_Kong', 'U0ADMIN')).answer();
    expect(byAdmin.body['response_type']).toBe('in_channel');
    expect(blocksText(byAdmin)).toContain('08:00 Asia/Hong_Kong');
    const byOwner = await (await command('/subscribe', 'ai 07:30', 'U0OWNER')).answer();
    expect(byOwner.body['response_type']).toBe('in_channel');
    expect(await bed.app.store.listSubscriptions({ platform: 'slack' })).toHaveLength(2);
    const lookupsBefore = bed.fake.calls('users.info').length;
    const byAllowList = await (await command('/unsubscribe', 'ai', 'U0ALLOWED')).answer();
    expect(byAllowList.body['response_type']).toBe('in_channel');
    // The allow-list needs no call to Slack.
    expect(bed.fake.calls('users.info')).toHaveLength(lookupsBefore);
    const subscriptions = await bed.app.store.listSubscriptions({ platform: 'slack' });
    expect(subscriptions.map((subscription) => [subscription.workspaceId, subscription.channelId, subscription.topics, subscription.createdBy])).toEqual([
      ['T0001', 'C0001', ['hong-kong'], 'U0ADMIN'],
    ]);
  });

  it('shares a cited answer in the channel with --share, and keeps an answer without sources private', async () => {
    const shared = await (await command('/company', 'Alibaba --share')).answer();
    expect(shared.body['response_type']).toBe('in_channel');
    expect(blocksText(shared)).toContain('Alibaba');
    const help = await (await command('/help', '--share')).answer();
    expect(help.body['response_type']).toBe('ephemeral');
  });

  it('answers Slack’s URL verification and certificate check', async () => {
    const verification = await postSignedEvent(
      `${bed.baseUrl}/slack/events`,
      { token: 'x', challenge: 'challenge-42', type: 'url_verification' },
      { signingSecret: SIGNING_SECRET },
    );
    expect(verification.status).toBe(200);
    expect(JSON.parse(verification.body)).toEqual({ challenge: 'challenge-42' });
    // Slack's ssl_check carries no command; Bolt answers it without dispatching anything.
    const sslCheck = await fetch(`${bed.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x',
    });
    expect(sslCheck.status).toBe(200);
  });

  it('refuses a bad signature, a stale and a future timestamp with 401 and runs nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const url = `${bed.baseUrl}/slack/events`;
    const form = slashCommandPayload({ command: '/help', responseUrl: bed.fake.responseUrl() });
    const badSignature = await postSignedForm(url, form, { signingSecret: SIGNING_SECRET, signature: `v0=${'0'.repeat(64)}` });
    const wrongSecret = await postSignedForm(url, form, { signingSecret: 'not-the-secret' });
    const stale = await postSignedForm(url, form, { signingSecret: SIGNING_SECRET, timestamp: now - 6 * 60 });
    const future = await postSignedForm(url, form, { signingSecret: SIGNING_SECRET, timestamp: now + 6 * 60 });
    const unsigned = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    expect([badSignature.status, wrongSecret.status, stale.status, future.status, unsigned.status]).toEqual([401, 401, 401, 401, 401]);
    // A little clock skew either way is fine.
    const skewed = await command('/help', '', 'U0MEMBER', now + 4 * 60);
    expect(skewed.status).toBe(200);
    await skewed.answer();
    expect(bed.fake.calls('respond')).toHaveLength(1);
  });
});

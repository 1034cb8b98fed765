import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/domain/errors.ts';
import { postSignedEvent, postSignedForm, slashCommandPayload } from '../../support/fake-slack-requests.ts';
import { type SlackTestBed, startSlackTestBed } from './slack-test-app.ts';
import type { Brief } from '../../../src/domain/index.ts';

const SIGNING_SECRET = 'oauth-signing-secret';

describe('Slack OAuth installs kept in the bot’s database (many workspaces)', () => {
  let bed: SlackTestBed;

  beforeEach(async () => {
    bed = await startSlackTestBed(
      { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: 'client-id', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret' },
      (fake) => {
        fake.oauthCodes.set('code-one', { teamId: 'T0001', botToken: 'xoxb-one', botUserId: 'UBOT1', botId: 'BBOT1' });
        fake.oauthCodes.set('code-two', { teamId: 'T0002', botToken: 'xoxb-two', botUserId: 'UBOT2', botId: 'BBOT2' });
        fake.users.set('U2ADMIN', { id: 'U2ADMIN', isAdmin: true });
      },
    );
  });

  afterEach(async () => {
    await bed.close();
  });

  /** The browser side of "Add to Slack": the install page sets a state cookie, Slack redirects back with a code. */
  async function install(code: string): Promise<Response> {
    const page = await fetch(`${bed.baseUrl}/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('https://slack.com/oauth/v2/authorize?');
    expect(html.replace(/&amp;/g, '&')).toContain('scope=chat%3Awrite%2Ccommands%2Cusers%3Aread');
    const state = /slack-app-oauth-state=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1];
    expect(state).toBeDefined();
    return fetch(`${bed.baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state ?? '')}`, {
      headers: { cookie: `slack-app-oauth-state=${state ?? ''}` },
    });
  }

  it('serves the install routes on the bot’s server and stores each install under its team', async () => {
    expect(bed.slack.routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual([
      'GET /slack/install',
      'GET /slack/oauth_redirect',
      'POST /slack/events',
    ]);
    expect(bed.slack.mode).toBe('http, OAuth installs');
    expect((await install('code-one')).status).toBe(200);
    expect((await install('code-two')).status).toBe(200);
    const exchange = bed.fake.calls('oauth.v2.access');
    expect(exchange.map((call) => call.body['code'])).toEqual(['code-one', 'code-two']);
    const stored = JSON.parse((await bed.app.store.getInstallation('slack', 'T0002')) ?? 'null') as {
      bot?: { token?: string; id?: string };
      team?: { id?: string };
    };
    expect(stored.team?.id).toBe('T0002');
    expect(stored.bot?.token).toBe('xoxb-two');
    expect(stored.bot?.id).toBe('BBOT2');
    expect(await bed.app.store.getInstallation('slack', 'T0001')).toContain('xoxb-one');
  });

  it('refuses a callback whose state does not match the browser’s cookie', async () => {
    const callback = await fetch(`${bed.baseUrl}/slack/oauth_redirect?code=code-one&state=forged`, { headers: { cookie: 'slack-app-oauth-state=other' } });
    expect(callback.status).toBeGreaterThanOrEqual(400);
    expect(bed.fake.calls('oauth.v2.access')).toHaveLength(0);
    expect(await bed.app.store.getInstallation('slack', 'T0001')).toBeNull();
  });

  it('answers a command from the second workspace with that workspace’s own token', async () => {
    await install('code-one');
    await install('code-two');
    const responseUrl = bed.fake.responseUrl();
    const sent = await postSignedForm(
      `${bed.baseUrl}/slack/events`,
      slashCommandPayload({ command: '/subscribe', text: 'hong-kong 09:00', teamId: 'T0002', channelId: 'C0TWO', userId: 'U2ADMIN', responseUrl }),
      { signingSecret: SIGNING_SECRET },
    );
    expect(sent.status).toBe(200);
    const answer = await bed.fake.waitFor((request) => request.method === 'respond');
    expect(answer.body['response_type']).toBe('in_channel');
    expect(bed.fake.calls('users.info').map((call) => call.token)).toEqual(['xoxb-two']);
    const [subscription] = await bed.app.store.listSubscriptions({ platform: 'slack' });
    expect([subscription?.workspaceId, subscription?.channelId]).toEqual(['T0002', 'C0TWO']);

    // Briefs go out with the token of the workspace they are for.
    await bed.slack.publisher.post({ workspaceId: 'T0002', channelId: 'C0TWO' }, { title: 'Brief', sections: [], sources: [], visibility: 'public' });
    await bed.slack.publisher.post({ workspaceId: 'T0001', channelId: 'C0ONE' }, { title: 'Brief', sections: [], sources: [], visibility: 'public' });
    expect(bed.fake.calls('chat.postMessage').map((call) => [call.body['channel'], call.token])).toEqual([
      ['C0TWO', 'xoxb-two'],
      ['C0ONE', 'xoxb-one'],
    ]);
  });

  it('forgets an install when Slack says the app was uninstalled, and then reports that workspace as revoked', async () => {
    await install('code-two');
    const deleted = bed.gate.nextCall('deleteInstallation');
    const sent = await postSignedEvent(
      `${bed.baseUrl}/slack/events`,
      {
        token: 'deprecated',
        team_id: 'T0002',
        api_app_id: 'A0FAKE',
        type: 'event_callback',
        event_id: 'Ev0001',
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'app_uninstalled' },
      },
      { signingSecret: SIGNING_SECRET },
    );
    expect(sent.status).toBe(200);
    await deleted;
    expect(await bed.app.store.getInstallation('slack', 'T0002')).toBeNull();
    const error = await bed.slack.publisher
      .post({ workspaceId: 'T0002', channelId: 'C0TWO' }, { title: 'Brief', sections: [], sources: [], visibility: 'public' })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).failure).toBe('revoked');
    expect(bed.fake.calls('chat.postMessage')).toHaveLength(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slashCommandPayload } from '../../support/fake-slack-requests.ts';
import { type SlackTestBed, startSlackTestBed } from './slack-test-app.ts';

describe('Slack in Socket Mode (a local WebSocket sends hello and envelopes)', () => {
  let bed: SlackTestBed;

  beforeEach(async () => {
    bed = await startSlackTestBed({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_BOT_TOKEN: 'xoxb-team-one' }, (fake) => {
      fake.addWorkspace({ teamId: 'T0001', botToken: 'xoxb-team-one' });
      fake.users.set('U0MEMBER', { id: 'U0MEMBER' });
    });
  });

  afterEach(async () => {
    await bed.close();
  });

  it('connects with the app token, needs no HTTP route, and closes its socket on stop', async () => {
    expect(bed.slack.mode).toBe('socket mode, one workspace');
    expect(bed.slack.routes).toEqual([]);
    expect(bed.fake.calls('apps.connections.open').map((call) => call.token)).toEqual(['xapp-1-test']);
    expect(bed.fake.connectedSockets).toBe(1);
    await bed.slack.stop();
    await bed.fake.waitFor((request) => request.method === 'socket-close');
    expect(bed.fake.connectedSockets).toBe(0);
  });

  it('acks a slash_commands envelope while the work is still running, then answers through response_url', async () => {
    bed.gate.hold();
    const responseUrl = bed.fake.responseUrl();
    const ack = await bed.fake.sendEnvelope(
      'slash_commands',
      slashCommandPayload({ command: '/ask', text: 'why did Alibaba shares climb?', responseUrl }),
      'envelope-1',
    );
    expect(ack.body['envelope_id']).toBe('envelope-1');
    await bed.gate.entered();
    expect(bed.fake.calls('respond')).toHaveLength(0);
    bed.gate.release();
    const answer = await bed.fake.waitFor((request) => request.method === 'respond');
    expect(answer.path).toBe(new URL(responseUrl).pathname);
    expect(answer.body['response_type']).toBe('ephemeral');
    const blocks = JSON.stringify(answer.body['blocks']);
    expect(blocks).toContain('Alibaba');
    expect(blocks).not.toMatch(/<[!@#]/);
  });

  it('refuses an admin command to a member over the socket too', async () => {
    const responseUrl = bed.fake.responseUrl();
    await bed.fake.sendEnvelope('slash_commands', slashCommandPayload({ command: '/subscribe', text: 'ai', userId: 'U0MEMBER', responseUrl }), 'envelope-2');
    const answer = await bed.fake.waitFor((request) => request.method === 'respond');
    expect(JSON.stringify(answer.body['blocks'])).toContain('Only admins can use /subscribe.');
    expect(await bed.app.store.listSubscriptions()).toHaveLength(0);
  });
});

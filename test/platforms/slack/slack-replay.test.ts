import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postSignedForm, slashCommandPayload } from '../../support/fake-slack-requests.ts';
import { type SlackTestBed, startSlackTestBed } from './slack-test-app.ts';

const SIGNING_SECRET = 'test-signing-secret';

/** Two bots on one database file: two processes behind one load balancer, as far as the store goes. */
async function twoBots(): Promise<[SlackTestBed, SlackTestBed]> {
  const database = `sqlite:${join(mkdtempSync(join(tmpdir(), 'mb-replay-')), 'shared.db')}`;
  const environment = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-team-one', DATABASE_URL: database };
  const prepare = (fake: SlackTestBed['fake']) => fake.addWorkspace({ teamId: 'T0001', botToken: 'xoxb-team-one' });
  const first = await startSlackTestBed(environment, prepare);
  const second = await startSlackTestBed(environment, prepare).catch(async (error: unknown) => {
    await first.close();
    throw error;
  });
  return [first, second];
}

async function oneBot(): Promise<[SlackTestBed]> {
  const database = `sqlite:${join(mkdtempSync(join(tmpdir(), 'mb-replay-')), 'one.db')}`;
  return [
    await startSlackTestBed({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-team-one', DATABASE_URL: database }, (fake) =>
      fake.addWorkspace({ teamId: 'T0001', botToken: 'xoxb-team-one' }),
    ),
  ];
}

describe('Slack replays (a captured signed request sent again within the 5-minute window)', () => {
  const beds: SlackTestBed[] = [];
  afterEach(async () => {
    for (const bed of beds.splice(0)) await bed.close();
  });

  it('runs the request once: the same signed request again is refused with 401 by the same bot, acknowledged and not run by another sharing the store', async () => {
    const [first, second] = await twoBots();
    beds.push(first, second);
    const timestamp = Math.floor(Date.now() / 1000);
    const responseUrl = first.fake.responseUrl();
    const form = slashCommandPayload({ command: '/help', responseUrl });
    const original = await postSignedForm(`${first.baseUrl}/slack/events`, form, { signingSecret: SIGNING_SECRET, timestamp });
    expect(original.status).toBe(200);
    await first.fake.waitFor((request) => request.method === 'respond' && request.path === new URL(responseUrl).pathname);

    // The very same bytes and headers: once more to the same bot, and to the other process. The
    // other process acknowledges before its store answers (an ack must not wait for the write
    // lock), then learns it is a replay and does not run it.
    const againHere = await postSignedForm(`${first.baseUrl}/slack/events`, form, { signingSecret: SIGNING_SECRET, timestamp });
    const checked = second.gate.nextCall('rememberOnce');
    const againThere = await postSignedForm(`${second.baseUrl}/slack/events`, form, { signingSecret: SIGNING_SECRET, timestamp });
    expect([againHere.status, againThere.status]).toEqual([401, 200]);
    await checked;

    // A new request (Slack signs every delivery afresh) still goes through on both; once its answer
    // is in, the replays have had every chance to answer too, and did not.
    for (const bed of [first, second]) {
      const marker = bed.fake.responseUrl();
      const fresh = await postSignedForm(`${bed.baseUrl}/slack/events`, slashCommandPayload({ command: '/help', responseUrl: marker }), {
        signingSecret: SIGNING_SECRET,
        timestamp: timestamp + 1,
      });
      expect(fresh.status).toBe(200);
      await bed.fake.waitFor((request) => request.method === 'respond' && request.path === new URL(marker).pathname);
    }
    // Either bot would answer the replay at its response_url, which is on the first fake Slack.
    expect(first.fake.calls('respond').filter((call) => call.path === new URL(responseUrl).pathname)).toHaveLength(1);
  });

  it('acknowledges while the store is still checking for a replay, and runs the command once the store says it is new', async () => {
    const [bed] = await oneBot();
    beds.push(bed);
    bed.gate.holdReplayChecks();
    const responseUrl = bed.fake.responseUrl();
    const path = new URL(responseUrl).pathname;
    const acked = await postSignedForm(`${bed.baseUrl}/slack/events`, slashCommandPayload({ command: '/help', responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });
    // The ack came back while the check was held: nothing has been answered yet.
    expect(acked.status).toBe(200);
    expect(bed.fake.calls('respond').filter((call) => call.path === path)).toHaveLength(0);
    bed.gate.releaseReplayChecks();
    await bed.fake.waitFor((request) => request.method === 'respond' && request.path === path, 60_000);
    expect(bed.fake.calls('respond').filter((call) => call.path === path)).toHaveLength(1);
  });

  it('does not run a command the store could not check, and tells the user so', async () => {
    const [bed] = await oneBot();
    beds.push(bed);
    bed.gate.failReplayChecks(new Error('database is locked'));
    const responseUrl = bed.fake.responseUrl();
    const path = new URL(responseUrl).pathname;
    const acked = await postSignedForm(`${bed.baseUrl}/slack/events`, slashCommandPayload({ command: '/help', responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });
    expect(acked.status).toBe(200);
    const answer = await bed.fake.waitFor((request) => request.method === 'respond' && request.path === path, 60_000);
    expect(JSON.stringify(answer.body)).toContain('did not run it');
    expect(JSON.stringify(answer.body)).not.toContain('/company');
  });
});

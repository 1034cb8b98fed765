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

describe('Slack replays (a captured signed request sent again within the 5-minute window)', () => {
  const beds: SlackTestBed[] = [];
  afterEach(async () => {
    for (const bed of beds.splice(0)) await bed.close();
  });

  it('runs the request once and refuses the same signed request again with 401, on the same bot and on another sharing the store', async () => {
    const [first, second] = await twoBots();
    beds.push(first, second);
    const timestamp = Math.floor(Date.now() / 1000);
    const responseUrl = first.fake.responseUrl();
    const form = slashCommandPayload({ command: '/help', responseUrl });
    const original = await postSignedForm(`${first.baseUrl}/slack/events`, form, { signingSecret: SIGNING_SECRET, timestamp });
    expect(original.status).toBe(200);
    await first.fake.waitFor((request) => request.method === 'respond' && request.path === new URL(responseUrl).pathname);

    // The very same bytes and headers: once more to the same bot, and to the other process.
    const againHere = await postSignedForm(`${first.baseUrl}/slack/events`, form, { signingSecret: SIGNING_SECRET, timestamp });
    const againThere = await postSignedForm(`${second.baseUrl}/slack/events`, form, { signingSecret: SIGNING_SECRET, timestamp });
    expect([againHere.status, againThere.status]).toEqual([401, 401]);

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
});

import { describe, expect, it } from 'vitest';
import { sqlitePath } from '../../src/config/config.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { newSubscription } from '../support/articles.ts';
import { runCli, runCliInProcess, temporaryDatabase } from '../support/run-cli.ts';

describe('market-brief deliveries', () => {
  it('lists what was posted where and when, and what failed and why', async () => {
    const databaseUrl = temporaryDatabase();
    const store = createSqliteStore(sqlitePath(databaseUrl));
    const hongKong = await store.addSubscription(newSubscription({ platform: 'discord', workspaceId: '111', channelId: '222', topics: ['hong-kong'] }));
    const gone = await store.addSubscription(newSubscription({ platform: 'slack', workspaceId: 'T1', channelId: 'C9', topics: ['ai'] }));
    await store.claimDelivery(hongKong.id, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:01.000Z');
    await store.completeDelivery(hongKong.id, '2026-11-24T00:00:00.000Z', { messageIds: ['m1', 'm2'], at: '2026-11-24T00:00:03.000Z' });
    await store.claimDelivery(gone.id, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:01.000Z');
    await store.completeDelivery(gone.id, '2026-11-24T00:00:00.000Z', { error: 'channel-gone: channel_not_found' });
    await store.close();

    const text = await runCli(['deliveries'], { env: { DATABASE_URL: databaseUrl } });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('2026-11-24T00:00:00.000Z  posted   discord:111/222  at 2026-11-24T00:00:03.000Z  messages m1, m2');
    expect(text.stdout).toContain('failed   slack:T1/C9');
    expect(text.stdout).toContain('channel-gone: channel_not_found');

    const json = await runCliInProcess(['deliveries', '--json', '--status', 'posted'], { env: { DATABASE_URL: databaseUrl } });
    expect(
      json.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toMatchObject([{ status: 'posted', target: { platform: 'discord', channelId: '222' }, messageIds: ['m1', 'm2'] }]);

    const bad = await runCliInProcess(['deliveries', '--status', 'lost'], { env: { DATABASE_URL: databaseUrl } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--status lost');
  });
});

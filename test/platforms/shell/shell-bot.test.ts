import { describe, expect, it } from 'vitest';
import { hasSharedData, runCli, runCliInProcess, temporaryDatabase } from '../../support/run-cli.ts';

describe('the shell bot through stdin (npm start)', () => {
  it('ingests the samples on first run, answers commands with cited sources and exits 0 at EOF', async () => {
    const input = ['/company Alibaba', '/market hang seng', '/brief', '/company Nonexistent Widgets Corp', '/nope', '/company gaoyu securities ltd', ''].join(
      '\n',
    );
    const result = await runCli(['start'], { env: { DATABASE_URL: temporaryDatabase() }, input });
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/First run: ingested \d+ sample articles/);
    const [, company = '', market = '', brief = ''] = out.split(/^== /m);
    expect(company).toMatch(/^Alibaba/);
    expect(company).toContain('[1]');
    expect(company).toMatch(/Sources\n\s+\[1\] Hong Kong’s Stock Market Surges/);
    expect(market).toMatch(/^Hang Seng/);
    expect(market).toMatch(/Hang Seng Index.*▲ 21%/);
    expect(brief).toMatch(/^Market brief/);
    expect(brief).toMatch(/\d+ stories from \d+ articles/);
    expect(brief).toContain('Sources');
    expect(out).toMatch(/I don't know a company called "Nonexistent Widgets Corp"/);
    expect(out).toContain('Unknown command /nope. Try /help.');
    // Named in a stored article ("Gaoyu Securities Ltd") but in no reference list: found at ingest by its shape.
    expect(out).toMatch(/^== Gaoyu Securities ==\n1 latest article[\s\S]*?Gaoyu Securities Ltd\. \[1\]/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('does not ingest the samples again on the second start', async () => {
    const env = { DATABASE_URL: temporaryDatabase() };
    await runCliInProcess(['start'], { env, input: '' });
    const second = await runCliInProcess(['start'], { env, input: '/topics\n' });
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('First run');
    expect(second.stdout).toMatch(/\d+ articles in the database/);
    expect(second.stdout).toContain('hong-kong');
  });

  it('subscribes and lists the subscription with its next run', async () => {
    const result = await runCliInProcess(['start'], {
      env: { DATABASE_URL: temporaryDatabase() },
      input: '/subscribe hong-kong 08:00 Asia/Hong_Kong\n/subscriptions\n/subscribe hong-kong 25:00\n/subscribe company:Manus mode:alerts\n',
    });
    expect(result.stdout).toContain('every day at 08:00 Asia/Hong_Kong');
    expect(result.stdout).toMatch(/hong-kong: daily at 08:00 Asia\/Hong_Kong \(next .*08:00/);
    expect(result.stdout).toContain('time must be HH:MM');
    // A company named in a stored sample article ("Chinese startup Manus") but in no reference list.
    expect(result.stdout).toContain('important new stories on Manus are posted');
  });
});

if (!hasSharedData) console.warn('shell bot tests use examples/ only; ../shared/data is not needed');

describe('subscribing in the shell bot', () => {
  it('refuses an ambiguous timezone abbreviation and says when a subscription replaced an earlier one', { timeout: 120_000 }, async () => {
    const input = [
      '/subscribe ai 07:30 EST',
      '/subscribe ai 07:30 America/New_York weekdays',
      '/subscribe ai cron:"0 8,17 * * 1-5" timezone:Europe/London',
      '/subscribe hong-kong 08:00 Asia/Hong_Kong',
      '',
    ].join('\n');
    const result = await runCli(['start'], { env: { DATABASE_URL: temporaryDatabase() }, input });
    const [, refused = '', first = '', second = '', other = ''] = result.stdout.split(/^== /m);
    expect(refused).toMatch(/timezone "EST" is ambiguous.*America\/New_York/);
    expect(first).toMatch(/^Subscribed/);
    expect(first).not.toContain('replaces');
    expect(second).toMatch(/replaces this channel's earlier subscription to ai \(was mode brief, weekdays at 07:30 America\/New_York\)/);
    expect(second).toContain('on the schedule "0 8,17 * * 1-5"');
    expect(other).not.toContain('replaces');
  });
});

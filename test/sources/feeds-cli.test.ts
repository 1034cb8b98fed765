import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeItems, rssFeed } from '../support/fake-feed-content.ts';
import { type FakeFeedServer, redirect, serveDocument, startFakeFeedServer } from '../support/fake-feed-server.ts';
import { runCli, runCliInProcess, temporaryDatabase } from '../support/run-cli.ts';

let server: FakeFeedServer;
/** Each run starts a whole CLI (about a second, more on a busy machine). */
const CLI_TIMEOUT = 120_000;

beforeAll(async () => {
  server = await startFakeFeedServer({
    '/markets.xml': serveDocument(rssFeed(makeItems(6, 'https://fake.example', { first: 50 }), 'Fake Markets')),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
  });
});
afterAll(() => server.close());

describe('market-brief feeds', () => {
  it(
    'adds a feed on a loopback server, then stores its items once however often it polls',
    async () => {
      const env = { DATABASE_URL: temporaryDatabase(), FETCH_ALLOW_HOSTS: '127.0.0.1', FETCH_HOST_INTERVAL_MS: '0', EXAMPLES_ON_FIRST_RUN: 'false' };
      const added = await runCli(['feeds', 'add', server.url('/markets.xml')], { env });
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      expect(added.stdout).toMatch(/^added src_\w+ {2}6 items/m);
      expect(added.stdout).toContain('Fake Markets');
      expect(added.stdout).toMatch(/stored 6, already known 0/);
      const lines = added.stdout.split('\n');
      expect(lines.findIndex((line) => line.includes(makeItem(55, '').title))).toBeLessThan(lines.findIndex((line) => line.includes(makeItem(54, '').title)));

      for (let round = 0; round < 3; round += 1) {
        const polled = await runCliInProcess(['feeds', 'poll'], { env });
        expect(polled.status).toBe(0);
        expect(polled.stdout).toMatch(/stored 0, already known 6/);
        expect(polled.stderr).toMatch(/polled 1 feed, stored 0 new items, 0 failed/);
      }
      const listed = await runCliInProcess(['feeds', 'list', '--json'], { env });
      const [source] = JSON.parse(listed.stdout) as Array<{ itemsStored: number; consecutiveFailures: number }>;
      expect(source).toMatchObject({ itemsStored: 6, consecutiveFailures: 0 });
    },
    CLI_TIMEOUT,
  );

  it(
    'refuses a feed that redirects to the metadata address and one on 127.0.0.1 without the allow-list',
    async () => {
      const env = { DATABASE_URL: temporaryDatabase(), FETCH_ALLOW_HOSTS: '127.0.0.1', EXAMPLES_ON_FIRST_RUN: 'false' };
      const metadata = await runCliInProcess(['feeds', 'add', server.url('/to-metadata')], { env });
      expect(metadata.status).toBe(1);
      expect(metadata.stderr).toMatch(/redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: it is a link-local or cloud-metadata address/);
      expect(metadata.stderr).not.toMatch(/\n\s+at /);

      const strict = await runCliInProcess(['feeds', 'add', server.url('/markets.xml')], { env: { ...env, FETCH_ALLOW_HOSTS: '' } });
      expect(strict.status).toBe(1);
      expect(strict.stderr).toMatch(/it is a loopback address; set FETCH_ALLOW_HOSTS/);
      const listed = await runCliInProcess(['feeds', 'list'], { env });
      expect(listed.stdout).toMatch(/no feeds yet/);
    },
    CLI_TIMEOUT,
  );
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { startHttpServer } from '../../src/http/http-server.ts';
import { createIngestRoutes } from '../../src/sources/ingest-endpoint.ts';
import { ingestInput } from '../../src/sources/ingest-inputs.ts';
import { faultArticles } from '../support/fault-articles.ts';
import { onStdoutLine, runCli } from '../support/fault-bot.ts';
import { faultSeed } from '../support/fault-seed.ts';
import { checkStore } from '../support/fault-store-check.ts';

const folder = mkdtempSync(join(tmpdir(), 'mb-fault-disk-'));
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  rmSync(folder, { recursive: true, force: true });
});

const FULL = /database (or disk )?is full/i;

function writeInputs(directory: string, count: number, seed: number): string[] {
  mkdirSync(directory, { recursive: true });
  return faultArticles(count, seed, new Date()).map((article, index) => {
    const path = join(directory, `${String(index).padStart(4, '0')}.json`);
    writeFileSync(path, JSON.stringify(article));
    return path;
  });
}

function expectSound(path: string) {
  const health = checkStore(path);
  expect({
    integrity: health.integrity,
    fullText: health.fullText,
    foreignKeys: health.foreignKeyProblems,
    withoutBands: health.articlesWithoutBands,
    repeated: health.repeatedTitles,
  }).toEqual({
    integrity: ['ok'],
    fullText: 'ok',
    foreignKeys: 0,
    withoutBands: 0,
    repeated: [],
  });
  return health;
}

describe('a full disk', () => {
  it('size-limited database file: each article that does not fit fails with a clear error, nothing stored is lost, ingest resumes once there is room', async () => {
    const database = join(folder, 'limited.db');
    const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${database}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
    const connection = (app.store as unknown as { database: import('node:sqlite').DatabaseSync }).database;
    const pages = Number(connection.prepare('PRAGMA page_count').get()?.['page_count']);
    // SQLite's own size limit stands in for a full disk: every write past it fails with SQLITE_FULL.
    connection.exec(`PRAGMA max_page_count = ${pages + 60}`);
    const inputs = writeInputs(join(folder, 'limited-inputs'), 120, faultSeed());
    const stored = new Set<string>();
    const failed: Array<{ input: string; error: string }> = [];
    for (const input of inputs) {
      const report = await ingestInput(input, app.ingest, { maxBytes: app.config.MAX_INPUT_BYTES });
      for (const outcome of report.outcomes) if (outcome.status === 'stored') stored.add(outcome.article.id);
      if (report.error !== null) failed.push({ input, error: report.error });
    }
    expect(stored.size).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    for (const failure of failed) expect(failure.error).toMatch(FULL);

    // Over HTTP the sender learns, article by article, what went in and what did not and why.
    const server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      routes: createIngestRoutes({ token: 'fault-suite-token-0123456789', maxBytes: 1_000_000, ingest: app.ingest, logger: app.logger }),
      logger: app.logger,
    });
    const more = faultArticles(3, faultSeed() + 1, new Date());
    const response = await fetch(`http://127.0.0.1:${server.port}/api/articles`, {
      method: 'POST',
      headers: { authorization: 'Bearer fault-suite-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify(more),
    });
    const answer = (await response.json()) as { results?: Array<{ status: string; error?: string }>; error?: string };
    await server.close();
    expect(answer.results?.map((result) => result.status)).toEqual(['failed', 'failed', 'failed']);
    for (const result of answer.results ?? []) expect(result.error).toMatch(FULL);

    await app.close();
    const health = expectSound(database);
    expect([...stored].filter((id) => !health.ids.has(id))).toEqual([]);
    expect(health.articles).toBe(stored.size);

    // Room again: what failed goes in, what was stored is still there once.
    const reopened = createApp(loadConfig({ DATABASE_URL: `sqlite:${database}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
    for (const { input } of failed) expect((await ingestInput(input, reopened.ingest, { maxBytes: reopened.config.MAX_INPUT_BYTES })).error).toBeNull();
    await reopened.close();
    expect(expectSound(database).articles).toBe(inputs.length);
  });

  const mountPoint = join(folder, 'tmpfs');
  let mounted = false;
  try {
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
    cleanups.push(() => execFileSync('umount', [mountPoint], { stdio: 'ignore' }));
  } catch {
    console.warn('disk-full: cannot mount a small tmpfs here (needs root and mount rights); the real-ENOSPC case is skipped, the size-limit case still runs');
  }

  it.skipIf(!mounted)(
    'a real 3 MB filesystem filling up under `market-brief ingest`: a clear error per input, exit status 1, the database sound and every stored article kept',
    async () => {
      const database = join(mountPoint, 'bot.db');
      const inputs = writeInputs(join(folder, 'tmpfs-inputs'), 1_500, faultSeed() + 2);
      const bot = runCli(['ingest', '--json', join(folder, 'tmpfs-inputs')], { DATABASE_URL: `sqlite:${database}` }, folder);
      const acknowledged = new Set<string>();
      onStdoutLine(bot, (line) => acknowledged.add((JSON.parse(line) as { id: string }).id));
      const end = await bot.ended;
      expect(end.status).toBe(1);
      const errors = bot
        .stderr()
        .split('\n')
        .filter((line) => line.startsWith('market-brief: '));
      expect(errors.length).toBeGreaterThan(0);
      for (const line of errors) expect(line).toMatch(FULL);
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(acknowledged.size).toBeLessThan(inputs.length);
      const health = expectSound(database);
      expect([...acknowledged].filter((id) => !health.ids.has(id))).toEqual([]);
      expect(health.articles).toBe(acknowledged.size);
    },
  );
});

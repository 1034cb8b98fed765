import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { isUserFacing } from '../../src/domain/index.ts';
import { startEngine } from '../../src/engine/index.ts';
import { createAnalyzer, ingestArticles, loadReferenceIndex } from '../../src/pipeline/index.ts';
import { createPostgresStore, createSqliteStore } from '../../src/store/index.ts';
import { dropSchema, postgresUnavailable, TEST_DATABASE_URL, uniqueSchema } from '../support/postgres.ts';

const AT = new Date('2026-11-20T09:00:00Z');
const clock = { now: () => AT };
const STORY = {
  title: 'Exxon Mobil raises its dividend',
  text: 'Exxon Mobil said on Tuesday it would raise its quarterly dividend after a year of strong refining margins, and analysts welcomed the move.',
  url: 'https://news.example/exxon-dividend',
};

const postgresSkip = await postgresUnavailable();

function databasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'mb-engine-')), 'store.db');
}

describe('the engine (store and ingest on worker threads)', () => {
  it('stores an ingested batch on the writer thread: the answer comes after the commit, and another connection sees it', async () => {
    const path = databasePath();
    const engine = startEngine({ engine: 'sqlite', path });
    try {
      const services = { store: engine.store, clock, analyzer: createAnalyzer(loadReferenceIndex()), offload: engine.ingest, topics: ['energy-feed'] };
      const [stored, copy] = await ingestArticles([STORY, { ...STORY, title: 'Again' }], services);
      expect(stored && 'outcome' in stored ? stored.outcome.status : stored).toBe('stored');
      expect(copy && 'outcome' in copy ? copy.outcome.status : copy).toBe('duplicate');
      const id = stored && 'outcome' in stored && stored.outcome.status === 'stored' ? stored.outcome.article.id : '';
      // Read back through the reader thread and through a connection of our own.
      const article = await engine.store.getArticle(id);
      expect(article?.title).toBe(STORY.title);
      expect(article?.ingestedAt).toBe(AT.toISOString());
      expect(article?.topics).toContain('energy-feed');
      expect(article?.entities.map((entity) => entity.name)).toContain('Exxon Mobil');
      const own = createSqliteStore(path);
      try {
        expect(await own.countArticles()).toBe(1);
      } finally {
        await own.close();
      }
    } finally {
      await engine.close();
    }
  });

  it('reports an unreadable item as that item’s user-facing error and stores the rest', async () => {
    const engine = startEngine({ engine: 'sqlite', path: databasePath() });
    try {
      const services = { store: engine.store, clock, analyzer: createAnalyzer(loadReferenceIndex()), offload: engine.ingest };
      const [empty, story] = await ingestArticles([{ title: 'Nothing here', text: '   ' }, STORY], services);
      expect(empty !== undefined && 'error' in empty).toBe(true);
      const error = empty !== undefined && 'error' in empty ? empty.error : null;
      expect(isUserFacing(error)).toBe(true);
      expect((error as Error).message).toMatch(/no body text/);
      expect(story && 'outcome' in story ? story.outcome.status : story).toBe('stored');
      expect(await engine.store.countArticles()).toBe(1);
    } finally {
      await engine.close();
    }
  });

  it('rejects every call with the reason when the database cannot be opened', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mb-engine-'));
    writeFileSync(join(folder, 'not-a-folder'), 'a file where the database folder should be');
    const engine = startEngine({ engine: 'sqlite', path: join(folder, 'not-a-folder', 'store.db') });
    try {
      await expect(engine.store.countArticles()).rejects.toThrow(/not-a-folder|ENOTDIR|not a directory/i);
      await expect(engine.store.rememberOnce('key', '2026-11-20T09:05:00Z', AT.toISOString())).rejects.toThrow(/not-a-folder|ENOTDIR|not a directory/i);
    } finally {
      await engine.close();
    }
  });

  it('passes a store error back as an error the caller can read', async () => {
    const engine = startEngine({ engine: 'sqlite', path: databasePath() });
    try {
      await expect(engine.store.completeDelivery('no-such-subscription', 'slot', { error: 'x' })).resolves.toBeUndefined();
      // An argument the store cannot take fails in the thread and is reported here.
      await expect(engine.store.getArticles(null as unknown as string[])).rejects.toThrow(Error);
    } finally {
      await engine.close();
    }
  });

  it('closes its threads on close: later calls fail plainly and the file is free for others', async () => {
    const path = databasePath();
    const engine = startEngine({ engine: 'sqlite', path });
    expect(await engine.store.rememberOnce('slack:abc', '2026-11-20T09:05:00Z', AT.toISOString())).toBe(true);
    await engine.store.close();
    await expect(engine.store.countArticles()).rejects.toThrow(/closed/);
    await expect(engine.store.rememberOnce('slack:abc', '2026-11-20T09:05:00Z', AT.toISOString())).rejects.toThrow(/closed/);
    const own = createSqliteStore(path);
    try {
      expect(await own.rememberOnce('slack:abc', '2026-11-20T09:05:00Z', AT.toISOString())).toBe(false);
    } finally {
      await own.close();
    }
  });

  it('is what a serving app uses on SQLite: its ingest runs on the writer and close() ends the threads', async () => {
    const config = loadConfig({ DATABASE_URL: `sqlite:${databasePath()}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null);
    const app = createApp(config, { clock, threads: true });
    expect(app.ingest.offload).toBeDefined();
    try {
      const [result] = await ingestArticles([STORY], app.ingest);
      expect(result && 'outcome' in result ? result.outcome.status : result).toBe('stored');
      expect(await app.store.countArticles()).toBe(1);
    } finally {
      await app.close();
    }
    await expect(app.store.countArticles()).rejects.toThrow(/closed/);
  });

  it.skipIf(postgresSkip !== null)(
    `on PostgreSQL keeps the store on the main thread and ingests on the thread${postgresSkip === null ? '' : ` (skipped: ${postgresSkip})`}`,
    async () => {
      const schema = uniqueSchema('engine');
      const engine = startEngine({ engine: 'postgres', url: TEST_DATABASE_URL, pool: { schema, max: 2 } });
      try {
        const services = { store: engine.store, clock, analyzer: createAnalyzer(loadReferenceIndex()), offload: engine.ingest };
        const [stored, empty] = await ingestArticles([STORY, { text: ' ' }], services);
        expect(stored && 'outcome' in stored ? stored.outcome.status : stored).toBe('stored');
        expect(empty !== undefined && 'error' in empty && isUserFacing(empty.error)).toBe(true);
        expect(await engine.store.countArticles()).toBe(1);
        const own = createPostgresStore(TEST_DATABASE_URL, { schema, max: 1 });
        try {
          expect((await own.listArticles({ limit: 5 })).map((article) => article.title)).toEqual([STORY.title]);
        } finally {
          await own.close();
        }
      } finally {
        await engine.close();
        await dropSchema(schema);
      }
      await expect(engine.ingest.ingest([STORY], { owners: [null], topics: [], at: AT.toISOString() })).rejects.toThrow(/closed/);
    },
  );
});

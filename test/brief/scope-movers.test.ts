import { afterEach, describe, expect, it } from 'vitest';
import { briefForScope } from '../../src/brief/brief-for-scope.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeArticle, noKeys } from '../support/articles.ts';

// Every headline and sentence here is written for these tests.
const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);
const now = new Date('2026-12-05T12:00:00.000Z');
const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function services(articles: Array<{ id: string; title: string; text: string; hoursAgo: number }>) {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  for (const { id, title, text, hoursAgo } of articles) {
    const publishedAt = new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
    await store.insertArticle(makeArticle({ id, title, text, publishedAt, ingestedAt: publishedAt, entities: recognizer.recognize(title, text) }), noKeys);
  }
  return { store, reference, clock: { now: () => now } };
}

describe('movers of a scoped brief', () => {
  it('puts the move of the instrument asked about before the others', async () => {
    const found = await services([
      {
        id: 'carmaker',
        title: 'Toyota Motor slumps on profit warning',
        text: 'Toyota Motor shares fell 9 percent on Wednesday after the carmaker cut its outlook, a drag on the Nikkei. Honda Motor shares fell 4 percent.',
        hoursAgo: 1,
      },
      { id: 'index', title: 'Nikkei ends higher', text: 'The Nikkei 225 rose 2 percent on Wednesday as exporters recovered.', hoursAgo: 3 },
    ]);
    // Honda is the second company the article names: asked about, its move comes first.
    const scope = { title: 'Honda Motor', topics: [], entityIds: ['company:honda'] };
    const brief = await briefForScope(scope, { windowHours: 24, widenWhenEmpty: false }, found);
    expect(brief.movers.map((mover) => `${mover.name} ${mover.figure}`)).toEqual(['Honda Motor 4 percent', 'Toyota Motor 9 percent']);
    // Without a scope the brief keeps its own order: the article's most-named company first.
    const everything = await briefForScope({ title: 'All', topics: [] }, { windowHours: 24, widenWhenEmpty: false }, found);
    const names = everything.movers.map((mover) => mover.name);
    expect(names.indexOf('Toyota Motor')).toBeLessThan(names.indexOf('Honda Motor'));
  });

  it('keeps the move asked about when more moves than a brief lists come before it', async () => {
    const companies = ['Toyota Motor', 'Sony', 'Nissan', 'Panasonic', 'Hitachi', 'Canon', 'Honda Motor', 'Fujitsu'];
    const found = await services([
      {
        id: 'wrap',
        title: 'Tokyo exporters slide on stronger yen',
        text: companies.map((name, index) => `${name} shares fell ${12 - index} percent on Wednesday.`).join(' '),
        hoursAgo: 1,
      },
    ]);
    // Without a scope the brief lists its first six moves, and Fujitsu's, the last named, is not among them.
    const everything = await briefForScope({ title: 'All', topics: [] }, { windowHours: 24, widenWhenEmpty: false }, found);
    expect(everything.movers).toHaveLength(6);
    expect(everything.movers.map((mover) => mover.name)).not.toContain('Fujitsu');
    const scope = { title: 'Fujitsu', topics: [], entityIds: ['company:fujitsu'] };
    const brief = await briefForScope(scope, { windowHours: 24, widenWhenEmpty: false }, found);
    expect(brief.movers.map((mover) => `${mover.name} ${mover.figure}`)[0]).toBe('Fujitsu 5 percent');
    expect(brief.movers).toHaveLength(6);
  });
});

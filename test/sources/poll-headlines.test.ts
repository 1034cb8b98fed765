import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, makeItem } from '../support/fake-feed-content.ts';
import { type FakeFeedServer, serveDocument, startFakeFeedServer } from '../support/fake-feed-server.ts';
import { makeHarness } from './source-harness.ts';

let server: FakeFeedServer;
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

beforeAll(async () => {
  server = await startFakeFeedServer();
  const base = server.origin;
  const withPage = makeItem(900, base);
  const withoutPage = makeItem(901, base);
  server.route(new URL(withPage.link).pathname, serveDocument(articlePage(withPage, withPage.text), { contentType: 'text/html; charset=utf-8' }));
  // Headline-only items (title, link, date), and a feed that opens with a comment and a PI.
  const items = [withPage, withoutPage]
    .map(
      (item) =>
        `<item><title>${escape(item.title)}</title><link>${item.link}</link><guid>${item.link}</guid><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>`,
    )
    .join('');
  server.route(
    '/headlines',
    serveDocument(
      `<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="/s.xsl"?>\n<rss version="2.0"><channel><title>Wire headlines</title>${items}</channel></rss>`,
      { contentType: 'application/rss+xml' },
    ),
  );
});

afterAll(() => server.close());

describe('polling a headline feed that starts with a comment', () => {
  it('stores each item; a headline whose page reads becomes a story, one whose page fails stays a headline', async () => {
    const harness = makeHarness();
    const added = await harness.actions.add({ url: server.url('/headlines'), topics: [], addedBy: harness.addedBy });
    expect(added.poll).toMatchObject({ ok: true, stored: 2 });
    expect(added.source.title).toBe('Wire headlines');
    const articles = await harness.store.listArticles({ limit: 10 });
    const byTitle = new Map(articles.map((article) => [article.title, article]));
    const story = byTitle.get(makeItem(900, server.origin).title);
    const headline = byTitle.get(makeItem(901, server.origin).title);
    expect(story?.kind).toBeUndefined();
    expect(story?.text.length).toBeGreaterThan(100);
    expect(headline).toMatchObject({ kind: 'headline', text: '', url: expect.stringContaining('901'), publishedAt: '2026-11-20T08:00:00.000Z' });
  });
});

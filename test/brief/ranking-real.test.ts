import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { rankedStories } from '../../src/brief/compose.ts';
import { isNonNews } from '../../src/brief/non-news.ts';
import { clusterStories } from '../../src/brief/stories.ts';
import { createAnalyzer } from '../../src/pipeline/understand/analyze.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

// Real articles, read at test time from ../shared/data (never copied into the repository).
const data = new URL('../../../shared/data/', import.meta.url);
const reutersFile = new URL('articles/reuters-2006-2013.jsonl.gz', data);
const feedsDir = new URL('feeds/parsed-json-finnews/', data);
const hasReuters = existsSync(reutersFile);
const hasFeeds = existsSync(feedsDir);
if (!hasReuters) console.warn(`ranking-real: ${reutersFile.pathname} is absent; the Reuters busy-day checks are skipped`);
if (!hasFeeds) console.warn(`ranking-real: ${feedsDir.pathname} is absent; the template-note checks are skipped`);

const reference = loadReferenceIndex();
const analyzer = createAnalyzer(reference);

function analysed(id: string, title: string, text: string, publishedAt: string, source = 'Reuters'): Article {
  return makeArticle({ id, contentHash: `h-${id}`, title, text, source, publishedAt, ...analyzer.analyze({ title, text }) });
}

/** The Reuters October-2008 articles, re-dated to one day in their original order. */
function busyDay(): Article[] {
  const rows = gunzipSync(readFileSync(reutersFile))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { file: string; raw: string })
    .filter((row) => row.file.startsWith('200810'))
    .sort((a, b) => a.file.localeCompare(b.file));
  const start = Date.parse('2026-12-04T08:00:00Z');
  return rows.map((row, index) => {
    const lines = row.raw.split('\n');
    const body = lines
      .filter((line) => !line.startsWith('-- '))
      .join('\n')
      .trim();
    const title = (lines[0] ?? '').replace(/^-- /u, '').trim();
    return analysed(`r${index}`, title, body, new Date(start + index * 20 * 60_000).toISOString());
  });
}

describe.skipIf(!hasReuters)('ranking on a busy day of real Reuters news (October 2008, re-dated)', () => {
  const articles = hasReuters ? busyDay() : [];

  it('leads with market-wide stories: every one of the first five is about an index, a central bank, policy or macro data', () => {
    expect(articles.length).toBeGreaterThan(40);
    const top = rankedStories(articles, reference).slice(0, 5);
    for (const story of top) expect(story.parts['marketWide'] ?? story.parts['macroHeadline'], story.lead.title).toBeGreaterThan(0);
    // The newest five articles were what the brief led with before; most of them are company notes.
    const newest = new Set(articles.slice(-5).map((article) => article.id));
    expect(top.filter((story) => newest.has(story.lead.id)).length).toBeLessThan(5);
  });

  it('merges the two GM/Chrysler reports and keeps the rest apart', () => {
    const clusters = clusterStories(articles);
    const gm = clusters.filter((cluster) => cluster.articles.some((article) => /Chrysler/u.test(article.title)));
    expect(gm.map((cluster) => cluster.articles.length)).toEqual([2]);
    expect(clusters.length).toBeGreaterThan(articles.length - 5);
  });
});

describe.skipIf(!hasFeeds)('template notes from real feeds', () => {
  function feedItems(): Array<{ title: string; description: string; pubDate: string }> {
    return readdirSync(feedsDir)
      .filter((name) => name.endsWith('.jsonc'))
      .flatMap((name) => JSON.parse(readFileSync(new URL(name, feedsDir), 'utf8')) as Array<{ title: string; description: string; pubDate: string }>);
  }

  it('never merges serial notes about different companies that share a headline template', () => {
    const seen = new Set<string>();
    const notes = feedItems()
      .filter((item) => typeof item.title === 'string' && /: What You Should Know$/u.test(item.title) && !seen.has(item.title) && seen.add(item.title))
      .map((item, index) => analysed(`z${index}`, item.title, String(item.description ?? '').replace(/<[^>]*>/gu, ' '), '2026-12-04T10:00:00.000Z', 'Zacks'));
    expect(notes.length).toBeGreaterThanOrEqual(5);
    for (const cluster of clusterStories(notes)) {
      // One story per company: the ticker in parentheses names it.
      const tickers = new Set(cluster.articles.map((article) => /\(([A-Z.]+)\)/u.exec(article.title)?.[1] ?? article.id));
      expect(tickers.size, cluster.articles.map((article) => article.title).join(' / ')).toBe(1);
    }
  });

  it('treats the feed folder licence as non-news', () => {
    const licence = readFileSync(new URL('LICENSE', feedsDir), 'utf8');
    expect(isNonNews({ title: 'LICENSE', text: licence })).toBe(true);
    expect(isNonNews({ title: 'Untitled', text: licence })).toBe(true);
  });
});

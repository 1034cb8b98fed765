import { describe, expect, it } from 'vitest';
import { clusterStories } from '../../src/brief/stories.ts';
import { makeArticle } from '../support/articles.ts';

const yahoo = { id: 'company:yahoo', name: 'Yahoo', type: 'company' as const, ticker: 'YHOO', tickers: ['YHOO'], count: 3 };
const google = { id: 'company:alphabet', name: 'Alphabet', type: 'company' as const, ticker: 'GOOGL', tickers: ['GOOGL'], count: 2 };

describe('clusterStories', () => {
  it('folds near-duplicates into their first copy', () => {
    const first = makeArticle({ id: 'a', title: 'Fed holds rates' });
    const copy = makeArticle({ id: 'b', title: 'Fed keeps rates on hold', duplicateOf: 'a' });
    expect(clusterStories([first, copy]).map((story) => story.articles.map((article) => article.id))).toEqual([['a', 'b']]);
  });

  it('groups same-event reports from different outlets published close together', () => {
    const one = makeArticle({ id: 'a', title: 'Yahoo wins ad deal with social site', entities: [yahoo, google], publishedAt: '2026-11-20T08:00:00Z' });
    const two = makeArticle({ id: 'b', title: 'Social site picks Yahoo for ad deal', entities: [yahoo, google], publishedAt: '2026-11-20T15:00:00Z' });
    expect(clusterStories([one, two])).toHaveLength(1);
  });

  it('keeps the same names weeks apart as separate stories', () => {
    const one = makeArticle({ id: 'a', title: 'Yahoo wins ad deal with social site', entities: [yahoo, google], publishedAt: '2026-09-01T08:00:00Z' });
    const two = makeArticle({ id: 'b', title: 'Web ad deal spurs more takeovers', entities: [yahoo, google], publishedAt: '2026-10-15T08:00:00Z' });
    expect(clusterStories([one, two])).toHaveLength(2);
  });

  it('gives a report matching two stories to the one made first', () => {
    const copper = makeArticle({ id: 'a', title: 'Copper smelters strike', publishedAt: '2026-11-20T08:00:00Z' });
    const cocoa = makeArticle({ id: 'b', title: 'Cocoa harvest shrinks', publishedAt: '2026-11-20T09:00:00Z' });
    const both = makeArticle({ id: 'c', title: 'Cocoa harvest shrinks, copper smelters strike', publishedAt: '2026-11-20T10:00:00Z' });
    expect(clusterStories([copper, cocoa, both]).map((story) => story.articles.map((article) => article.id))).toEqual([['a', 'c'], ['b']]);
    expect(clusterStories([cocoa, copper, both]).map((story) => story.articles.map((article) => article.id))).toEqual([['b', 'c'], ['a']]);
  });

  it('does not merge reports sharing fewer than three distinctive headline words', () => {
    const one = makeArticle({ id: 'a', title: 'Copper smelters strike', publishedAt: '2026-11-20T08:00:00Z' });
    const two = makeArticle({ id: 'b', title: 'Copper smelters reopen', publishedAt: '2026-11-20T09:00:00Z' });
    expect(clusterStories([one, two])).toHaveLength(2);
  });
});

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

  it('merges reports naming the same company with the same measured figure in other words, and no bare number or opposite move', () => {
    const at = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00Z`;
    const ids = (articles: ReturnType<typeof makeArticle>[]) => clusterStories(articles).map((story) => story.articles.map((article) => article.id));
    const one = makeArticle({ id: 'a', title: 'Yahoo cuts 12% of workforce as ad market cools', entities: [yahoo], publishedAt: at(8) });
    const two = makeArticle({ id: 'b', title: 'Yahoo to lay off 12% of staff', entities: [yahoo], publishedAt: at(11) });
    expect(ids([one, two])).toEqual([['a', 'b']]);
    // "$250M" and "$250 million" are one figure.
    const fine = makeArticle({ id: 'c', title: 'Yahoo pays $250M to settle privacy suit', entities: [yahoo], publishedAt: at(9) });
    const settles = makeArticle({ id: 'd', title: 'Regulator says Yahoo will hand over $250 million', entities: [yahoo], publishedAt: at(12) });
    expect(ids([fine, settles])).toEqual([['c', 'd']]);
    // A number without a unit or currency is no figure; a company only the body names is not the headline's.
    const chapter = makeArticle({ id: 'e', title: 'Yahoo supplier files for Chapter 12 protection', entities: [yahoo], publishedAt: at(10) });
    const days = makeArticle({ id: 'f', title: 'Yahoo mail down for 12 hours', entities: [yahoo], publishedAt: at(13) });
    expect(ids([chapter, days])).toHaveLength(2);
    const elsewhere = makeArticle({ id: 'g', title: 'Search rival trims 12% of jobs', entities: [yahoo], publishedAt: at(14) });
    expect(ids([one, elsewhere])).toHaveLength(2);
    // The same figure the other way is another move.
    const up = makeArticle({ id: 'h', title: 'Yahoo shares jump 12%', entities: [yahoo], publishedAt: at(8) });
    const down = makeArticle({ id: 'i', title: 'Yahoo shares fall 12% on weak outlook', entities: [yahoo], publishedAt: '2026-11-21T15:00:00Z' });
    expect(ids([up, down])).toHaveLength(2);
  });
});

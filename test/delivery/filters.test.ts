import { describe, expect, it } from 'vitest';
import { createArticleFilter, describeFilter, validatePattern } from '../../src/delivery/filters.ts';
import { articleImportance } from '../../src/pipeline/understand/importance.ts';
import { makeArticle } from '../support/articles.ts';

const none = { include: [], exclude: [], pattern: null, minImportance: 0, sentiments: [] };
const ipo = makeArticle({ id: 'a', title: 'Chipmaker plans Hong Kong IPO', text: 'The listing could raise $2 billion.' });
const earnings = makeArticle({ id: 'b', title: 'Bank profit falls 12%', text: 'Quarterly earnings missed forecasts.', sentiment: { label: 'negative', score: -0.6 } });

describe('subscription filter', () => {
  it('lets everything through when empty', () => {
    const keep = createArticleFilter(none);
    expect([ipo, earnings].filter(keep)).toHaveLength(2);
  });

  it('includes and excludes whole words, case-insensitively', () => {
    expect([ipo, earnings].filter(createArticleFilter({ ...none, include: ['ipo'] })).map((article) => article.id)).toEqual(['a']);
    expect([ipo, earnings].filter(createArticleFilter({ ...none, exclude: ['EARNINGS'] })).map((article) => article.id)).toEqual(['a']);
    // "earn" is not a whole word of "earnings".
    expect([ipo, earnings].filter(createArticleFilter({ ...none, include: ['earn'] }))).toEqual([]);
  });

  it('filters by sentiment and importance', () => {
    expect([ipo, earnings].filter(createArticleFilter({ ...none, sentiments: ['negative'] })).map((article) => article.id)).toEqual(['b']);
    expect(articleImportance(earnings)).toBeGreaterThan(articleImportance(ipo));
    const threshold = (articleImportance(earnings) + articleImportance(ipo)) / 2;
    expect([ipo, earnings].filter(createArticleFilter({ ...none, minImportance: threshold })).map((article) => article.id)).toEqual(['b']);
  });

  it('matches a regular expression, and a catastrophic one times out instead of hanging', () => {
    expect([ipo, earnings].filter(createArticleFilter({ ...none, pattern: 'profit (rises|falls)' })).map((article) => article.id)).toEqual(['b']);
    const evil = makeArticle({ id: 'c', title: `${'a'.repeat(40)}!`, text: '' });
    const filter = createArticleFilter({ ...none, pattern: '^(a+)+$' });
    expect(filter(evil)).toBe(false);
    expect(filter.timeouts).toBe(1);
  });

  it('refuses an invalid or overlong pattern with a clear message', () => {
    expect(() => validatePattern('(unclosed')).toThrow(/regex:/);
    expect(() => validatePattern('a'.repeat(500))).toThrow(/under 200/);
  });

  it('describes itself for /subscriptions', () => {
    expect(describeFilter({ ...none, include: ['ipo'], minImportance: 0.5 })).toBe('include ipo; importance ≥ 0.5');
  });
});

import { describe, expect, it } from 'vitest';
import { createArticleFilter, describeFilter, validatePattern } from '../../src/delivery/filters.ts';
import { articleImportance } from '../../src/pipeline/understand/importance.ts';
import { makeArticle } from '../support/articles.ts';

const none = { include: [], exclude: [], pattern: null, minImportance: 0, sentiments: [] };
const ipo = makeArticle({ id: 'a', title: 'Chipmaker plans Hong Kong IPO', text: 'The listing could raise $2 billion.' });
const earnings = makeArticle({
  id: 'b',
  title: 'Bank profit falls 12%',
  text: 'Quarterly earnings missed forecasts.',
  sentiment: { label: 'negative', score: -0.6 },
});

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

  it('matches a regular expression, case-insensitively', () => {
    expect([ipo, earnings].filter(createArticleFilter({ ...none, pattern: 'profit (rises|falls)' })).map((article) => article.id)).toEqual(['b']);
    expect([ipo, earnings].filter(createArticleFilter({ ...none, pattern: '\\bhong\\s+kong\\b' })).map((article) => article.id)).toEqual(['a']);
  });

  it('runs catastrophic patterns in linear time: they finish with the right answer', () => {
    const long = makeArticle({ id: 'c', title: 'x', text: `${'word '.repeat(100_000)}!` });
    const clean = makeArticle({ id: 'd', title: 'x', text: 'aaaa bbbb cccc' });
    const words = createArticleFilter({ ...none, pattern: '^(\\w+\\s?)+$' });
    // The title line and the text line are joined by a newline, which \s? also matches.
    expect(words(long)).toBe(false);
    expect(words(clean)).toBe(true);
    const nested = createArticleFilter({ ...none, pattern: '^(a+)+$' });
    expect(nested(makeArticle({ id: 'e', title: `${'a'.repeat(50_000)}!`, text: '' }))).toBe(false);
    expect(createArticleFilter({ ...none, pattern: '(x+x+)+y' })(makeArticle({ id: 'f', title: 'x'.repeat(200_000), text: '' }))).toBe(false);
  });

  it('refuses an invalid or overlong pattern with a clear message', () => {
    expect(() => validatePattern('(unclosed')).toThrow(/regex: missing closing \)/);
    expect(() => validatePattern('a'.repeat(500))).toThrow(/under 200/);
  });

  it('refuses backreferences and lookarounds, saying why', () => {
    expect(() => validatePattern('(\\w+) \\1')).toThrow(/regex: .*linear-time.*backreferences/);
    expect(() => validatePattern('profit(?= rose)')).toThrow(/regex: .*lookahead or lookbehind/);
    expect(() => validatePattern('(?<!not )profit')).toThrow(/regex: .*lookahead or lookbehind/);
    expect(() => validatePattern('(?!x)y')).toThrow(/regex: .*lookahead or lookbehind/);
    expect(() => validatePattern('^(\\w+\\s?)+$')).not.toThrow();
  });

  it('a stored pattern RE2 refuses matches nothing instead of throwing', () => {
    expect([ipo, earnings].filter(createArticleFilter({ ...none, pattern: '(?=profit)profit' }))).toEqual([]);
  });

  it('describes itself for /subscriptions', () => {
    expect(describeFilter({ ...none, include: ['ipo'], minImportance: 0.5 })).toBe('include ipo; importance ≥ 0.5');
  });
});

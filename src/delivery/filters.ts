import { createContext, Script } from 'node:vm';
import { type Article, escapeRegExp, type SubscriptionFilter, UserFacingError } from '../domain/index.ts';
import { articleImportance } from '../pipeline/index.ts';

/** A user's regular expression gets this long per article; a catastrophic pattern is cut off. */
const PATTERN_TIME_LIMIT_MS = 25;
const MAX_PATTERN_LENGTH = 200;

/** Whole-word, case-insensitive matcher for any of the phrases. */
function phraseMatcher(phrases: readonly string[]): RegExp | null {
  const cleaned = phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase !== '');
  if (cleaned.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${cleaned.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Checks a user's pattern when the subscription is made, so a bad one is refused at once. */
export function validatePattern(pattern: string): void {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new UserFacingError(`regex: keep it under ${MAX_PATTERN_LENGTH} characters`);
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    throw new UserFacingError(`regex: ${(error as Error).message}`);
  }
}

const TEST_SCRIPT = new Script('expression.test(text)');

/**
 * Runs the pattern in a separate V8 context with a time limit: a pattern that backtracks
 * catastrophically on some article fails that article (treated as no match and counted),
 * instead of freezing the bot.
 */
function timedMatcher(pattern: string): (text: string) => boolean | 'timeout' {
  const context = createContext({ expression: new RegExp(pattern, 'iu'), text: '' });
  return (text) => {
    context['text'] = text;
    try {
      return TEST_SCRIPT.runInContext(context, { timeout: PATTERN_TIME_LIMIT_MS }) === true;
    } catch {
      return 'timeout';
    }
  };
}

export interface ArticleFilter {
  (article: Article): boolean;
  /** Articles whose regex check ran out of time (counted for the log). */
  readonly timeouts: number;
}

/** A predicate for a subscription's filter; build it once per brief or alert run. */
export function createArticleFilter(filter: SubscriptionFilter): ArticleFilter {
  const include = phraseMatcher(filter.include);
  const exclude = phraseMatcher(filter.exclude);
  const pattern = filter.pattern === null ? null : timedMatcher(filter.pattern);
  let timeouts = 0;
  const predicate = (article: Article): boolean => {
    const text = `${article.title}\n${article.text}`;
    if (include !== null && !include.test(text)) return false;
    if (exclude !== null && exclude.test(text)) return false;
    if (filter.sentiments.length > 0 && !filter.sentiments.includes(article.sentiment.label)) return false;
    if (filter.minImportance > 0 && articleImportance(article) < filter.minImportance) return false;
    if (pattern !== null) {
      const matched = pattern(text);
      if (matched === 'timeout') timeouts += 1;
      if (matched !== true) return false;
    }
    return true;
  };
  return Object.defineProperty(predicate, 'timeouts', { get: () => timeouts }) as ArticleFilter;
}

/** True when the filter lets everything through (no need to load and test articles). */
export function isEmptyFilter(filter: SubscriptionFilter): boolean {
  return filter.include.length === 0 && filter.exclude.length === 0 && filter.pattern === null && filter.minImportance === 0 && filter.sentiments.length === 0;
}

/** A short description for /subscriptions. */
export function describeFilter(filter: SubscriptionFilter): string {
  const parts: string[] = [];
  if (filter.include.length > 0) parts.push(`include ${filter.include.join(', ')}`);
  if (filter.exclude.length > 0) parts.push(`exclude ${filter.exclude.join(', ')}`);
  if (filter.pattern !== null) parts.push(`regex /${filter.pattern}/`);
  if (filter.minImportance > 0) parts.push(`importance ≥ ${filter.minImportance}`);
  if (filter.sentiments.length > 0) parts.push(`sentiment ${filter.sentiments.join('/')}`);
  return parts.join('; ');
}

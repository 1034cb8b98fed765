import { RE2JS } from 're2js';
import { type Article, escapeRegExp, type SubscriptionFilter, UserFacingError } from '../domain/index.ts';
import { articleImportance } from '../pipeline/index.ts';

const MAX_PATTERN_LENGTH = 200;

/** Whole-word, case-insensitive matcher for any of the phrases. */
function phraseMatcher(phrases: readonly string[]): RegExp | null {
  const cleaned = phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase !== '');
  if (cleaned.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${cleaned.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Compiles a user's pattern on RE2 semantics (re2js): matching takes time linear in the text, so
 * no pattern can stall a brief. RE2 refuses what needs backtracking (backreferences, lookarounds);
 * those get a message that says so, in the user's terms.
 */
function compilePattern(pattern: string): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new UserFacingError(`regex: keep it under ${MAX_PATTERN_LENGTH} characters`);
  try {
    return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    throw new UserFacingError(`regex: ${patternProblem(pattern, (error as Error).message)}`);
  }
}

function patternProblem(pattern: string, message: string): string {
  const unsupported = 'filters use linear-time (RE2) matching, which has no';
  if (/\\[1-9]|\\k<|\(\?P=/.test(pattern)) return `${unsupported} backreferences (\\1, \\k<name>); rewrite the pattern without them`;
  if (/\(\?<?[=!]/.test(pattern)) return `${unsupported} lookahead or lookbehind ((?=…), (?!…), (?<=…), (?<!…)); rewrite the pattern without them`;
  if (/\(\?>|[*+?}][+]/.test(pattern)) return `${unsupported} atomic groups or possessive quantifiers; rewrite the pattern without them`;
  return message.replace(/^error parsing regexp:\s*/, '');
}

/** Checks a user's pattern when the subscription is made, so a bad one is refused at once. */
export function validatePattern(pattern: string): void {
  compilePattern(pattern);
}

export type ArticleFilter = (article: Article) => boolean;

/** A predicate for a subscription's filter; build it once per brief or alert run. */
export function createArticleFilter(filter: SubscriptionFilter): ArticleFilter {
  const include = phraseMatcher(filter.include);
  const exclude = phraseMatcher(filter.exclude);
  const pattern = filter.pattern === null ? null : storedPattern(filter.pattern);
  return (article: Article): boolean => {
    const text = `${article.title}\n${article.text}`;
    if (include !== null && !include.test(text)) return false;
    if (exclude !== null && exclude.test(text)) return false;
    if (filter.sentiments.length > 0 && !filter.sentiments.includes(article.sentiment.label)) return false;
    if (filter.minImportance > 0 && articleImportance(article) < filter.minImportance) return false;
    return pattern === null || (pattern !== 'refused' && pattern.matcher(text).find());
  };
}

// A pattern stored before filters moved to RE2 may use what RE2 refuses: it then matches nothing
// (the subscriber re-subscribes and is told why) rather than stopping the other subscriptions' runs.
function storedPattern(pattern: string): RE2JS | 'refused' {
  try {
    return compilePattern(pattern);
  } catch {
    return 'refused';
  }
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

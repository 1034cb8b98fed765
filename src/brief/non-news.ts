import type { Article } from '../domain/index.ts';
import { splitSentences } from '../pipeline/index.ts';

/** Licence and project-file texts: never news, whatever their title. */
const LICENCE =
  /permission is hereby granted|licensed under the apache license|gnu (?:lesser |affero )?general public license|the software is provided "?as is"?|creative commons attribution-/iu;
/** Headlines that sell or enrol rather than report. */
const PROMO_TITLE =
  /\b(?:webinar|webcast registration|register (?:now|today|here)|sign up (?:now|today|here|for (?:our|a free|free))|subscribe (?:now|today|to (?:our|the))|free trial|join (?:us|our) (?:live|for)|save your seat|limited[- ]time offer|sponsored content)\b/iu;
const FILE_TITLE = /^(?:license|licence|copying|readme|changelog|source|notice|authors)(?:\.(?:md|txt|rst))?$/iu;
/** Sentences that ask the reader to do something for the publisher. */
const CALL_TO_ACTION =
  /\b(?:subscribe|sign up|signup|register|join us|click here|download (?:our|the|your)|free trial|webinar|newsletter|unsubscribe|follow us|promo code|discount code)\b/iu;

/**
 * What a text holds wherever a sentence of it matches CALL_TO_ACTION (sentences collapse runs of
 * spaces and line breaks; word edges are not checked here, so this may match where no sentence does).
 * Quick to run on every text.
 */
const MAY_CALL_TO_ACTION =
  /subscribe|sign\s*up|register|join\s+us|click\s+here|download\s+(?:our|the|your)|free\s+trial|webinar|newsletter|follow\s+us|promo\s+code|discount\s+code/iu;
/**
 * CALL_TO_ACTION as it appears in the text, word edges checked: a sentence keeps the text's
 * characters around a phrase (it starts and ends at a space or punctuation, and only runs of
 * spaces change), so a sentence matches CALL_TO_ACTION only where the text matches this. It passes
 * over "registered", "registration" and "subscribers", which most texts passing the quick check hold.
 */
const CALL_TO_ACTION_IN_TEXT =
  /\b(?:subscribe|sign\s+up|signup|register|join\s+us|click\s+here|download\s+(?:our|the|your)|free\s+trial|webinar|newsletter|unsubscribe|follow\s+us|promo\s+code|discount\s+code)\b/iu;

/**
 * Promotional or non-news items (webinars, sign-up pages, licence texts, "subscribe to our
 * newsletter" pages) that must not become stories: a licence text, a file-name title, a selling
 * headline, or a body where at least half the sentences are calls to action.
 */
export function isNonNews(article: Pick<Article, 'title' | 'text'> & { id?: string }): boolean {
  // A stored article's id is its content's hash, so its verdict never changes, and /market asks it
  // of the same few hundred articles again and again. The title and the text's length are in the
  // key too, for articles made elsewhere with a reused id.
  if (article.id === undefined) return judge(article);
  const key = `${article.id}\u0000${article.text.length}\u0000${article.title}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = judge(article);
  if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** Verdicts kept by article id (a few MB at most). */
const VERDICTS_KEPT = 20_000;
const verdicts = new Map<string, boolean>();

function judge(article: Pick<Article, 'title' | 'text'>): boolean {
  const title = article.title.trim();
  if (FILE_TITLE.test(title) || PROMO_TITLE.test(title)) return true;
  if (LICENCE.test(article.text.slice(0, 4000))) return true;
  // A text with no call to action anywhere has no selling sentence: most news is passed over here,
  // without splitting it into sentences (the costly part, hundreds of times per /market).
  if (!MAY_CALL_TO_ACTION.test(article.text) || !CALL_TO_ACTION_IN_TEXT.test(article.text)) return false;
  const sentences = splitSentences(article.text).slice(0, 40);
  if (sentences.length === 0) return false;
  const selling = sentences.filter((sentence) => CALL_TO_ACTION.test(sentence)).length;
  return selling * 2 >= sentences.length;
}

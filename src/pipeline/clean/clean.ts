import { type CleanArticle, InputError, type RawArticle } from '../../domain/index.ts';
import { canonicalUrl } from '../dedupe/index.ts';
import { splitDateline } from './dateline.ts';
import { classifyLine, dropPromoSentences, isSectionBreak, type LineKind, stripLeadingNote, stripTrailer } from './lines.ts';
import { splitInlineHeadings } from './headings.ts';
import { splitParagraphs } from './paragraphs.ts';
import { isTitleCase, isTitleLike, pickTitle, sameTitle, SUPPORTED, titleFromText, usableTitle } from './title.ts';
import { contentStems, normaliseDate, support, wordCount } from '../text/index.ts';

// The story's opening (about 200 words) that a headline is checked against.
const OPENING_CHARACTERS = 1200;
// A paragraph this long opens the story proper; shorter ones above it may be headlines or deks.
const BODY_WORDS = 20;
// Leading lines looked at as headline candidates.
const MAX_LEADING = 6;
// Spacing a paragraph's key collapses: a run of spaces, or any white space but a space (as /[^\S ]| {2}/,
// whose negated class is slower to run).
const SPACING = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/**
 * Turns scraped text into the story alone: its own title and every paragraph of the story, with
 * ads, calls to action, share bars, captions, link lists, disclaimers, wire datelines and credit
 * trailers removed. The rules are line classifiers plus context (a fragment between two paragraphs
 * is a subheading and stays; a run of fragments after the story's end goes). When the input has
 * no title, the leading headline-like line best echoed by the story's opening is taken.
 * Throws InputError when nothing readable is left.
 */
export function cleanArticle(raw: RawArticle): CleanArticle {
  const name = raw.url ?? raw.title ?? raw.guid ?? 'article';
  if (raw.kind === 'headline') return headlineOnly(raw, name);
  // A feed item (the readers give feed items a GUID) with a title but no body, or a body that is
  // all boilerplate, is still a headline a reader could see.
  const fallBack = (reason: string): CleanArticle => {
    if (raw.guid !== undefined && usableTitle(raw.title, raw.source) !== undefined) return headlineOnly(raw, name);
    throw new InputError(name, reason);
  };
  if (raw.text.trim() === '') return fallBack('has no body text');

  const paragraphs = splitParagraphs(raw.text)
    .map((paragraph) => dropPromoSentences(stripTrailer(stripLeadingNote(paragraph))))
    .map((paragraph) => dropTweetLinks(paragraph).trim())
    .filter((paragraph) => paragraph !== '');
  // Word counts and line kinds are computed once per paragraph: every rule below reads them.
  const counts = paragraphs.map(wordCount);
  const kinds = paragraphs.map((paragraph, index) => classifyLine(paragraph, counts[index]));
  // Each paragraph's own classification, before context turns any line to junk.
  const ownKinds = kinds.slice();
  markLinkSections(paragraphs, kinds, counts);
  markRepeatedFragments(paragraphs, kinds, counts);
  const keep = kinds.map((kind) => kind !== 'junk');

  const firstGood = kinds.indexOf('good');
  const firstLong = kinds.findIndex((kind, index) => kind === 'good' && (counts[index] ?? 0) >= BODY_WORDS);
  const bodyStart = firstLong >= 0 ? firstLong : firstGood >= 0 ? firstGood : keep.indexOf(true);
  if (bodyStart < 0) return fallBack('has no readable text left once boilerplate is removed');

  // The opening's stems are read only when there are leading lines to judge: most stories have none.
  // openingStems reads keep[] from bodyStart on, which settleTitle changes only after its last use.
  let openingSet: ReadonlySet<string> | undefined;
  const opening = (): ReadonlySet<string> => (openingSet ??= openingStems(paragraphs, keep, bodyStart));
  const title = settleTitle(raw, paragraphs, kinds, keep, bodyStart, opening);
  if (firstGood >= 0) dropTail(kinds, keep);

  let source = raw.source ?? null;
  const keptIndexes = dedupe(paragraphs, keep);
  const kept = keptIndexes.map((index) => paragraphs[index] as string);
  // The dateline opens the story's first paragraph, which may be short enough to look like a heading.
  // A kept paragraph's own classification (before context turned any line to junk) is in ownKinds.
  const firstGoodKept = keptIndexes.findIndex((index) => ownKinds[index] === 'good');
  for (const index of new Set([0, firstGoodKept])) {
    if (index < 0 || index >= kept.length) continue;
    const { dateline, rest } = splitDateline(kept[index] ?? '');
    if (!dateline) continue;
    kept[index] = rest;
    source ??= dateline.agency;
    break;
  }
  // A subheading run into a paragraph goes on a line of its own (headings.ts).
  const text = kept.flatMap((paragraph, index) => splitInlineHeadings(paragraph, index > 0)).join('\n\n');
  if (!/[\p{L}\p{N}]/u.test(text)) return fallBack('has no readable text left once boilerplate is removed');

  const url = raw.url ? canonicalUrl(raw.url) : null;
  return {
    title,
    text,
    url,
    source: source ?? hostOf(url),
    publishedAt: normaliseDate(raw.publishedAt) ?? null,
    guid: raw.guid ?? null,
  };
}

// A headline item: its title, link and date, no body (briefs show it as a headline, never summarise it).
function headlineOnly(raw: RawArticle, name: string): CleanArticle {
  const title = usableTitle(raw.title, raw.source);
  if (title === undefined) throw new InputError(name, 'has neither a title nor body text');
  const url = raw.url ? canonicalUrl(raw.url) : null;
  return {
    title,
    text: '',
    url,
    source: raw.source ?? hostOf(url),
    publishedAt: normaliseDate(raw.publishedAt) ?? null,
    guid: raw.guid ?? null,
    kind: 'headline',
  };
}

// Picks the title and decides the leading lines above the story: a copy of the title goes, an
// unsupported headline-like line (another story's headline, a site banner) goes, a dek stays.
function settleTitle(raw: RawArticle, paragraphs: string[], kinds: LineKind[], keep: boolean[], bodyStart: number, opening: () => ReadonlySet<string>): string {
  const leading: number[] = [];
  for (let index = 0; index < bodyStart && leading.length < MAX_LEADING; index += 1) if (keep[index]) leading.push(index);

  let title = usableTitle(raw.title, raw.source);
  const given = title !== undefined;
  // A title cut short by the source ("Copper Climbs to Two-Month High as...") is completed from the text.
  const truncated = title?.match(/^(.{20,}?)\s*(?:\.{3}|…)$/)?.[1];
  if (truncated) {
    const full = leading.find((index) => (paragraphs[index] ?? '').startsWith(truncated));
    if (full !== undefined) title = (paragraphs[full] ?? '').replace(/\s+/g, ' ');
  }
  if (!title) {
    const candidates = leading.filter((index) => isTitleLike(paragraphs[index] ?? ''));
    const chosen =
      candidates.length === 0
        ? null
        : pickTitle(
            candidates.map((index) => ({ index, text: paragraphs[index] ?? '' })),
            opening(),
          );
    if (chosen !== null) {
      title = (paragraphs[chosen] ?? '').replace(/\s+/g, ' ');
      keep[chosen] = false;
    }
  }
  for (const index of leading) {
    const line = paragraphs[index] ?? '';
    if (!keep[index]) continue;
    if (title && sameTitle(line, title)) keep[index] = false;
    else if (isStrayLeadingLine(line, kinds[index], opening, given)) keep[index] = false;
  }
  // Page text often repeats the headline as its first paragraph, even after a dek.
  for (let index = bodyStart; index < Math.min(paragraphs.length, bodyStart + 2); index += 1) {
    if (title && keep[index] && sameTitle(paragraphs[index] ?? '', title)) keep[index] = false;
  }
  if (title) return title;
  const firstKept = paragraphs.find((_paragraph, index) => keep[index] && kinds[index] === 'good') ?? paragraphs.find((_paragraph, index) => keep[index]) ?? '';
  return titleFromText(firstKept);
}

// A line above the story that does not belong to it: another story's headline, a banner, a label.
// Sentence-case lines (deks, standfirsts) get the benefit of the doubt unless nothing echoes them.
function isStrayLeadingLine(line: string, kind: LineKind | undefined, opening: () => ReadonlySet<string>, titleGiven: boolean): boolean {
  if (wordCount(line) < 3) return kind !== 'good';
  const echo = support(line, opening());
  // With the title known, a headline above the story is either a variant of it or another story's.
  if (isTitleLike(line) && isTitleCase(line)) return titleGiven || echo < SUPPORTED;
  return kind === 'short' && echo < SUPPORTED / 2;
}

// After a "Related articles" or "Trending" header, the headline-like lines that follow are links too.
function markLinkSections(paragraphs: string[], kinds: LineKind[], counts: readonly number[]): void {
  for (let index = 0; index < paragraphs.length; index += 1) {
    if (!isSectionBreak(paragraphs[index] ?? '', counts[index])) continue;
    kinds[index] = 'junk';
    for (let next = index + 1; next < paragraphs.length; next += 1) {
      const line = paragraphs[next] ?? '';
      const kind = kinds[next];
      if (kind === 'junk') continue;
      const headlineLike = kind === 'short' || ((counts[next] ?? 0) < 15 && !/[.]["”’)]*$/.test(line));
      if (!headlineLike) break;
      kinds[next] = 'junk';
    }
  }
}

// A short line printed several times (an author credit on every teaser of a "Trending" list) is
// junk when any copy sits next to junk. Speaker names in an interview repeat too, but sit between
// paragraphs of speech, so they stay.
function markRepeatedFragments(paragraphs: string[], kinds: LineKind[], counts: readonly number[]): void {
  const groups = new Map<string, number[]>();
  paragraphs.forEach((paragraph, index) => {
    if (kinds[index] === 'junk' || (counts[index] ?? 0) > 8) return;
    const lower = paragraph.toLowerCase();
    // Paragraphs arrive with their spacing tidied: most have no run or other space to collapse.
    const key = SPACING.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const besideJunk = indexes.some((index) => kinds[index - 1] === 'junk' || kinds[index + 1] === 'junk');
    if (besideJunk) for (const index of indexes) kinds[index] = 'junk';
  }
}

// Fragments after the story's last paragraph are page furniture (bullets, names, link labels).
/** Removes embedded-tweet links (pic.twitter.com and t.co), searched for only where the text holds one. */
function dropTweetLinks(paragraph: string): string {
  let text = paragraph;
  if (text.includes('pic.twitter.com/')) text = text.replace(/\s*\bpic\.twitter\.com\/\w+/g, '');
  if (text.includes('://t.co/')) text = text.replace(/\s*https?:\/\/t\.co\/\w+/g, '');
  return text;
}

function dropTail(kinds: LineKind[], keep: boolean[]): void {
  let lastGood = -1;
  kinds.forEach((kind, index) => {
    if (kind === 'good' && keep[index]) lastGood = index;
  });
  for (let index = lastGood + 1; index < kinds.length; index += 1) keep[index] = false;
}

function openingStems(paragraphs: string[], keep: boolean[], bodyStart: number): Set<string> {
  const stems = new Set<string>();
  let budget = OPENING_CHARACTERS;
  for (let index = bodyStart; index < paragraphs.length && budget > 0; index += 1) {
    if (!keep[index]) continue;
    const paragraph = (paragraphs[index] ?? '').slice(0, budget);
    for (const item of contentStems(paragraph)) stems.add(item);
    budget -= paragraph.length;
  }
  return stems;
}

/** The indexes of the kept paragraphs, less repeats (up to case and spacing) of an earlier one. */
function dedupe(paragraphs: readonly string[], keep: readonly boolean[]): number[] {
  const seen = new Set<string>();
  const indexes: number[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (!keep[index]) return;
    const lower = paragraph.toLowerCase();
    // Paragraphs arrive with their spacing tidied: most have no run or other space to collapse.
    const key = SPACING.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
    if (seen.has(key)) return;
    seen.add(key);
    indexes.push(index);
  });
  return indexes;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

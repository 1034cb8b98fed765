import { contentStems, distinctContentStems, support, wordCount } from '../text/index.ts';

/** A line at least this well echoed by the story's opening belongs to the story (a title or a dek). */
export const SUPPORTED = 0.34;

/**
 * A given title tidied for display, or undefined when it is unusable: empty, or a URL slug that a
 * scraper stored instead of the headline. A trailing " | Site" or " - Site" naming the source goes.
 */
export function usableTitle(title: string | undefined, source: string | undefined): string | undefined {
  const collapsed = title?.replace(/\s+/g, ' ').trim();
  if (!collapsed) return undefined;
  if (/^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$/i.test(collapsed)) return undefined;
  const parts = collapsed.split(/\s+[|–—-]\s+/);
  const last = parts.at(-1) ?? '';
  if (parts.length > 1 && (namesSource(last, source) || /^[\w-]+\.(com|net|org|co\.uk|io|news)$/i.test(last))) {
    return parts.slice(0, -1).join(' - ');
  }
  return collapsed;
}

/** Could this leading line be a headline? A few words, no full stop at the end, not a list item. */
export function isTitleLike(line: string): boolean {
  const count = wordCount(line);
  return (
    count >= 3 &&
    count <= 30 &&
    line.length <= 250 &&
    !/\.["”’)]*$/.test(line) &&
    !/[.!?]["”’)]*\s+["“‘(]?\p{Lu}/u.test(line) &&
    !/^[-*•]\s/.test(line) &&
    !line.endsWith(':')
  );
}

/** Headline capitalisation: most longer words start with a capital ("Stock Market Surges Amid …"). */
export function isTitleCase(line: string): boolean {
  const longer = line.split(/\s+/).filter((word) => /^\p{L}[\p{L}'’-]{3,}/u.test(word));
  if (longer.length < 2) return false;
  const capitalised = longer.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / longer.length >= 0.6;
}

/** True when two lines are the same headline up to case, punctuation and small edits. */
export function sameTitle(line: string, title: string): boolean {
  const right = titleStems(title);
  if (right.size === 0) return false;
  // At least 0.8 of the line's distinct stems must be among the title's: a line with more than
  // |title| / 0.8 of them cannot be the same headline, and is not read to its end.
  const left = distinctContentStems(line, right.size / SAME_TITLE_SHARE);
  if (left === null || left.size === 0) return false;
  return shareIn(left, right) >= SAME_TITLE_SHARE && shareIn(right, left) >= SAME_TITLE_SHARE;
}

const SAME_TITLE_SHARE = 0.8;
// The title is compared with several lines of one article in turn: its stems are kept for the next call.
let lastTitle: { title: string; stems: Set<string> } | null = null;

function titleStems(title: string): Set<string> {
  if (lastTitle?.title !== title) lastTitle = { title, stems: distinctContentStems(title) ?? new Set() };
  return lastTitle.stems;
}

function shareIn(stems: ReadonlySet<string>, reference: ReadonlySet<string>): number {
  let hits = 0;
  for (const item of stems) if (reference.has(item)) hits += 1;
  return hits / stems.size;
}

/**
 * Among leading headline-like lines, the one whose content words the story's opening supports
 * best. Pages often print an unrelated headline (a ticker, a "most read" item) above the story's
 * own; the story's opening echoes its own headline. Ties go to the line nearest the story.
 */
export function pickTitle(candidates: { index: number; text: string }[], opening: ReadonlySet<string>): number | null {
  let best: { index: number; score: number } | null = null;
  for (const candidate of candidates) {
    const score = support(candidate.text, opening);
    if (!best || score >= best.score) best = { index: candidate.index, score };
  }
  return best?.index ?? null;
}

/** A title made from the story itself when it has none: its first sentence, shortened to fit. */
export function titleFromText(paragraph: string): string {
  const sentence = paragraph.match(/^.+?[.!?](?=\s+["“‘(]?\p{Lu}|$)/u)?.[0] ?? paragraph;
  if (sentence.length <= 120) return sentence.replace(/[.]$/, '');
  const cut = sentence.slice(0, 117);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 117).replace(/[,;:]$/, '')}…`;
}

function namesSource(segment: string, source: string | undefined): boolean {
  if (!source) return false;
  const letters = (text: string): string =>
    text
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.[a-z]{2,4}$/, '')
      .replace(/[^a-z0-9]/g, '');
  const segmentLetters = letters(segment);
  const sourceLetters = letters(source);
  return segmentLetters !== '' && sourceLetters !== '' && (segmentLetters.includes(sourceLetters) || sourceLetters.includes(segmentLetters));
}

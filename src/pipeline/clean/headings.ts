// Subheadings run into the text. Wire copy flattened to plain text keeps its subheadings but not
// their line breaks: "…doesn't come down." ECB MULLS RATE HIKE The euro rose on expectations…".
// Left there, the heading opens the next sentence, and a summary line or an answer quoting that
// sentence shows it. A heading here is a run of two to ten upper-case words at a sentence's start,
// followed by the sentence proper (a capitalised word), where the run reads as words, not names:
// at least half of its words are everyday English words and one of them has four letters or more
// ("OTHER DATA", "LOCKHEED BEATS STREET"), so "HSBC UK Chief Executive…", "AT&T CEO Randall…" and
// "NEW YORK Times…" stay whole. A company's legal form after the run makes it a name in capitals
// ("GENERAL ELECTRIC Co said").

import { commonWords } from '../text/index.ts';

// Sticky: tried at one sentence start. The run's words hold no lower-case letter, its last may end
// in a colon ("KEY POINTS: The index fell"); the lookahead is the sentence proper's first word.
const HEADING = /(?:\p{Lu}[\p{Lu}\p{N}&'’./-]*[ ]+){1,9}\p{Lu}[\p{Lu}\p{N}&'’./-]*:?[ ]+(?=\p{Lu}\p{Lu}?\p{Ll}|[AI] \p{Ll})/uy;
// A sentence's full stop (with closing quotes or brackets) and the spaces after it, where the next
// sentence opens in capitals. An initial's or a dotted abbreviation's full stop is none ("J. CREW",
// "U.S. STOCKS").
const SENTENCE_END = /(?<!(?:^|[\s.(])\p{Lu})[.!?]["'”’)\]>]*[ ]+(?=\p{Lu}\p{Lu}|A \p{Lu}\p{Lu})/gu;
// The label of a summary box run into the box's first sentence: "In brief Starbucks has launched…",
// "Key takeaways: Bitcoin fell…". Only labels no sentence opens with unpunctuated, before a capital
// or a figure ("In brief remarks, Powell said" is a sentence).
const BOX_LABEL =
  /^\s*(?:In [Bb]rief|IN BRIEF|In [Ss]hort|Key [Tt]akeaways|KEY TAKEAWAYS|Key [Pp]oints|KEY POINTS|TL;DR|At a [Gg]lance|AT A GLANCE|Quick [Tt]ake)(?:[ ]*[-–—:])?[ ]+(?=\p{Lu}|\p{N})/u;
const LEGAL_FORM = /^(?:Co|Cos|Corp|Corporation|Inc|Incorporated|Ltd|Limited|Plc|PLC|Group|Holdings?|LLC|LP|AG|SA|NV|SE)\b/u;
const INITIAL = /^\p{Lu}\.$/u;
const MINIMUM_WORDS = 2;
const LONG_WORD = 4;

/**
 * The length of the subheading that opens `sentence` (with the spaces after it), or 0 when it
 * opens with none.
 */
export function leadingHeadingLength(sentence: string): number {
  return headingAt(sentence, 0);
}

/**
 * The paragraph with each subheading run into it set on a line of its own: the heading, then the
 * rest. `atStart` says whether a heading may open the paragraph itself (not in a text's first
 * paragraph, where an upper-case line may be the headline). A summary box's label opening any
 * paragraph ("In brief Starbucks has launched…") is dropped.
 */
export function splitInlineHeadings(written: string, atStart: boolean): string[] {
  const cuts: Array<{ start: number; end: number }> = [];
  // A summary box's label is no heading of the text: it goes.
  const label = BOX_LABEL.exec(written)?.[0];
  const paragraph = label === undefined ? written : written.slice(label.length);
  if (atStart && label === undefined) {
    const opening = paragraph.length - paragraph.trimStart().length;
    const length = headingAt(paragraph, opening);
    if (length > 0) cuts.push({ start: opening, end: opening + length });
  }
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(paragraph); match !== null; match = SENTENCE_END.exec(paragraph)) {
    const start = SENTENCE_END.lastIndex;
    const length = headingAt(paragraph, start);
    if (length > 0) {
      cuts.push({ start, end: start + length });
      SENTENCE_END.lastIndex = start + length;
    }
  }
  if (cuts.length === 0) return [paragraph];
  const pieces: string[] = [];
  let from = 0;
  for (const { start, end } of cuts) {
    pieces.push(paragraph.slice(from, start).trim(), paragraph.slice(start, end).trim());
    from = end;
  }
  pieces.push(paragraph.slice(from).trim());
  return pieces.filter((piece) => piece !== '');
}

/** A line that is only a heading: no lower-case letter and no full stop ("ECB MULLS RATE HIKE"). */
export function isHeadingOnly(line: string): boolean {
  return !/\p{Ll}/u.test(line) && !/[.!?…]["'”’)\]]*\s*$/u.test(line);
}

function headingAt(text: string, start: number): number {
  HEADING.lastIndex = start;
  const matched = HEADING.exec(text)?.[0];
  if (matched === undefined) return 0;
  const words: Array<{ word: string; end: number }> = [];
  for (const found of matched.matchAll(/\S+/gu)) words.push({ word: found[0], end: (found.index ?? 0) + found[0].length });
  // An initial opens the sentence's first name ("…HIGH J. Crew attributes"), not the heading.
  while (INITIAL.test(words.at(-1)?.word ?? '')) words.pop();
  const length = (words.at(-1)?.end ?? 0) + 1;
  if (words.length < MINIMUM_WORDS || LEGAL_FORM.test(text.slice(start + length).trimStart())) return 0;
  const everyday = commonWords();
  let common = 0;
  let long = false;
  for (const { word } of words) {
    const bare = word
      .toLowerCase()
      .replace(/['’]s$/u, '')
      .replace(/[^\p{L}]/gu, '');
    if (!everyday.has(bare)) continue;
    common += 1;
    if (bare.length >= LONG_WORD) long = true;
  }
  return long && common * 2 >= words.length ? length : 0;
}

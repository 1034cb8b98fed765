const LIST_MARKER = /^([-*•·▪●◦–]|\d{1,2}[.)])\s/;
const TERMINAL = /[.!?…。！？:]["”’')\]]*$/;
// Sentence end followed by two or more spaces: how some dumps flatten paragraph breaks.
const DOUBLE_SPACED_BREAK = /(?<=[.!?]["”’)]?) {2,}(?=["“‘(]?[A-Z0-9])/g;
const SINGLE_SPACED_BREAK = /[.!?]["”’)]? (?=["“‘(]?[A-Z])/g;

/**
 * Splits scraped text into paragraphs. Scraped pages give one paragraph per line; dumps and
 * e-mails give blank-line-separated blocks of hard-wrapped lines, which are re-joined. A long
 * paragraph whose sentences are mostly single-spaced but broken by double spaces in places is a
 * flattened run of paragraphs and is split there.
 */
export function splitParagraphs(text: string): string[] {
  const normalised = text
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\r\n?/g, '\n');
  const paragraphs: string[] = [];
  for (const block of normalised.split(/\n[ ]*\n/)) {
    const rawLines = block.split('\n').filter((line) => line.trim() !== '');
    const width = hardWrapWidth(rawLines);
    let current = '';
    let previousLine = '';
    let softBreak = false;
    for (const rawLine of rawLines) {
      const line = rawLine.trim();
      if (current === '') current = line;
      else if (shouldJoin(previousLine, line, width, softBreak)) current += ` ${line}`;
      else {
        paragraphs.push(...splitFlattened(current));
        current = line;
      }
      previousLine = line;
      // Wrapping tools often leave the space they broke at; authors' line ends rarely keep one.
      softBreak = / $/.test(rawLine);
    }
    if (current !== '') paragraphs.push(...splitFlattened(current));
  }
  return mergeBrokenSentences(paragraphs.map(tidyInline).filter((paragraph) => paragraph !== ''));
}

// A paragraph that stops mid-sentence followed by one that carries on in lower case: markup split a
// sentence. Parts are collected and joined once, and only the last part's end is tested (it is the
// end of the paragraph built so far), so a long run of such lines stays linear.
function mergeBrokenSentences(paragraphs: string[]): string[] {
  const merged: string[][] = [];
  for (const paragraph of paragraphs) {
    const previous = merged.at(-1);
    const previousEnd = previous?.at(-1);
    const continues = /^[a-z]/.test(paragraph) && !/^[a-z]+\p{Lu}/u.test(paragraph);
    if (previous !== undefined && previousEnd !== undefined && continues && !/[.!?…:;]["”’')\]]*$/.test(previousEnd) && !LIST_MARKER.test(paragraph)) {
      previous.push(paragraph);
    } else {
      merged.push([paragraph]);
    }
  }
  return merged.map((parts) => parts.join(' '));
}

/** A wire topic code: capitals, digits and a slash in angle brackets ("<FRX/>", "<O/R>", "<GVD/EUR>"). */
const WIRE_CODE = /<[A-Z][A-Z0-9#.=^_-]{0,15}\/[A-Z0-9]{0,8}>/g;

/** Fixes that are safe on any prose: Markdown marks, runs of spaces, `( XOM.N )`, a space before a comma. */
export function tidyInline(paragraph: string): string {
  // Each rewrite runs only when the text holds what it looks for: most paragraphs need none of them.
  // Markdown left in pasted text: heading marks and bold/italic markers.
  let text = paragraph.replace(/^#{1,6}\s+/, '');
  if (text.includes('**') || text.includes('__')) text = text.replace(/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2');
  // A wire's topic codes in angle brackets ("<FRX/> Meanwhile gold fell", "oil <O/R> rose"): no words of the story.
  if (text.includes('/>') || /<[A-Z]/.test(text)) text = text.replace(WIRE_CODE, ' ');
  if (text.includes('  ')) text = text.replace(/ {2,}/g, ' ');
  if (spaceAfter(text, '(')) text = text.replace(/\( +/g, '(');
  if (spaceBefore(text, ')')) text = text.replace(/ +\)/g, ')');
  if (spaceBefore(text, ',') || spaceBefore(text, ';')) text = text.replace(/ +([,;])(?= |$)/g, '$1');
  // "prices rose.Sign up": sentences glued by a scraper that dropped the space.
  if (/\.\p{Lu}/u.test(text)) text = text.replace(/(\p{Ll}{2})\.(\p{Lu}\p{Ll}{2,})/gu, '$1. $2');
  return text.trim();
}

// Whether the text holds `mark` right after a space (as text.includes(` ${mark}`)) or right before
// one (as text.includes(`${mark} `)). Looking for the mark, far rarer than a space, is the quicker search.
function spaceBefore(text: string, mark: string): boolean {
  for (let at = text.indexOf(mark, 1); at > 0; at = text.indexOf(mark, at + 1)) if (text.charCodeAt(at - 1) === 0x20) return true;
  return false;
}

function spaceAfter(text: string, mark: string): boolean {
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) if (text.charCodeAt(at + 1) === 0x20) return true;
  return false;
}

// The width a tool wrapped a block at, or 0 when it was not wrapped: lines of similar width that
// mostly stop mid-sentence were wrapped by a tool, not by the author.
function hardWrapWidth(lines: string[]): number {
  if (lines.length < 3) return 0;
  const widest = Math.max(...lines.map((line) => line.trimEnd().length));
  if (widest > 120 || widest < 30) return 0;
  const body = lines.slice(0, -1);
  const full = body.filter((line) => line.trimEnd().length >= widest * 0.6).length;
  const open = body.filter((line) => !TERMINAL.test(line.trimEnd())).length;
  return full >= body.length * 0.7 && open >= body.length * 0.5 ? widest : 0;
}

function shouldJoin(previousLine: string, next: string, wrapWidth: number, softBreak: boolean): boolean {
  if (LIST_MARKER.test(next)) return false;
  const ended = TERMINAL.test(previousLine);
  // In a wrapped block a short line that ends a sentence ends its paragraph; a full one was just wrapped.
  if (wrapWidth > 0) return !ended || previousLine.length >= wrapWidth * 0.75;
  if (softBreak) return !ended;
  // A line that stops mid-sentence and a line that carries on in lower case are one paragraph.
  return previousLine.length >= 40 && !ended && /^[a-z(,;]/.test(next);
}

function splitFlattened(paragraph: string): string[] {
  if (paragraph.length < 250) return [paragraph];
  const doubles = paragraph.match(DOUBLE_SPACED_BREAK)?.length ?? 0;
  if (doubles === 0) return [paragraph];
  const singles = paragraph.match(SINGLE_SPACED_BREAK)?.length ?? 0;
  // An author who types two spaces after every sentence has (almost) no single-spaced breaks.
  if (singles === 0 || singles * 3 < doubles) return [paragraph];
  return paragraph
    .split(DOUBLE_SPACED_BREAK)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

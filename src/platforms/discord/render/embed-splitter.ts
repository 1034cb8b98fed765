import { TONE_MARK } from '../../../brief/index.ts';
import type { Reply, ReplyLine, SourceRef } from '../../../domain/index.ts';
import { escapedLengths, escapeLineStart, escapeMarkdown, flattenWhitespace, safeLinkUrl } from './escape.ts';

/** What the packer lays out: a run of markdown blocks under an optional embed title. */
export interface Segment {
  /** Starts a new embed with this (already escaped) title; null continues the current embed. */
  title: string | null;
  blocks: string[];
}

/** Longest one bullet may be once escaped; beyond it the text is cut at a sentence or word. */
export const LINE_LIMIT = 1_500;
const LABEL_LIMIT = 240;
const SOURCE_TITLE_LIMIT = 160;
const SOURCE_NAME_LIMIT = 60;

const MARKS = new Set(Object.values(TONE_MARK));

/**
 * Escapes untrusted text and fits it in `budget` escaped characters. Over budget, the raw text is
 * cut at the last sentence end, else the last space, else anywhere (never inside an escape or a
 * surrogate pair), and "…" marks the cut.
 */
export function escapeWithin(rawText: string, budget: number): string {
  const text = flattenWhitespace(rawText);
  const lengths = escapedLengths(text);
  if ((lengths[text.length] ?? 0) <= budget) return escapeMarkdown(text);
  if (budget < 2) return '…'.slice(0, Math.max(0, budget));
  let end = 0;
  // Largest raw prefix whose escaped form leaves room for " …".
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lengths[middle] ?? 0) <= budget - 2) low = middle;
    else high = middle - 1;
  }
  end = low;
  const room = text.slice(0, end);
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '));
  const space = room.lastIndexOf(' ');
  if (sentenceEnd > end * 0.5) end = sentenceEnd + 1;
  else if (space > end * 0.6) end = space;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${escapeMarkdown(text.slice(0, end).replace(/[\s,;:]+$/, ''))} …`;
}

function citations(sources: readonly number[]): string {
  return [...new Set(sources)].map((n) => `\\[${n}\\]`).join('');
}

function toneMark(line: ReplyLine): string {
  if (line.tone === undefined) return '';
  const label = line.label?.trimStart() ?? '';
  return MARKS.has(label.charAt(0)) ? '' : `${TONE_MARK[line.tone]} `;
}

/** One bullet: tone mark, bold label, text, citation numbers; never longer than LINE_LIMIT. */
export function renderLine(line: ReplyLine, bullet: string): string {
  const marks = citations(line.sources);
  const tone = toneMark(line);
  const label = line.label === undefined || line.label.trim() === '' ? '' : `**${escapeWithin(line.label, LABEL_LIMIT)}**`;
  const fixed = bullet.length + tone.length + label.length + (label === '' ? 0 : 3) + (marks === '' ? 0 : marks.length + 1);
  const text = line.text.trim() === '' ? '' : escapeWithin(line.text, LINE_LIMIT - fixed);
  const body = [[label, text].filter((part) => part !== '').join(' — '), marks].filter((part) => part !== '').join(' ');
  return `${bullet}${tone}${bullet === '' ? escapeLineStart(body) : body}`;
}

function formatDate(publishedAt: string | null): string | null {
  if (publishedAt === null) return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(publishedAt);
  return match?.[1] ?? null;
}

/** `[n] [Title](url) · Source · 2026-11-20`: a numbered masked link, or the bare title when the URL is unsafe. */
export function renderSource(source: SourceRef): string {
  const title = escapeWithin(source.title.trim() === '' ? '(untitled)' : source.title, SOURCE_TITLE_LIMIT);
  const url = safeLinkUrl(source.url);
  const linked = url === null ? title : `[${title}](${url})`;
  const details = [
    source.source === null || source.source.trim() === '' ? null : escapeWithin(source.source, SOURCE_NAME_LIMIT),
    formatDate(source.publishedAt),
  ];
  return [`\`[${source.n}]\` ${linked}`, ...details.filter((detail) => detail !== null)].join(' · ');
}

/**
 * The reply as segments in reading order: the title and lead, each section (a heading starts a new
 * embed), then the numbered sources.
 */
export function replySegments(reply: Reply): Segment[] {
  const segments: Segment[] = [{ title: null, blocks: [] }];
  const first = segments[0] as Segment;
  if (reply.lead !== undefined) first.blocks.push(renderLine(reply.lead, ''));
  for (const section of reply.sections) {
    const heading = section.heading.trim();
    const blocks = section.lines.map((line) => renderLine(line, '• '));
    if (heading !== '') segments.push({ title: escapeWithin(heading, 256), blocks });
    else if (segments.length === 1) first.blocks.push(...blocks);
    else segments.push({ title: null, blocks });
  }
  if (reply.sources.length > 0) segments.push({ title: 'Sources', blocks: reply.sources.map(renderSource) });
  return segments;
}

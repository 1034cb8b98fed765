import type { Reply, ReplyLine, SentimentLabel, SourceRef } from '../../../domain/index.ts';
import {
  blockTextLength,
  contextBlock,
  headerBlock,
  sectionBlock,
  shorten,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  splitText,
} from './block-splitter.ts';
import { escapeSlackLine, slackLink } from './escape.ts';

export const TONE_EMOJI: Record<SentimentLabel, string> = {
  positive: ':chart_with_upwards_trend:',
  negative: ':chart_with_downwards_trend:',
  neutral: ':white_circle:',
  mixed: ':left_right_arrow:',
};

/** Room kept in every message for the header and the footer, so packing never has to undo. */
const HEADER_RESERVE = SLACK_LIMITS.headerText;
const FOOTER_LIMIT = 1000;
/** A line longer than this is split into consecutive pieces (still whole, never truncated). */
const LINE_LIMIT = SLACK_LIMITS.sectionText - 200;
const SOURCE_TITLE_LIMIT = 300;
const SOURCE_URL_LIMIT = 2000;
const HEADING_LIMIT = 150;

interface Group {
  heading: string | null;
  lines: string[];
}

function bold(text: string): string {
  // A `*` inside would end the bold early; the look-alike keeps the label intact.
  const inner = text.replace(/\*/g, '∗').trim();
  return inner === '' ? '' : `*${inner}*`;
}

function citations(sources: readonly number[]): string {
  return sources.length === 0 ? '' : ` ${sources.map((n) => `[${n}]`).join('')}`;
}

function lineText(line: ReplyLine): string {
  const emoji = line.tone === undefined ? '' : `${TONE_EMOJI[line.tone]} `;
  const label = line.label === undefined ? '' : bold(escapeSlackLine(line.label));
  const text = escapeSlackLine(line.text);
  return `${emoji}${label}${label !== '' && text !== '' ? ' ' : ''}${text}${citations(line.sources)}`.trim();
}

function sourceLine(source: SourceRef): string {
  const title = shorten(source.title.trim() === '' ? (source.url ?? `Source ${source.n}`) : source.title, SOURCE_TITLE_LIMIT);
  const url = source.url !== null && source.url.length <= SOURCE_URL_LIMIT ? source.url : null;
  const details = [source.source, source.publishedAt?.slice(0, 10)].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  const detailText = details.length === 0 ? '' : ` · ${escapeSlackLine(shorten(details.join(', '), 200))}`;
  const linked = `[${source.n}] ${slackLink(url, title)}${detailText}`;
  // A link must never be split across blocks; one too long to fit is shown as its title alone.
  return linked.length <= LINE_LIMIT ? linked : `[${source.n}] ${slackLink(null, title)}${detailText}`;
}

function groupsOf(reply: Reply): Group[] {
  const groups: Group[] = [];
  const lead = reply.lead === undefined ? '' : lineText(reply.lead);
  if (lead !== '') groups.push({ heading: null, lines: [lead] });
  for (const section of reply.sections) {
    const heading = section.heading.trim() === '' ? null : bold(shorten(escapeSlackLine(section.heading), HEADING_LIMIT));
    groups.push({ heading, lines: section.lines.map((line) => `• ${lineText(line)}`) });
  }
  if (reply.sources.length > 0) groups.push({ heading: '*Sources*', lines: reply.sources.map(sourceLine) });
  return groups;
}

/** Packs groups of lines into messages within Slack's limits, in order, never cutting a line short. */
class Packer {
  readonly pages: SlackBlock[][] = [[]];
  private used = 0;
  private section: string | null = null;

  private get page(): SlackBlock[] {
    return this.pages[this.pages.length - 1] as SlackBlock[];
  }

  /** Blocks the page holds once the open section is closed; one is kept for the header, one for the footer. */
  private blocksAfter(extra: number): number {
    return this.page.length + (this.section === null ? 0 : 1) + extra + 2;
  }

  private closeSection(): void {
    if (this.section !== null) this.page.push(sectionBlock(this.section));
    this.section = null;
  }

  private newPage(): void {
    this.closeSection();
    this.pages.push([]);
    this.used = 0;
  }

  private fitsText(extra: number): boolean {
    return this.used + extra <= SLACK_LIMITS.messageText - HEADER_RESERVE - FOOTER_LIMIT;
  }

  addBlock(block: SlackBlock): void {
    const size = blockTextLength(block);
    if (this.page.length > 0 && (!this.fitsText(size) || this.blocksAfter(1) > SLACK_LIMITS.blocksPerMessage)) this.newPage();
    this.closeSection();
    this.page.push(block);
    this.used += size;
  }

  addGroup(group: Group): void {
    let heading = group.heading;
    for (const line of group.lines) {
      for (const piece of splitText(line, LINE_LIMIT)) {
        this.addLine(piece, heading, group.heading);
        heading = null;
      }
    }
    if (group.lines.length === 0 && heading !== null) this.addLine(heading, null, null);
    this.closeSection();
  }

  /** A line goes into the open section when it fits, else a new section, else a new message. */
  private addLine(line: string, heading: string | null, groupHeading: string | null): void {
    const withHeading = heading === null ? line : `${heading}\n${line}`;
    if (this.section !== null && this.section.length + 1 + withHeading.length <= SLACK_LIMITS.sectionText && this.fitsText(withHeading.length + 1)) {
      this.section = `${this.section}\n${withHeading}`;
      this.used += withHeading.length + 1;
      return;
    }
    const startsPage = this.page.length === 0 && this.section === null;
    if (!startsPage && (!this.fitsText(withHeading.length) || this.blocksAfter(1) > SLACK_LIMITS.blocksPerMessage)) {
      this.newPage();
      // A group that spills over says so, so the reader knows what the lines belong to.
      const again = heading ?? (groupHeading === null ? null : `${groupHeading} _(continued)_`);
      this.openSection(again === null ? line : `${again}\n${line}`);
      return;
    }
    this.closeSection();
    this.openSection(withHeading);
  }

  private openSection(text: string): void {
    this.section = text;
    this.used += text.length;
  }

  finish(): SlackBlock[][] {
    this.closeSection();
    return this.pages;
  }
}

/** The notification text: the title (with its part number) and, on the first part, the start of the lead. */
function fallbackText(reply: Reply, head: string, first: boolean): string {
  const lead = !first || reply.lead === undefined ? '' : escapeSlackLine(reply.lead.text).trim();
  if (lead === '' || head.length + 10 > SLACK_LIMITS.fallbackText) return head;
  return `${head}: ${shorten(lead, SLACK_LIMITS.fallbackText - head.length - 2)}`;
}

/**
 * A Reply (or a brief, through briefToReply) as Slack messages: a header, the lead, each section
 * as bullets, numbered source links and a footer, split into several messages in order when it
 * exceeds Slack's limits. Every string is escaped; nothing in it can mention or fake a link.
 */
export function renderSlackMessages(reply: Reply): SlackMessage[] {
  const packer = new Packer();
  const escapedTitle = escapeSlackLine(reply.title).trim();
  const title = escapedTitle === '' ? 'market-brief' : escapedTitle;
  if (reply.tone !== undefined) packer.addBlock(contextBlock(`${TONE_EMOJI[reply.tone]} Overall sentiment: ${reply.tone}`));
  for (const group of groupsOf(reply)) packer.addGroup(group);
  const pages = packer.finish().filter((page, index) => index === 0 || page.length > 0);
  const total = pages.length;
  return pages.map((page, index) => {
    const suffix = total === 1 ? '' : ` (${index + 1}/${total})`;
    const header = headerBlock(`${shorten(title, SLACK_LIMITS.headerText - suffix.length)}${suffix}`);
    const blocks = [header, ...page];
    const footer = shorten(escapeSlackLine(reply.footer ?? '').trim(), FOOTER_LIMIT);
    if (index === total - 1 && footer !== '') blocks.push(contextBlock(footer));
    const head = `${shorten(title, SLACK_LIMITS.fallbackText - suffix.length)}${suffix}`;
    return { text: fallbackText(reply, head, index === 0), blocks };
  });
}

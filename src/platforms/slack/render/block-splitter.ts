/** The few Block Kit shapes the bot sends (a subset of Slack's block reference). */
export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MarkdownTextObject {
  type: 'mrkdwn';
  text: string;
  /** true: Slack does not auto-link names or URLs in the text; our own `<url|label>` links still work. */
  verbatim?: boolean;
}

export type SlackBlock =
  | { type: 'header'; text: PlainTextObject }
  | { type: 'section'; text: MarkdownTextObject }
  | { type: 'context'; elements: MarkdownTextObject[] }
  | { type: 'divider' };

/** One chat message: blocks plus the `text` fallback for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's documented Block Kit limits, and our own margin under the total a message may carry. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextText: 3000,
  /** Slack refuses long block payloads (`msg_blocks_too_long`) somewhere past ~10,000 characters. */
  messageText: 9000,
  fallbackText: 300,
  /** A response_url takes at most five posts. */
  responsesPerCommand: 5,
} as const;

/** Characters of text a block carries (what the per-message total counts). */
export function blockTextLength(block: SlackBlock): number {
  if (block.type === 'divider') return 0;
  if (block.type === 'context') return block.elements.reduce((sum, element) => sum + element.text.length, 0);
  return block.text.text.length;
}

export function messageTextLength(message: SlackMessage): number {
  return message.blocks.reduce((sum, block) => sum + blockTextLength(block), 0);
}

/** A mrkdwn section whose text carries untrusted (already escaped) content. */
export function sectionBlock(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

export function contextBlock(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] };
}

export function headerBlock(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

/**
 * Cuts escaped mrkdwn to at most `max` characters, at a space when there is one in the last
 * quarter, never inside an entity such as `&amp;` or a surrogate pair.
 */
export function cutAt(text: string, max: number): number {
  if (text.length <= max) return text.length;
  let cut = max;
  const space = text.lastIndexOf(' ', max);
  if (space > max * 0.75) cut = space;
  const ampersand = text.lastIndexOf('&', cut - 1);
  if (ampersand !== -1 && cut - ampersand < 6 && !text.slice(ampersand, cut).includes(';')) cut = ampersand;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(cut, 1);
}

/** Splits escaped text into pieces of at most `max` characters, keeping every character, in order. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutAt(rest, max);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Shortens escaped text to `max` characters with an ellipsis (for titles and footers, never for bullets). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, cutAt(text, max - 1)).trimEnd()}…`;
}

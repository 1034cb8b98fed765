import type { APIEmbed } from 'discord.js';
import type { Reply } from '../../../domain/index.ts';
import { escapeWithin, replySegments } from './embed-splitter.ts';
import { cutPlain, sanitizePlain } from './escape.ts';

/** Discord's message limits (characters); the 6,000 total spans every embed of one message. */
export const DISCORD_LIMITS = {
  content: 2_000,
  embeds: 10,
  title: 256,
  description: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  authorName: 256,
  embedTotal: 6_000,
} as const;

/** A message body exactly as sent to Discord's REST API (channel post, webhook edit or follow-up). */
export interface DiscordMessage {
  embeds: APIEmbed[];
  /** Nothing in a message may ping anyone; set on every request, whatever the client default. */
  allowed_mentions: { parse: [] };
}

const COLOURS = { positive: 0x2ecc71, negative: 0xe74c3c, mixed: 0xf1c40f, neutral: 0x5865f2 } as const;
const FOOTER_LIMIT = 1_000;
// Room for " · part 999 of 999" after the reply's own footer.
const PART_RESERVE = 20;

/** Characters an embed counts toward the 6,000 total (title, description, fields, footer, author). */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

interface Draft {
  embeds: APIEmbed[];
  used: number;
}

/**
 * Renders a Reply as one or more Discord messages, in reading order, each within every limit.
 * Nothing is dropped: a long reply becomes several messages ("part 2 of 3" in the footer); only a
 * single bullet longer than 1,500 characters is cut, at a sentence or word, with "…".
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  const color = COLOURS[reply.tone ?? 'neutral'];
  const footerText = reply.footer === undefined ? '' : cutPlain(sanitizePlain(reply.footer), FOOTER_LIMIT);
  const messageBudget = DISCORD_LIMITS.embedTotal - footerText.length - PART_RESERVE;
  const title = escapeWithin(reply.title.trim() === '' ? 'market-brief' : reply.title, DISCORD_LIMITS.title);

  const drafts: Draft[] = [];
  let draft: Draft = { embeds: [], used: 0 };
  let embed: APIEmbed | null = null;
  // The title the next embed opens with: the reply's title first, then section headings.
  let pendingTitle: string | null = title;
  let started = false;

  const openEmbed = (firstBlock: string): void => {
    const embedTitle = pendingTitle ?? '';
    const needed = embedTitle.length + firstBlock.length;
    if (draft.embeds.length >= DISCORD_LIMITS.embeds || draft.used + needed > messageBudget) {
      drafts.push(draft);
      draft = { embeds: [], used: 0 };
    }
    embed = { color, ...(embedTitle === '' ? {} : { title: embedTitle }), description: firstBlock };
    draft.embeds.push(embed);
    draft.used += needed;
    pendingTitle = null;
    started = true;
  };

  const place = (block: string): void => {
    const current: APIEmbed | null = embed;
    const description = current?.description ?? '';
    const addition = description === '' ? block.length : block.length + 1;
    if (current !== null && description.length + addition <= DISCORD_LIMITS.description && draft.used + addition <= messageBudget) {
      current.description = description === '' ? block : `${description}\n${block}`;
      draft.used += addition;
    } else {
      openEmbed(block);
    }
  };

  for (const segment of replySegments(reply)) {
    const blocks = [...segment.blocks];
    if (blocks.length === 0) continue;
    if (segment.title !== null) {
      if (!started) {
        // Nothing placed yet: the reply title leads, and the section heading becomes a bold
        // line glued to its first bullet so it never ends an embed on its own.
        blocks[0] = `**${segment.title}**\n${blocks[0] ?? ''}`;
      } else {
        pendingTitle = segment.title;
        embed = null;
      }
    }
    for (const block of blocks) place(block);
  }
  if (draft.embeds.length === 0) draft.embeds.push({ color, title });
  drafts.push(draft);

  return drafts.map((finished, index) => {
    const parts = drafts.length > 1 ? `part ${index + 1} of ${drafts.length}` : '';
    const text = [footerText, parts].filter((part) => part !== '').join(' · ');
    const last = finished.embeds.at(-1);
    if (last !== undefined && text !== '') last.footer = { text };
    return { embeds: finished.embeds, allowed_mentions: { parse: [] } };
  });
}

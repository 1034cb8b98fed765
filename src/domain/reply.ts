import type { SentimentLabel } from './article.ts';

/** A numbered source a reply cites as [n]. */
export interface SourceRef {
  n: number;
  articleId: string;
  title: string;
  url: string | null;
  source: string | null;
  publishedAt: string | null;
}

/** One line of a section: untrusted text plus the numbers of the sources it rests on. */
export interface ReplyLine {
  /** A short bold lead-in, e.g. a headline or "Hang Seng Index ▲ 21%". */
  label?: string | undefined;
  text: string;
  sources: number[];
  tone?: SentimentLabel | undefined;
}

export interface ReplySection {
  heading: string;
  lines: ReplyLine[];
}

/**
 * The neutral answer every command returns; each platform renders it (embeds, Block Kit, text).
 * All strings may carry article text: renderers must escape them for their platform.
 */
export interface Reply {
  title: string;
  /** A short lead paragraph. */
  lead?: ReplyLine | undefined;
  sections: ReplySection[];
  sources: SourceRef[];
  /** Ephemeral replies are shown only to the user who asked. */
  visibility: 'ephemeral' | 'public';
  tone?: SentimentLabel | undefined;
  footer?: string | undefined;
}

export function textReply(title: string, lines: string[], visibility: Reply['visibility'] = 'ephemeral'): Reply {
  return {
    title,
    sections: lines.length > 0 ? [{ heading: '', lines: lines.map((text) => ({ text, sources: [] })) }] : [],
    sources: [],
    visibility,
  };
}

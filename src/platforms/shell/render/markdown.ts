import type { Reply, ReplyLine } from '../../../domain/index.ts';
import { inertText } from './text.ts';

/** Escapes Markdown syntax in untrusted text so an article cannot forge links, headings or emphasis. */
export function escapeMarkdown(text: string): string {
  return inertText(text)
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&')
    .replace(/^(\s*)([-=])/gm, '$1\\$2')
    .replace(/\n+/g, ' ');
}

function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href.replace(/[()<> ]/g, encodeURIComponent) : null;
  } catch {
    return null;
  }
}

function line(item: ReplyLine): string {
  const label = item.label === undefined ? '' : `**${escapeMarkdown(item.label)}**${item.text.trim() === '' ? '' : ': '}`;
  const cites = item.sources.map((n) => `[${n}]`).join('');
  return `${label}${escapeMarkdown(item.text)}${cites === '' ? '' : ` ${cites}`}`;
}

/** A Reply as CommonMark, e.g. for `market-brief brief --format markdown`. */
export function renderMarkdown(reply: Reply): string {
  const out: string[] = [`## ${escapeMarkdown(reply.title)}`, ''];
  if (reply.lead !== undefined) out.push(line(reply.lead), '');
  for (const section of reply.sections) {
    if (section.heading !== '') out.push(`### ${escapeMarkdown(section.heading)}`, '');
    for (const item of section.lines) out.push(`- ${line(item)}`);
    out.push('');
  }
  if (reply.sources.length > 0) {
    out.push('### Sources', '');
    for (const source of reply.sources) {
      const url = source.url === null ? null : safeUrl(source.url);
      const title = escapeMarkdown(source.title);
      const details = [source.source, source.publishedAt?.slice(0, 10)].filter((part) => typeof part === 'string' && part !== '');
      out.push(`${source.n}. ${url === null ? title : `[${title}](<${url}>)`}${details.length > 0 ? ` (${escapeMarkdown(details.join(', '))})` : ''}`);
    }
    out.push('');
  }
  if (reply.footer !== undefined) out.push(`_${escapeMarkdown(reply.footer)}_`);
  return out.join('\n').trimEnd() + '\n';
}

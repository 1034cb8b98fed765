import type { Reply, ReplyLine, SourceRef } from '../../../domain/index.ts';

/** Article text is untrusted: no terminal escape sequences or other control characters reach the screen. */
export function inertText(text: string): string {
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

function citation(sources: readonly number[]): string {
  return sources.length === 0 ? '' : ` ${sources.map((n) => `[${n}]`).join('')}`;
}

function line(item: ReplyLine): string {
  const label = item.label === undefined ? '' : `${inertText(item.label)}${item.text.trim() === '' ? '' : ': '}`;
  return `${label}${inertText(item.text)}${citation(item.sources)}`;
}

function sourceLine(source: SourceRef): string {
  const details = [source.source, source.publishedAt?.slice(0, 10)].filter((part) => part !== null && part !== undefined && part !== '');
  const link = source.url === null ? '' : ` <${inertText(source.url)}>`;
  return `  [${source.n}] ${inertText(source.title)}${details.length > 0 ? ` (${inertText(details.join(', '))})` : ''}${link}`;
}

/** A Reply as readable plain text for a terminal. */
export function renderText(reply: Reply): string {
  const out: string[] = [`== ${inertText(reply.title)} ==`];
  if (reply.lead !== undefined) out.push(line(reply.lead));
  for (const section of reply.sections) {
    out.push('');
    if (section.heading !== '') out.push(section.heading);
    for (const item of section.lines) out.push(`  • ${line(item)}`);
  }
  if (reply.sources.length > 0) {
    out.push('', 'Sources');
    for (const source of reply.sources) out.push(sourceLine(source));
  }
  if (reply.footer !== undefined) out.push('', `(${inertText(reply.footer)})`);
  return out.join('\n');
}

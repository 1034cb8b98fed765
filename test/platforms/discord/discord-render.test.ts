import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply, ReplyLine, SourceRef } from '../../../src/domain/reply.ts';
import { LINE_LIMIT } from '../../../src/platforms/discord/render/embed-splitter.ts';
import { escapeMarkdown, safeLinkUrl } from '../../../src/platforms/discord/render/escape.ts';
import { type DiscordMessage, renderReply } from '../../../src/platforms/discord/render/render.ts';
import { messageLimitProblems } from '../../support/fake-discord-limits.ts';
import type { Brief, Story } from '../../../src/domain/index.ts';

const ZWSP = '\u200B';

function descriptions(messages: DiscordMessage[]): string[] {
  return messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));
}

/** Titles and descriptions: the parts Discord renders as markdown. */
function allText(messages: DiscordMessage[]): string {
  return messages.flatMap((message) => message.embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? ''])).join('\n');
}

/** Footers render no markdown, but a mention must not even look live there. */
function footers(messages: DiscordMessage[]): string {
  return messages.flatMap((message) => message.embeds.map((embed) => embed.footer?.text ?? '')).join('\n');
}

/** Markdown Discord would act on that only the renderer may produce: links to the sources' own URLs. */
function unsafeMarkdown(text: string): string[] {
  const problems: string[] = [];
  if (/@(everyone|here)/.test(text)) problems.push('bare @everyone/@here');
  if (/(?<!\\)</.test(text)) problems.push('unescaped <');
  for (const match of text.matchAll(/(?<!\\)\]\(/g)) {
    const rest = text.slice((match.index ?? 0) + 1);
    if (!/^\(https?:\/\/[^\s()<>]+\)/.test(rest)) problems.push(`masked link to ${rest.slice(0, 40)}`);
  }
  return problems;
}

// Words that exercise every escape: markdown, mentions, links, code fences, surrogate pairs, newlines.
const hostileWord = fc.constantFrom(
  'shares',
  'rose',
  '3.5%',
  '@everyone',
  '@here',
  '<@&123>',
  '<@123>',
  '<#1>',
  '[click](http://evil)',
  '```',
  '`',
  '**',
  '__',
  '~~',
  '||',
  '# Heading',
  '> quote',
  '- item',
  '1.',
  'profit.',
  'loss!',
  'why?',
  '📈',
  '\n',
  '\t',
  '\\',
  'https://example.com/x_(y)',
  'é',
);
const hostileText = (maxWords: number) => fc.array(hostileWord, { maxLength: maxWords }).map((words) => words.join(' '));
const longText = fc.oneof(hostileText(30), hostileText(600), fc.string({ maxLength: 3_000 }), fc.constant('x'.repeat(10_000)));

const lineArbitrary: fc.Arbitrary<Omit<ReplyLine, 'label'> & { label: string | undefined }> = fc.record({
  label: fc.option(fc.oneof(hostileText(8), fc.string({ maxLength: 400 })), { nil: undefined }),
  text: longText,
  sources: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }),
  tone: fc.option(fc.constantFrom('positive', 'negative', 'neutral', 'mixed') as fc.Arbitrary<ReplyLine['tone'] & string>, { nil: undefined }),
});

const sourceArbitrary = (n: number): fc.Arbitrary<SourceRef> =>
  fc.record({
    n: fc.constant(n),
    articleId: fc.constant(`a${n}`),
    title: fc.oneof(hostileText(12), fc.string({ maxLength: 500 })),
    url: fc.option(
      fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'https://example.com/a(b)', `https://example.com/${'p'.repeat(900)}`, 'not a url')),
      { nil: null },
    ),
    source: fc.option(fc.oneof(hostileText(4), fc.string({ maxLength: 200 })), { nil: null }),
    publishedAt: fc.option(fc.constant('2026-11-20T08:00:00.000Z'), { nil: null }),
  });

const replyArbitrary: fc.Arbitrary<Reply> = fc
  .record({
    title: fc.oneof(hostileText(10), fc.string({ maxLength: 600 })),
    lead: fc.option(lineArbitrary, { nil: undefined }),
    sections: fc.array(
      fc.record({ heading: fc.oneof(fc.constant(''), hostileText(6), fc.string({ maxLength: 300 })), lines: fc.array(lineArbitrary, { maxLength: 25 }) }),
      { maxLength: 6 },
    ),
    sourceCount: fc.integer({ min: 0, max: 40 }),
    tone: fc.option(fc.constantFrom('positive', 'negative', 'neutral', 'mixed') as fc.Arbitrary<NonNullable<Reply['tone']>>, { nil: undefined }),
    footer: fc.option(fc.oneof(hostileText(10), fc.string({ maxLength: 3_000 })), { nil: undefined }),
  })
  .chain(({ sourceCount, ...rest }) =>
    fc
      .tuple(...Array.from({ length: sourceCount }, (_, index) => sourceArbitrary(index + 1)))
      .map((sources) => ({ ...rest, sources, visibility: 'public' as const })),
  );

/** Gives every line a unique marker at the front of its label (or text) so its bullet can be found. */
function tagLines(reply: Reply): { reply: Reply; markers: string[]; lines: ReplyLine[] } {
  const markers: string[] = [];
  const lines: ReplyLine[] = [];
  const tag = (line: ReplyLine): ReplyLine => {
    const marker = `Qz${markers.length}zQ`;
    markers.push(marker);
    const tagged = line.label === undefined ? { ...line, text: `${marker} ${line.text}` } : { ...line, label: `${marker} ${line.label}` };
    lines.push(tagged);
    return tagged;
  };
  const lead = reply.lead === undefined ? undefined : tag(reply.lead);
  const sections = reply.sections.map((section) => ({ ...section, lines: section.lines.map(tag) }));
  return { reply: { ...reply, ...(lead === undefined ? {} : { lead }), sections }, markers, lines };
}

describe('Reply → Discord embeds', () => {
  it('keeps every limit, every bullet (in order, with its citations) and every source, whatever the reply', () => {
    let split = 0;
    let cut = 0;
    fc.assert(
      fc.property(replyArbitrary, (generated) => {
        const { reply, markers, lines } = tagLines(generated);
        const messages = renderReply(reply);
        expect(messages.length).toBeGreaterThan(0);
        if (messages.length > 1) split += 1;
        if (descriptions(messages).some((description) => description.includes(' …'))) cut += 1;
        for (const message of messages) {
          expect(messageLimitProblems(message)).toEqual([]);
          expect(message.allowed_mentions).toEqual({ parse: [] });
          expect(message.embeds.length).toBeGreaterThan(0);
        }
        const blocks = descriptions(messages).flatMap((description) => description.split('\n'));
        let previous = -1;
        markers.forEach((marker, index) => {
          const found = blocks.filter((block) => block.includes(marker));
          expect(found, marker).toHaveLength(1);
          const position = blocks.indexOf(found[0] ?? '');
          expect(position).toBeGreaterThan(previous);
          previous = position;
          const bullet = found[0] ?? '';
          expect(bullet.length).toBeLessThanOrEqual(LINE_LIMIT + 300);
          const citations = [...new Set(lines[index]?.sources ?? [])].map((n) => `\\[${n}\\]`).join('');
          if (citations !== '') expect(bullet.endsWith(` ${citations}`), bullet.slice(-80)).toBe(true);
        });
        const sourceLines = blocks.filter((block) => /^`\[\d+\]` /.test(block));
        expect(sourceLines.map((block) => Number(/^`\[(\d+)\]`/.exec(block)?.[1]))).toEqual(reply.sources.map((source) => source.n));
        expect(unsafeMarkdown(allText(messages))).toEqual([]);
        expect(footers(messages)).not.toMatch(/@(everyone|here)|<@[&!]?\d|<#\d/);
        if (messages.length > 1) {
          messages.forEach((message, index) => expect(message.embeds.at(-1)?.footer?.text).toContain(`part ${index + 1} of ${messages.length}`));
        }
      }),
      { numRuns: 300 },
    );
    // The generator must actually exercise splitting and cutting, or the property proves little.
    expect(split).toBeGreaterThan(30);
    expect(cut).toBeGreaterThan(30);
  });

  it('defuses mentions, fake masked links and code fences from article text, and cuts a 10,000-character paragraph at a word', () => {
    const paragraph = `${'Markets moved on heavy volume and traders kept buying '.repeat(200)}end`;
    expect(paragraph.length).toBeGreaterThan(10_000);
    const reply: Reply = {
      title: 'Brief @everyone',
      sections: [
        {
          heading: 'Top stories',
          lines: [
            { label: 'Ping <@&123> and <@123> in <#1>', text: 'Read [click](http://evil) now ``` @here', sources: [1] },
            { label: 'Long', text: paragraph, sources: [1, 2] },
          ],
        },
      ],
      sources: [
        { n: 1, articleId: 'a', title: '[x](http://evil) <@&5>', url: 'https://news.example/story(1)', source: 'Wire', publishedAt: '2026-11-20T08:00:00Z' },
        { n: 2, articleId: 'b', title: 'Script', url: 'javascript:alert(1)', source: null, publishedAt: null },
      ],
      visibility: 'public',
    };
    const messages = renderReply(reply);
    const text = allText(messages);
    expect(text).toContain(`@${ZWSP}everyone`);
    expect(text).toContain(`\\<@${ZWSP}&123\\>`);
    expect(text).toContain('\\[click\\]\\(http://evil\\)');
    expect(text).toContain('\\`\\`\\`');
    expect(text).toContain(`[\\[x\\]\\(http://evil\\) \\<@${ZWSP}&5\\>](https://news.example/story%281%29)`);
    expect(text).toContain('`[2]` Script');
    expect(text).not.toContain('javascript:');
    expect(unsafeMarkdown(text)).toEqual([]);
    const long =
      descriptions(messages)
        .flatMap((description) => description.split('\n'))
        .find((block) => block.includes('**Long**')) ?? '';
    expect(long.length).toBeLessThanOrEqual(LINE_LIMIT);
    expect(long).toMatch(/(buying|traders|volume|heavy|kept|and|on|moved|Markets) … \\\[1\\\]\\\[2\\\]$/);
    for (const message of messages) expect(messageLimitProblems(message)).toEqual([]);
  });

  it('splits a long brief into several messages in order, with part numbers, colour and tone marks', () => {
    const lines: ReplyLine[] = Array.from({ length: 40 }, (_, index) => ({
      label: `Story ${index}`,
      text: `Story ${index} sentence. `.repeat(40),
      sources: [index + 1],
      tone: index % 2 === 0 ? 'positive' : 'negative',
    }));
    const reply: Reply = {
      title: 'Market brief',
      sections: [{ heading: 'Top stories', lines }],
      sources: [],
      visibility: 'public',
      tone: 'negative',
      footer: 'Offline',
    };
    const messages = renderReply(reply);
    expect(messages.length).toBeGreaterThan(2);
    expect(messages[0]?.embeds[0]?.title).toBe('Market brief');
    expect(messages.every((message) => message.embeds.every((embed) => embed.color === 0xe74c3c))).toBe(true);
    const order =
      descriptions(messages)
        .join('\n')
        .match(/\*\*Story \d+\*\*/g) ?? [];
    expect(order).toEqual(lines.map((line) => `**${line.label}**`));
    expect(descriptions(messages).join('\n')).toContain('• ▲ **Story 0**');
    expect(descriptions(messages).join('\n')).toContain('• ▼ **Story 1**');
    expect(messages.at(-1)?.embeds.at(-1)?.footer?.text).toBe(`Offline · part ${messages.length} of ${messages.length}`);
  });

  it('escapes a list marker at the start of the lead and leaves plain words alone', () => {
    const [message] = renderReply({ title: 'T', lead: { text: '- 1 dropped', sources: [] }, sections: [], sources: [], visibility: 'ephemeral' });
    expect(message?.embeds[0]?.description).toBe('\\- 1 dropped');
    expect(escapeMarkdown('Alibaba rose 3% on Monday')).toBe('Alibaba rose 3% on Monday');
  });

  it('links only http(s) URLs, with the characters that would end a masked link encoded', () => {
    expect(safeLinkUrl('https://example.com/a_(b)')).toBe('https://example.com/a_%28b%29');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('https://user:pass@example.com/')).toBeNull();
    expect(safeLinkUrl('/relative')).toBeNull();
    expect(safeLinkUrl(null)).toBeNull();
  });
});

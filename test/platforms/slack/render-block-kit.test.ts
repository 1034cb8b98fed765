import { describe, expect, it } from 'vitest';
import type { Reply, ReplyLine } from '../../../src/domain/reply.ts';
import { renderSlackMessages } from '../../../src/platforms/slack/render/render.ts';
import type { SlackBlock, SlackMessage } from '../../../src/platforms/slack/render/block-splitter.ts';
import { escapeSlackLine, slackLink } from '../../../src/platforms/slack/render/escape.ts';
import type { Story } from '../../../src/domain/index.ts';

/** Small seeded PRNG (mulberry32) so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Things an article could carry that Slack would otherwise act on. */
const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0ADMIN>',
  '<#C0GENERAL>',
  '<http://evil.example|bank.com>',
  '<https://phish.example|Click here>',
  '@channel',
  '&lt;!here&gt;',
  '*bold*',
  '```',
  '>',
  '<',
  '&',
  '|',
  '\u202e',
  '\u0007',
  '😀',
  '\n\n',
];
const WORDS = ['shares', 'rose', 'fell', 'Hang', 'Seng', 'index', 'earnings', 'BYD', 'yield', '2.1%', 'guidance', 'outlook'];

function text(next: () => number, maxWords: number): string {
  const count = 1 + Math.floor(next() * maxWords);
  const parts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const pool = next() < 0.2 ? HOSTILE : WORDS;
    parts.push(pool[Math.floor(next() * pool.length)] ?? '');
  }
  return parts.join(next() < 0.1 ? '' : ' ');
}

function randomReply(seed: number): Reply {
  const next = random(seed);
  const sourceCount = Math.floor(next() * 30);
  const sources = Array.from({ length: sourceCount }, (_, index) => ({
    n: index + 1,
    articleId: `a${index}`,
    title: text(next, next() < 0.05 ? 400 : 12),
    url: next() < 0.7 ? `https://news.example.com/${index}?a=1&b=${text(next, 2)}` : next() < 0.5 ? 'javascript:alert(1)' : null,
    source: next() < 0.5 ? text(next, 3) : null,
    publishedAt: next() < 0.5 ? '2026-03-02T08:00:00.000Z' : null,
  }));
  const line = (): ReplyLine => ({
    ...(next() < 0.6 ? { label: text(next, 8) } : {}),
    // Mostly bullets of ordinary length, sometimes one far longer than a section may hold.
    text: text(next, next() < 0.03 ? 1500 : 60),
    sources: sources.length === 0 ? [] : [1 + Math.floor(next() * sources.length)],
    ...(next() < 0.7 ? { tone: (['positive', 'negative', 'neutral', 'mixed'] as const)[Math.floor(next() * 4)] } : {}),
  });
  const sectionCount = Math.floor(next() * 6);
  return {
    title: text(next, next() < 0.1 ? 80 : 8),
    ...(next() < 0.8 ? { lead: line() } : {}),
    sections: Array.from({ length: sectionCount }, () => ({
      heading: next() < 0.3 ? '' : text(next, 5),
      lines: Array.from({ length: Math.floor(next() * (next() < 0.2 ? 120 : 12)) }, line),
    })),
    sources,
    visibility: 'public',
    ...(next() < 0.5 ? { tone: 'negative' as const } : {}),
    ...(next() < 0.7 ? { footer: text(next, 20) } : {}),
  };
}

function blockTexts(block: SlackBlock): string[] {
  if (block.type === 'divider') return [];
  if (block.type === 'context') return block.elements.map((element) => element.text);
  return [block.text.text];
}

function allText(messages: SlackMessage[]): string {
  return messages.flatMap((message) => message.blocks.flatMap(blockTexts)).join('\n');
}

/** Every `<…>` left in the output must be one of our links to an http(s) URL: no mention, no other scheme. */
function expectInert(output: string): void {
  for (const match of output.matchAll(/<([^>]*)>/g)) {
    expect(match[1]).toMatch(/^https?:\/\/[^|<>\s]+(\|[^<>]*)?$/);
  }
  expect(output).not.toMatch(/<[!@#]/);
  // A URL may contain anything percent-safe; outside the link targets no bare @channel survives.
  const withoutUrls = output.replace(/<https?:\/\/[^|>]*/g, '<');
  expect(withoutUrls).not.toMatch(/@(channel|here|everyone)\b/);
  expect(output).not.toMatch(/[\u202e\u0007]/);
}

describe('Reply → Block Kit', () => {
  it('stays within Slack limits, escapes hostile text and keeps every bullet whole and in order (500 random replies)', () => {
    let split = 0;
    for (let seed = 1; seed <= 500; seed += 1) {
      const reply = randomReply(seed);
      const messages = renderSlackMessages(reply);
      if (messages.length > 1) split += 1;
      for (const message of messages) {
        expect(message.blocks.length, `seed ${seed}`).toBeLessThanOrEqual(50);
        expect(message.text.length).toBeGreaterThan(0);
        expect(message.text.length).toBeLessThanOrEqual(300);
        expectInert(message.text);
        const header = message.blocks[0];
        expect(header?.type).toBe('header');
        let total = 0;
        for (const block of message.blocks) {
          if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
          if (block.type === 'section') expect(block.text.text.length, `seed ${seed}`).toBeLessThanOrEqual(3000);
          for (const value of blockTexts(block)) {
            expect(value.trim().length, `seed ${seed}`).toBeGreaterThan(0);
            total += value.length;
          }
        }
        expect(total, `seed ${seed}`).toBeLessThan(10_000);
      }
      const output = allText(messages);
      expectInert(output);
      // No bullet is cut short: each line's escaped text appears in full (long ones across
      // consecutive sections, so compare with section breaks and repeated headings removed), in order.
      const joined = messages
        .flatMap((message) => message.blocks.map((block) => (block.type === 'section' ? block.text.text : '')))
        .join('\n')
        .replace(/^.* _\(continued\)_$/gm, '')
        .replace(/\n/g, '');
      let position = 0;
      for (const section of reply.sections) {
        for (const line of section.lines) {
          const body = escapeSlackLine(line.text).trim();
          const at = joined.indexOf(body, position);
          expect(at, `seed ${seed}: a bullet went missing or out of order`).toBeGreaterThanOrEqual(0);
          position = at + body.length;
        }
      }
      for (const source of reply.sources) expect(output).toContain(`[${source.n}] `);
    }
    // The generator must actually exercise splitting.
    expect(split).toBeGreaterThan(20);
  });

  it('numbers the parts of a long brief in order and puts the footer on the last', () => {
    const reply: Reply = {
      title: 'Market brief',
      sections: [
        {
          heading: 'Top stories',
          lines: Array.from({ length: 60 }, (_, index) => ({ label: `Story ${index}`, text: `Story ${index} text. `.repeat(25), sources: [1] })),
        },
      ],
      sources: [{ n: 1, articleId: 'a', title: 'One', url: 'https://news.example.com/1', source: 'Wire', publishedAt: null }],
      visibility: 'public',
      footer: 'Offline extractive summaries',
    };
    const messages = renderSlackMessages(reply);
    expect(messages.length).toBeGreaterThan(2);
    messages.forEach((message, index) => {
      const header = message.blocks[0];
      expect(header?.type === 'header' && header.text.text).toBe(`Market brief (${index + 1}/${messages.length})`);
    });
    const order = [...allText(messages).matchAll(/\*Story (\d+)\*/g)].map((match) => Number(match[1]));
    expect(order).toEqual(Array.from({ length: 60 }, (_, index) => index));
    expect(allText(messages.slice(1, 2))).toContain('*Top stories* _(continued)_');
    expect(allText(messages.slice(-1))).toContain('Offline extractive summaries');
    expect(allText(messages.slice(0, -1))).not.toContain('Offline extractive summaries');
  });

  it('renders sources as numbered links with http(s) URLs only, and sentiment as emoji', () => {
    const reply: Reply = {
      title: 'HSBC & <!here> results',
      lead: { text: 'Banks rallied <@U0BOSS>.', sources: [1], tone: 'positive' },
      sections: [{ heading: 'Movers', lines: [{ label: 'HSBC ▼ 3%', text: 'Shares fell.', sources: [1, 2], tone: 'negative' }] }],
      sources: [
        {
          n: 1,
          articleId: 'a',
          title: 'Bank | <http://evil.example|bank.com> > x',
          url: 'https://news.example.com/a?x=1&y=|2>',
          source: 'Wire',
          publishedAt: '2026-03-02T08:00:00Z',
        },
        { n: 2, articleId: 'b', title: 'Script', url: 'javascript:alert(1)', source: null, publishedAt: null },
      ],
      visibility: 'public',
      tone: 'mixed',
    };
    const [message] = renderSlackMessages(reply);
    const output = allText([message as SlackMessage]);
    expect(output).toContain('HSBC &amp; &lt;!here&gt; results');
    expect(output).toContain(':chart_with_upwards_trend: Banks rallied &lt;@U0BOSS&gt;. [1]');
    expect(output).toContain('• :chart_with_downwards_trend: *HSBC ▼ 3%* Shares fell. [1][2]');
    expect(output).toContain(':left_right_arrow: Overall sentiment: mixed');
    expect(output).toContain('[1] <https://news.example.com/a?x=1&amp;y=%7C2%3E|Bank ¦ &lt;http://evil.example¦bank.com&gt; &gt; x> · Wire, 2026-03-02');
    expect(output).toContain('[2] Script');
    expect(output).not.toContain('javascript:');
    expect(message?.text).toBe('HSBC &amp; &lt;!here&gt; results: Banks rallied &lt;@U0BOSS&gt;.');
  });

  it('links only http(s) URLs and keeps a label from breaking out', () => {
    expect(slackLink('https://a.example/x|y', 'T')).toBe('<https://a.example/x%7Cy|T>');
    expect(slackLink('ftp://a.example/', 'T')).toBe('T');
    expect(slackLink('https://user:pw@a.example/', 'T')).toBe('T');
    expect(slackLink('https://a.example/', 'a|b>c')).toBe('<https://a.example/|a¦b&gt;c>');
    expect(slackLink('https://a.example/', '')).toBe('<https://a.example/>');
  });
});

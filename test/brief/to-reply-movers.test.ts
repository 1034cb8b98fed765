import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/domain/index.ts';
import { briefToReply } from '../../src/brief/to-reply.ts';

// A brief written for this test.
function brief(excerpt: string, storySentence: string): Brief {
  return {
    title: 'Markets',
    topics: [],
    window: { since: '2026-11-20T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' },
    generatedAt: '2026-11-21T00:00:00.000Z',
    overview: [],
    stories: [
      {
        headline: 'Hong Kong stocks rally',
        summary: [{ text: storySentence, sources: [1] }],
        sources: [1],
        sentiment: { label: 'positive', score: 0.5 },
        entityIds: [],
      },
    ],
    movers: [
      { entityId: 'index:hang-seng', name: 'Hang Seng Index', ticker: '^HSI', direction: 'up', figure: '21%', horizon: 'since January', excerpt, source: 1 },
    ],
    sentiment: { positive: 1, negative: 0, neutral: 0, mixed: 0 },
    sources: [{ n: 1, articleId: 'a', title: 'Hong Kong stocks rally', url: null, source: 'test', publishedAt: null }],
    articleCount: 1,
    summariser: 'extractive',
    notes: [],
  };
}

function moversSection(reply: ReturnType<typeof briefToReply>) {
  return reply.sections.find((section) => section.heading === 'Movers');
}

describe('briefToReply: movers', () => {
  it('shows the horizon after the figure', () => {
    const line = moversSection(briefToReply(brief('The Hang Seng has gained 21% since January', 'Tech shares led the gains.')))?.lines[0];
    expect(line?.label).toBe('Hang Seng Index (^HSI) ▲ 21% since January');
    expect(line?.text).toBe('The Hang Seng has gained 21% since January');
  });

  it('does not repeat a clause a story already quotes', () => {
    const line = moversSection(
      briefToReply(brief('The Hang Seng has gained 21% since January', 'Tech shares led the rally, and the Hang Seng has gained  21% since January.')),
    )?.lines[0];
    expect(line?.label).toContain('▲ 21%');
    expect(line?.text).toBe('');
    expect(line?.sources).toEqual([1]);
  });
});

describe('briefToReply: an empty window', () => {
  const empty = (since: string): Brief => ({
    ...brief('', ''),
    window: { since, until: '2026-11-21T00:00:00.000Z' },
    stories: [],
    movers: [],
    sources: [],
    articleCount: 0,
    sentiment: { positive: 0, negative: 0, neutral: 0, mixed: 0 },
  });

  it('says the hours of a day or three, and the day it starts over a longer window', () => {
    expect(briefToReply(empty('2026-11-20T00:00:00.000Z')).lead?.text).toBe('No articles in the last 24 h.');
    // A brief "--since 2023-01-10" on a store that ends earlier: not "in the last 34273 h".
    expect(briefToReply(empty('2023-01-10T00:00:00.000Z')).lead?.text).toBe('No articles since 2023-01-10.');
  });
});

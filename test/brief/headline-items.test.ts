import { describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/brief/compose.ts';
import type { BriefRequest } from '../../src/domain/index.ts';
import type { Article } from '../../src/domain/article.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

const reference = loadReferenceIndex();
const BODY =
  'The Federal Reserve left its benchmark rate unchanged on Wednesday and signalled two cuts later this year, officials said. ' +
  'Treasury yields fell after the decision as traders priced in a September cut. Stocks rose modestly into the close.';

const request = (articles: Article[], clusters?: BriefRequest['clusters']): BriefRequest => ({
  title: 'Brief',
  topics: [],
  window: { since: '2026-11-19T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' },
  articles,
  generatedAt: '2026-11-20T12:00:00.000Z',
  ...(clusters === undefined ? {} : { clusters }),
});

describe('headline items in a brief', () => {
  it('shows a headline-only item as a headline, never as a summary sentence', () => {
    const headline = makeArticle({ id: 'h', title: 'Exchange suspends trading in Acme Mining shares', text: '', kind: 'headline' });
    const brief = composeBrief(request([headline]), reference);
    expect(brief.stories).toHaveLength(1);
    expect(brief.stories[0]?.headline).toBe('Exchange suspends trading in Acme Mining shares');
    expect(brief.stories[0]?.summary).toEqual([]);
  });

  it('summarises a story led by a headline item from a report of it that has a body, citing that report', () => {
    const headline = makeArticle({ id: 'h', title: 'Fed holds rates steady', text: '', kind: 'headline', publishedAt: '2026-11-20T10:00:00.000Z' });
    const story = makeArticle({ id: 's', title: 'Fed keeps rates on hold, signals two cuts', text: BODY, url: 'https://news.example.com/fed' });
    const brief = composeBrief(request([headline, story], [{ lead: headline, articles: [headline, story] }]), reference);
    const [first] = brief.stories;
    expect(first?.headline).toBe('Fed holds rates steady');
    expect(first?.summary.length).toBeGreaterThan(0);
    const storyNumber = brief.sources.find((source) => source.articleId === 's')?.n;
    expect(first?.summary.every((sentence) => sentence.sources.includes(storyNumber ?? -1) && BODY.includes(sentence.text))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isNonNews } from '../../src/brief/non-news.ts';
import { composeBrief } from '../../src/brief/compose.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

describe('promotional and non-news items are not stories', () => {
  it('recognises webinars, sign-up pages, licence texts and project files', () => {
    expect(isNonNews({ title: 'Join our webinar on rate-cut strategies', text: 'Seats are limited.' })).toBe(true);
    expect(isNonNews({ title: 'Sign up for our free daily markets email', text: 'Get the briefing first.' })).toBe(true);
    expect(isNonNews({ title: 'LICENSE', text: 'Some text.' })).toBe(true);
    expect(isNonNews({ title: 'Terms', text: 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.' })).toBe(true);
    expect(
      isNonNews({ title: 'Markets daily', text: 'Subscribe to our newsletter for the latest. Click here to register. Follow us for updates. Prices rose.' }),
    ).toBe(true);
  });

  it('gives a stored article the same verdict each time, and an article made with a reused id its own', () => {
    const promo = { id: 'same', title: 'Markets daily', text: 'Subscribe to our newsletter. Click here to register. Prices rose.' };
    const news = { id: 'same', title: 'Markets daily', text: 'Stocks rose on Monday as bond yields eased and oil held steady.' };
    expect(isNonNews(promo)).toBe(true);
    expect(isNonNews(promo)).toBe(true);
    expect(isNonNews(news)).toBe(false);
  });

  it('keeps news, including news that mentions a newsletter or a sign-up in passing', () => {
    expect(
      isNonNews({
        title: 'Inside Asia newsletter: exporters face a stronger yen',
        text: 'Exporters fell 2% as the yen rose. Carmakers led losses. Analysts expect more pressure.',
      }),
    ).toBe(false);
    expect(
      isNonNews({ title: 'Thousands of airline staff sign up for buyouts', text: 'The airline said 17,000 staff took voluntary leave. Shares rose 3%.' }),
    ).toBe(false);
    expect(isNonNews({ title: 'Bank shares fall', text: 'Banks fell 4%. (c) 2026 Example News. All rights reserved.' })).toBe(false);
    // The call-to-action words inside longer words ("registered", "subscribers") are not calls to action.
    expect(isNonNews({ title: 'Listing', text: 'The registered shares rose. Subscribers grew.' })).toBe(false);
  });

  it('finds a call to action broken over lines, as the sentences join them', () => {
    expect(isNonNews({ title: 'Markets daily', text: 'Sign\nup for the daily email. Click here\nto join. Prices rose.' })).toBe(true);
    expect(isNonNews({ title: 'Markets daily', text: 'Sign\n\nup for the daily email. Click\n\nhere to join. Prices rose.' })).toBe(false);
  });

  it('leaves them out of a composed brief', () => {
    const promo = makeArticle({ id: 'promo', title: 'Register now: our investing webinar', text: 'Register now to save your seat. Join us live.' });
    const news = makeArticle({ id: 'news', title: 'Copper climbs to a two-year high', text: 'Copper rose 3% on supply worries.' });
    const brief = composeBrief(
      {
        title: 'T',
        topics: [],
        window: { since: '2026-11-20T00:00:00Z', until: '2026-11-21T00:00:00Z' },
        articles: [promo, news],
        generatedAt: '2026-11-21T00:00:00Z',
      },
      loadReferenceIndex(),
    );
    expect(brief.stories.map((story) => story.headline)).toEqual([news.title]);
  });
});

import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../src/domain/article.ts';
import { clusterStories } from '../../src/brief/stories.ts';
import { templateWords } from '../../src/brief/title-words.ts';
import { makeArticle } from '../support/articles.ts';

function company(slug: string, name: string): EntityMention {
  return { id: `company:${slug}`, name, type: 'company', ticker: slug.toUpperCase(), tickers: [slug.toUpperCase()], count: 2 };
}

describe('clustering compares what differs, not the template', () => {
  it('never merges serial template notes about different companies', () => {
    const names = ['Prologis', 'Citigroup', 'Acme Foods', 'Globex', 'Initech'];
    const notes = names.map((name, n) =>
      makeArticle({
        id: `n${n}`,
        title: `${name} (${name.slice(0, 3).toUpperCase()}) Stock Sinks As Market Gains: What You Should Know`,
        entities: [company(name.toLowerCase().replace(/\s/gu, ''), name)],
      }),
    );
    expect(clusterStories(notes)).toHaveLength(names.length);
  });

  it('keeps notes apart even when body-level dedupe linked them, if their companies differ', () => {
    const first = makeArticle({ id: 'a', title: 'Acme (ACM) Gains But Lags Market: What You Should Know', entities: [company('acme', 'Acme')] });
    const second = makeArticle({
      id: 'b',
      title: 'Globex (GBX) Gains But Lags Market: What You Should Know',
      entities: [company('globex', 'Globex')],
      duplicateOf: 'a',
    });
    expect(clusterStories([first, second])).toHaveLength(2);
  });

  it('never merges episodes of one TV segment without companies', () => {
    const episodes = ['tech rally fades', 'oil tanker rates', 'retail earnings week'].map((topic, n) =>
      makeArticle({ id: `e${n}`, title: `Evening Market Wrap with the Desk: ${topic}` }),
    );
    expect(templateWords(episodes.map((episode) => episode.title)).has('wrap')).toBe(true);
    expect(clusterStories(episodes)).toHaveLength(3);
  });

  it('merges same-event reports from two outlets that name the same two companies', () => {
    const gm = company('gm', 'General Motors');
    const chrysler = company('chrysler', 'Chrysler');
    const one = makeArticle({
      id: 'a',
      title: 'GM, Chrysler in merger talks: source',
      entities: [gm, chrysler],
      source: 'one',
      publishedAt: '2026-11-20T08:00:00Z',
    });
    const two = makeArticle({
      id: 'b',
      title: 'GM/Chrysler talks intensify, Europe carmakers warn',
      entities: [chrysler, gm],
      source: 'two',
      publishedAt: '2026-11-21T15:00:00Z',
    });
    expect(clusterStories([one, two]).map((story) => story.articles.length)).toEqual([2]);
  });

  it('merges same-event headlines without entities on shared distinctive words', () => {
    const one = makeArticle({ id: 'a', title: 'Treasury to unveil $250 billion bank equity plan' });
    const two = makeArticle({ id: 'b', title: 'Treasury unveils bank equity plan worth $250 billion', source: 'other' });
    expect(clusterStories([one, two])).toHaveLength(1);
  });

  it('does not take a topic word many headlines use for a template', () => {
    const titles = ['Crisis hits Asian exporters', 'Crisis seen slicing carmaker profit', 'Banks brace as crisis deepens', 'Crisis talks in Brussels'];
    expect(templateWords(titles).size).toBe(0);
  });
});

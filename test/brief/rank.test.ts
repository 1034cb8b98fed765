import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../src/domain/article.ts';
import { composeBrief } from '../../src/brief/compose.ts';
import { RANK_WEIGHTS, rankClusters } from '../../src/brief/rank.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from '../support/articles.ts';

const reference = loadReferenceIndex();
const fed: EntityMention = { id: 'central-bank:fed', name: 'Federal Reserve', type: 'central-bank', ticker: null, tickers: [], count: 3 };
const spx: EntityMention = { id: 'index:sp500', name: 'S&P 500', type: 'index', ticker: '^GSPC', tickers: ['^GSPC'], count: 1 };
const tiny: EntityMention = { id: 'company:tinyco', name: 'Tinyco', type: 'company', ticker: 'TNYC', tickers: ['TNYC'], count: 3 };

const hour = (h: number): string => new Date(Date.UTC(2026, 11, 5, h)).toISOString();

describe('story ranking by importance', () => {
  it('puts a central-bank story before a larger, newer cluster of notes about one small company', () => {
    const policy = makeArticle({ id: 'fed', title: 'Fed cuts rates by half a point', entities: [fed], publishedAt: hour(6) });
    const notes = [1, 2, 3].map((n) =>
      makeArticle({
        id: `tiny-${n}`,
        title: `Tinyco unveils new widget line, version ${n}`,
        entities: [tiny],
        source: `outlet ${n}`,
        publishedAt: hour(10 + n),
        duplicateOf: n === 1 ? null : 'tiny-1',
      }),
    );
    const ranked = rankClusters(
      [
        { lead: policy, articles: [policy] },
        { lead: notes[0]!, articles: notes },
      ],
      reference,
    );
    expect(ranked.map((cluster) => cluster.lead.id)).toEqual(['fed', 'tiny-1']);
    expect(ranked[0]!.parts['marketWide']).toBe(RANK_WEIGHTS.marketWide);
  });

  it('puts an index story before a newer company note in a composed brief, and counts coverage and recency', () => {
    const index = makeArticle({ id: 'spx', title: 'S&P 500 slides 3% as recession fears grow', entities: [spx], publishedAt: hour(2) });
    const note = makeArticle({ id: 'note', title: 'Tinyco names a new finance chief', entities: [tiny], publishedAt: hour(12) });
    const brief = composeBrief(
      { title: 'T', topics: [], window: { since: hour(0), until: hour(13) }, articles: [note, index], generatedAt: hour(13) },
      reference,
    );
    expect(brief.stories.map((story) => story.headline)).toEqual([index.title, note.title]);
    const [one, two] = [1, 2].map((n) => makeArticle({ id: `r${n}`, title: 'Tinyco names a new finance chief', source: `outlet ${n}`, publishedAt: hour(12) }));
    const covered = rankClusters([
      { lead: one!, articles: [one!, two!] },
      { lead: note, articles: [note] },
    ]);
    expect(covered[0]!.parts['outlets']).toBe(RANK_WEIGHTS.perOutlet);
    const older = rankClusters([
      { lead: note, articles: [note] },
      { lead: index, articles: [index] },
    ]).find((cluster) => cluster.lead.id === 'spx');
    expect(older!.parts['recency']).toBeCloseTo(RANK_WEIGHTS.recency * (1 - 10 / RANK_WEIGHTS.recencyHours), 5);
  });

  it('gives nothing for a passing mention of an index', () => {
    const note = makeArticle({ id: 'n', title: 'Tinyco names a new finance chief', entities: [tiny, { ...spx, count: 1 }] });
    expect(rankClusters([{ lead: note, articles: [note] }])[0]!.parts['marketWide']).toBeUndefined();
  });

  it('says "and N more stories" and how to see them when stories pass the cap', () => {
    const articles = Array.from({ length: 8 }, (_, n) =>
      makeArticle({ id: `s${n}`, title: `Distinct story number ${n} about ${['ports', 'mines', 'farms', 'ships', 'roads', 'malls', 'banks', 'mills'][n]}` }),
    );
    const brief = composeBrief(
      { title: 'T', topics: [], window: { since: hour(0), until: hour(13) }, articles, generatedAt: hour(13), maxStories: 3, moreHint: 'run the thing' },
      reference,
    );
    expect(brief.stories).toHaveLength(3);
    expect(brief.notes[0]).toBe('and 5 more stories: run the thing');
    const exact = composeBrief(
      { title: 'T', topics: [], window: { since: hour(0), until: hour(13) }, articles: articles.slice(0, 3), generatedAt: hour(13), maxStories: 3 },
      reference,
    );
    expect(exact.notes.some((note) => note.includes('more'))).toBe(false);
  });

  it('penalises a headline that is mostly a template repeated across the set', () => {
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
    const notes = names.map((name) => makeArticle({ id: name, title: `${name} Stock Sinks As Market Gains: What You Should Know` }));
    const plain = makeArticle({ id: 'plain', title: 'Copper miner wins approval for expansion' });
    const ranked = rankClusters([...notes, plain].map((article) => ({ lead: article, articles: [article] })));
    expect(ranked[0]!.lead.id).toBe('plain');
    expect(ranked[1]!.parts['template']).toBeLessThan(-1);
  });

  it('puts news before a headline labelled as analysis, opinion or a feature about the same market', () => {
    // Written for this test: the feature names the Fed and the market as often as the news does, and is newer.
    const feature = makeArticle({ id: 'feature', title: 'Special Report: How the Fed rescued Wall Street', entities: [fed], publishedAt: hour(11) });
    const news = makeArticle({ id: 'news', title: 'Fed cuts rates to support Wall Street', entities: [fed], publishedAt: hour(9) });
    const ranked = rankClusters([feature, news].map((article) => ({ lead: article, articles: [article] })));
    expect(ranked.map((cluster) => cluster.lead.id)).toEqual(['news', 'feature']);
    expect(ranked[1]!.parts['feature']).toBe(-RANK_WEIGHTS.feature);
    for (const title of [
      'FUND Q&A: Manager sees stocks fall',
      'Q&A-What does the downgrade mean?',
      'FACTBOX-Key facts on the bailout',
      'Analysis: Banks wobble',
      // Columns without a label speak in the outlet's own first person.
      'A central bank blog decries the end of Bitcoin, and We Aren’t Buying It',
      'Why we think the Fed will cut in March',
    ]) {
      const labelled = makeArticle({ id: title, title });
      expect(rankClusters([{ lead: labelled, articles: [labelled] }])[0]!.parts['feature']).toBe(-RANK_WEIGHTS.feature);
    }
    // Words that only start like a label, and fast reactions to data, are news.
    for (const title of [
      'Interview-based hiring rises',
      'Analysts see a rate cut',
      'Instant view: Payrolls beat forecasts',
      // Someone else's first person: quoted, after a speaker's name, or with a verb of saying.
      '"We are not for sale," Tinyco chief tells staff',
      "'We will act' on inflation, Fed's Powell vows",
      'Powell: we will do whatever it takes',
      'Tinyco CEO says we need more chips',
      'US stocks rise as Wall Street cheers payrolls',
    ]) {
      const plain = makeArticle({ id: title, title });
      expect(rankClusters([{ lead: plain, articles: [plain] }])[0]!.parts['feature']).toBeUndefined();
    }
  });

  it('gives no move points to a headline that asks a question', () => {
    const asked = makeArticle({ id: 'asked', title: 'Bitcoin price predictions: a 1,400% rally possible?' });
    const stated = makeArticle({ id: 'stated', title: 'Solana token surges 20% on trading frenzy' });
    const ranked = rankClusters([asked, stated].map((article) => ({ lead: article, articles: [article] })));
    const parts = (id: string) => ranked.find((cluster) => cluster.lead.id === id)?.parts ?? {};
    expect(parts('stated')['move']).toBeGreaterThan(0);
    expect(parts('asked')['move']).toBeUndefined();
  });
});

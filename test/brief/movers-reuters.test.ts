import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { findMovers } from '../../src/brief/movers.ts';
import { entityPattern } from '../../src/pipeline/index.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { hasReuters, loadReuters, reutersPath } from '../support/reuters-articles.ts';

// Real Reuters articles (../shared/data, evaluation only: read here at test time, never copied).
if (!hasReuters) console.warn(`movers-reuters.test: ${reutersPath} is absent; skipping the Reuters checks`);

const reference = loadReferenceIndex();
/** Measure words that make a percentage a result, stake, share, forecast or ratio, checked independently of the code. */
const MEASURE_NEAR =
  /\b(?:profit|revenue|earnings|net income|sales|stake|share of|market share|margin|forecast|guidance|outlook|dividend|ratio|year-on-year|from a year earlier|basis points)\b/i;
const INDEX_NOUN_AFTER = /^\s+(?:[\p{L}&-]+\s+){0,3}(?:index|indices|average)\b/iu;

describe.skipIf(!hasReuters)('movers on Reuters articles (shared data)', () => {
  const articles: Article[] = hasReuters ? loadReuters(reference, 3) : [];
  const found = articles.flatMap((article) => findMovers([article], reference, 50).map((mover) => ({ mover, article })));

  it('finds movers in many articles, each figure and its owner in the excerpt', { timeout: 240_000 }, () => {
    console.log(`[movers] ${found.length} movers from ${articles.length} Reuters articles`);
    expect(articles.length).toBeGreaterThan(500);
    expect(found.length).toBeGreaterThan(100);
    for (const { mover, article } of found) {
      expect(mover.excerpt).toContain(mover.figure);
      // The source's own words: its body, or its headline when only the headline states the move.
      expect(`${article.title} ${article.text}`.replace(/\s+/g, ' ')).toContain(mover.excerpt.replace(/\s+/g, ' '));
    }
  });

  it('no mover has a measure word near its figure', () => {
    const offending = found.filter(({ mover }) => {
      const at = mover.excerpt.indexOf(mover.figure);
      // Up to 60 characters before the figure, and after it up to 30 within its own clause ("Valero,
      // whose shares were down 3 percent, said quarterly net income fell": the income is the next clause's).
      const after = mover.excerpt.slice(at + mover.figure.length, at + mover.figure.length + 30).split(/[,;]/)[0] ?? '';
      const near = `${mover.excerpt.slice(Math.max(0, at - 60), at + mover.figure.length)}${after}`;
      return MEASURE_NEAR.test(near);
    });
    expect(offending.map(({ mover }) => `${mover.name}: ${mover.excerpt}`)).toEqual([]);
  });

  it('never credits an index with a move of a stock that is "the biggest drag/weight on" it', () => {
    const drags = found.filter(({ mover }) => /\b(?:biggest|top|largest|heaviest|next biggest)\s+(?:drag|weight|boost|support)s?\s+on\b/i.test(mover.excerpt));
    for (const { mover } of drags) expect(reference.get(mover.entityId)?.type, mover.excerpt).not.toBe('index');
  });

  it('never credits a company with the move of an index named after it, nor a percentage in basis points', () => {
    for (const { mover } of found) {
      expect(mover.figure).not.toMatch(/basis|bps|points?/i);
      const entity = reference.get(mover.entityId);
      if (entity?.type !== 'company') continue;
      const pattern = entityPattern(entity);
      if (pattern === null) continue;
      for (const match of mover.excerpt.matchAll(new RegExp(pattern.source, 'gu'))) {
        expect(INDEX_NOUN_AFTER.test(mover.excerpt.slice(match.index + match[0].length)), mover.excerpt).toBe(false);
      }
    }
  });
});

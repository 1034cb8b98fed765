import { type Article, findFigures } from '../../domain/index.ts';

const MARKET_WIDE = new Set(['index', 'central-bank', 'regulator', 'exchange']);

/**
 * How much an article matters to a market reader, 0…1: market-wide entities (an index, a central
 * bank), named listed companies, a figure in the headline, and strong sentiment each add weight.
 * A heuristic, documented so a subscription's `importance` threshold means something.
 */
export function articleImportance(article: Pick<Article, 'title' | 'entities' | 'sentiment'>): number {
  let score = 0.2;
  if (article.entities.some((entity) => MARKET_WIDE.has(entity.type))) score += 0.25;
  const listed = article.entities.filter((entity) => entity.type === 'company' && entity.ticker !== null).length;
  score += Math.min(0.15, listed * 0.05);
  if (findFigures(article.title).some((figure) => figure.kind !== 'number')) score += 0.15;
  score += Math.min(0.25, Math.abs(article.sentiment.score) * 0.5);
  return Math.round(Math.min(1, score) * 100) / 100;
}

import type { Article } from '../domain/index.ts';
import { entityNames, type ReferenceEntity } from '../pipeline/index.ts';

/**
 * How much an article is about the entity: 2 when its headline names it, 1 when it mentions it
 * more than once, 0 when it names it in passing ("…such as Coinbase, started to delist XRP"; a
 * company's results that name the S&P 500 once).
 */
export function aboutness(entity: ReferenceEntity): (article: Article) => 0 | 1 | 2 {
  const names = entityNames(entity);
  return (article) => {
    if (names?.test(article.title) ?? false) return 2;
    return (article.entities.find((mention) => mention.id === entity.id)?.count ?? 0) >= 2 ? 1 : 0;
  };
}

/** The `count` articles most about the entity (see aboutness), the newer first among equals, in their given order. */
export function mostAbout(articles: readonly Article[], entity: ReferenceEntity, count: number): Article[] {
  const degree = aboutness(entity);
  const ranked = articles.map((article, index) => ({ article, index, degree: degree(article) }));
  const chosen = [...ranked].sort((a, b) => b.degree - a.degree || a.index - b.index).slice(0, count);
  return chosen.sort((a, b) => a.index - b.index).map((entry) => entry.article);
}

import type { Article } from '../domain/index.ts';
import { entityNames, type ReferenceEntity } from '../pipeline/index.ts';

/**
 * Whether an article is about the entity rather than naming it in passing: its name in the
 * headline, or mentioned more than once ("…such as Coinbase, started to delist XRP" is not about
 * Coinbase; a company's results that name the S&P 500 once are not about the index).
 */
export function aboutEntity(entity: ReferenceEntity): (article: Article) => boolean {
  const names = entityNames(entity);
  return (article) => (names?.test(article.title) ?? false) || (article.entities.find((mention) => mention.id === entity.id)?.count ?? 0) >= 2;
}

import type { Article, EntityMention } from '../domain/index.ts';
import { entityNames, type ReferenceEntity, type ReferenceIndex } from '../pipeline/index.ts';
import type { Candidate } from './clause-subject.ts';

/**
 * Company forms a recogniser drops from an organisation's display name ("Brelliton Holdings" is
 * shown as "Brelliton"): the name followed by one of them is still that organisation.
 */
const COMPANY_FORMS = [
  'Inc',
  'Incorporated',
  'Corp',
  'Corporation',
  'Co',
  'Company',
  'Ltd',
  'Limited',
  'PLC',
  'Plc',
  'LLC',
  'AG',
  'SA',
  'NV',
  'SE',
  'SpA',
  'GmbH',
  'Group',
  'Holdings',
  'Holding',
];

/** Open-vocabulary entities seen by answers, by id and name: their names compile once. */
const OPEN_LIMIT = 5_000;
const open = new Map<string, ReferenceEntity>();

/**
 * The entity an article's mention stands for: the reference's, or for an organisation the
 * reference lacks (found from its shape and context, e.g. "Zorvath Robotics Inc") one made from
 * the mention, so its clauses have a subject and its moves an owner. A person the reference lacks
 * is left out: a person is not what moves.
 */
function entityOf(mention: EntityMention, reference: ReferenceIndex): ReferenceEntity | undefined {
  const known = reference.get(mention.id);
  if (known !== undefined || mention.type === 'person') return known;
  const key = `${mention.id}\u0000${mention.name}`;
  let made = open.get(key);
  if (made === undefined) {
    if (open.size >= OPEN_LIMIT) open.clear();
    const aliases = mention.type === 'company' ? COMPANY_FORMS.map((form) => `${mention.name} ${form}`) : [];
    made = { id: mention.id, name: mention.name, type: mention.type, ticker: mention.ticker, tickers: mention.tickers, aliases, topics: [] };
    open.set(key, made);
  }
  return made;
}

/**
 * At most this many of an article's entities (the most mentioned: the article lists them so) are
 * looked for in each clause. Real articles name fewer (p99 25, the most 68 in the 10k bench store);
 * a hostile text naming thousands would otherwise cost clauses × names, quadratic in its length.
 */
export const MAX_CANDIDATES = 50;

/** The article's entities with where their names stand, for finding who a clause is about. */
export function candidatesOf(article: Pick<Article, 'entities'>, reference: ReferenceIndex): Candidate[] {
  return article.entities.slice(0, MAX_CANDIDATES).flatMap((mention) => {
    const entity = entityOf(mention, reference);
    const names = entity === undefined ? null : entityNames(entity);
    if (names === null) return [];
    const tickers = [entity?.ticker, ...(entity?.tickers ?? [])].flatMap((ticker) => (ticker == null ? [] : [ticker.toUpperCase()]));
    return [{ id: mention.id, type: mention.type, names, tickers, name: entity?.name ?? mention.name }];
  });
}

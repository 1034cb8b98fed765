import { type EntityType, UserFacingError } from '../src/domain/index.ts';
import {
  findTopic,
  isShortNameOf,
  openEntityIds,
  type ReferenceEntity,
  type ReferenceIndex,
  suggestTopics,
  type TopicDefinition,
} from '../src/pipeline/index.ts';
import type { Store } from '../src/ports/index.ts';

function didYouMean(names: string[]): string {
  return names.length === 0 ? '' : ` Did you mean: ${names.join(', ')}?`;
}

/** A topic by slug, label or alias, or a helpful error with the closest ones. */
export function resolveTopic(query: string): TopicDefinition {
  const topic = findTopic(query);
  if (topic !== null) return topic;
  const suggestions = (/[\p{L}\p{N}]/u.test(query) ? suggestTopics(query, 5) : []).map((suggestion) => suggestion.slug);
  throw new UserFacingError(`I don't know the topic "${query}".${didYouMean(suggestions)} /topics lists them all.`);
}

/** A reference entity of the given types, or a helpful error with the closest matches. */
export function resolveEntity(reference: ReferenceIndex, query: string, types: readonly EntityType[], what: string): ReferenceEntity {
  const entity = reference.lookup(query, types);
  if (entity !== null) return entity;
  const suggestions = reference.suggest(query, types, 5).map((suggestion) => suggestion.name);
  throw new UserFacingError(`I don't know ${what} called "${query}".${didYouMean(suggestions)}`);
}

/**
 * A company of the reference, else an organisation named in stored articles that no list holds (found by
 * its shape or context at ingest, `ticker: null`), by its name or a short form of it ("zorvath" for "Zorvath
 * Robotics"); else the reference's "did you mean" error.
 */
export async function resolveCompany(reference: ReferenceIndex, store: Pick<Store, 'findStoredEntities'>, name: string): Promise<ReferenceEntity> {
  const known = reference.lookup(name, ['company']);
  if (known !== null) return known;
  // The stored name itself, its open id, or a longer stored name it is short for ("zorvath" → "Zorvath Robotics").
  const ids = openEntityIds(name);
  const candidates = await store.findStoredEntities(name, ids, ['company', 'organisation'], 10);
  const stored = candidates.find(
    (candidate) =>
      candidate.entity.name.toLowerCase() === name.trim().toLowerCase() ||
      ids.includes(candidate.entity.id) ||
      isShortNameOf(name, candidate.entity.name, reference),
  );
  // The "did you mean" suggestions (a fuzzy search of the reference) only when nothing is found.
  if (stored === undefined) return resolveEntity(reference, name, ['company'], 'a company');
  const { id, name: storedName, type, ticker } = stored.entity;
  return { id, name: storedName, type, ticker, tickers: ticker === null ? [] : [ticker], aliases: [], topics: [] };
}

export function entityTitle(entity: ReferenceEntity): string {
  const tickers = entity.tickers.length > 0 ? entity.tickers : entity.ticker === null ? [] : [entity.ticker];
  return tickers.length === 0 ? entity.name : `${entity.name} (${tickers.slice(0, 3).join(' · ')})`;
}

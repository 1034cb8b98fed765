// The mentions a text's matches add up to: one per entity, counted, most-mentioned first.
import type { EntityMention } from '../../../domain/index.ts';
import type { ReferenceEntity } from '../reference/index.ts';
import type { OpenEntity } from './open-names.ts';
import type { NameSpan } from './symbols.ts';

/** A match the recogniser is unsure of ("Target" opening a sentence): kept only if the entity is also named plainly. */
export interface Found extends NameSpan {
  weak: boolean;
  counted: boolean;
}

/** Each entity matched once at least plainly (weak matches count only beside a plain one), by count, then first seen. */
export function summarise(found: readonly Found[]): EntityMention[] {
  const strong = new Set(found.filter((match) => !match.weak).map((match) => match.entity.id));
  // Keyed by id: an open entity found in the headline and in the body is one entity.
  const mentions = new Map<string, { entity: ReferenceEntity; count: number; first: number }>();
  found.forEach((match, order) => {
    if (match.weak && !strong.has(match.entity.id)) return;
    const mention = mentions.get(match.entity.id) ?? { entity: match.entity, count: 0, first: order };
    if (match.counted) mention.count += 1;
    mentions.set(match.entity.id, mention);
  });
  return [...mentions.values()]
    .map(({ entity, count, first }) => ({ entity, count: Math.max(count, 1), first }))
    .sort((left, right) => right.count - left.count || left.first - right.first)
    .map(({ entity, count }) => {
      const mention: EntityMention = { id: entity.id, name: entity.name, type: entity.type, ticker: entity.ticker, tickers: [...entity.tickers], count };
      const { role, organisationId, organisation } = entity as OpenEntity;
      if (role !== undefined) mention.role = role;
      if (organisationId !== undefined) mention.organisationId = organisationId;
      if (organisation !== undefined) mention.organisation = organisation;
      return mention;
    });
}

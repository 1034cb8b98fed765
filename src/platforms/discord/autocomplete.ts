import type { EntityType } from '../../domain/index.ts';
import type { CommandServices, OptionSpec } from '../../dispatch/index.ts';
import { type ReferenceEntity, suggestTopics, type TopicDefinition, TOPICS } from '../../pipeline/index.ts';
import { cutPlain, sanitizePlain } from './render/index.ts';

/** One autocomplete choice as Discord takes it: name and value each 1-100 characters. */
export interface Choice {
  name: string;
  value: string;
}

export type AutocompleteKind = NonNullable<OptionSpec['autocomplete']>;

export const MAX_CHOICES = 25;
const CHOICE_LIMIT = 100;
// The store is asked for "popular lately" only while Discord's 3 s window is safe.
const STORE_DEADLINE_MS = 800;
const POPULAR_DAYS = 7;
const MARKET_TYPES: readonly EntityType[] = ['index', 'exchange', 'commodity', 'currency', 'crypto'];

function choice(name: string, value: string): Choice | null {
  const cleanValue = value.trim();
  if (cleanValue === '' || cleanValue.length > CHOICE_LIMIT) return null;
  const cleanName = cutPlain(sanitizePlain(name), CHOICE_LIMIT);
  return { name: cleanName === '' ? cleanValue : cleanName, value: cleanValue };
}

function topicChoice(topic: TopicDefinition): Choice | null {
  return choice(topic.label.toLowerCase() === topic.slug ? topic.slug : `${topic.label} (${topic.slug})`, topic.slug);
}

function entityChoice(entity: Pick<ReferenceEntity, 'name' | 'ticker'>): Choice | null {
  const label = entity.ticker === null ? entity.name : `${entity.name} (${entity.ticker})`;
  // The command resolves the value by name or ticker; the name is the less ambiguous of the two.
  return choice(label, entity.name.length <= CHOICE_LIMIT ? entity.name : (entity.ticker ?? ''));
}

async function withinDeadline<T>(work: Promise<T>, milliseconds: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), milliseconds);
  });
  try {
    return await Promise.race([work.catch(() => fallback), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// Before anything is typed, offer what the store saw most in the last week…
async function popularEntities(services: CommandServices, types: readonly EntityType[]): Promise<Choice[]> {
  const since = new Date(services.clock.now().getTime() - POPULAR_DAYS * 86_400_000).toISOString();
  const counts = await withinDeadline(services.store.entityCounts(since, 100), STORE_DEADLINE_MS, []);
  return counts
    .filter((count) => types.includes(count.entity.type))
    .map((count) => entityChoice(count.entity))
    .filter((item) => item !== null);
}

// …then the best-known names of the reference data.
function bestKnown(services: CommandServices, types: readonly EntityType[]): Choice[] {
  const picked: ReferenceEntity[] = [];
  for (const entity of services.reference.entities) {
    if ((entity.rank ?? 0) >= 3 && types.includes(entity.type)) picked.push(entity);
    if (picked.length === MAX_CHOICES) break;
  }
  return picked.map(entityChoice).filter((item) => item !== null);
}

function regionTopics(query: string, limit: number): TopicDefinition[] {
  const found = query === '' ? TOPICS : suggestTopics(query, limit * 3);
  return found.filter((topic) => topic.kind === 'region').slice(0, limit);
}

function unique(choices: readonly (Choice | null)[]): Choice[] {
  const seen = new Set<string>();
  const result: Choice[] = [];
  for (const item of choices) {
    if (item === null || seen.has(item.value)) continue;
    seen.add(item.value);
    result.push(item);
    if (result.length === MAX_CHOICES) break;
  }
  return result;
}

/**
 * Up to 25 choices for what the user has typed so far: topics from the taxonomy, companies and
 * markets from the reference data (and, before anything is typed, what the store saw most lately).
 */
export async function suggestChoices(kind: AutocompleteKind, typed: string, services: CommandServices): Promise<Choice[]> {
  const query = typed.trim().slice(0, CHOICE_LIMIT);
  if (kind === 'topic') {
    return unique((query === '' ? TOPICS : suggestTopics(query, MAX_CHOICES)).map(topicChoice));
  }
  if (kind === 'company') {
    if (query === '') return unique([...(await popularEntities(services, ['company'])), ...bestKnown(services, ['company'])]);
    return unique(services.reference.suggest(query, ['company'], MAX_CHOICES).map(entityChoice));
  }
  const entities =
    query === ''
      ? [...(await popularEntities(services, MARKET_TYPES)), ...bestKnown(services, MARKET_TYPES)]
      : services.reference.suggest(query, MARKET_TYPES, 20).map(entityChoice);
  // Entities first, but always leave room for a few regions ("hong-kong", "india").
  const regions = regionTopics(query, 5).map(topicChoice);
  return unique([...entities.slice(0, MAX_CHOICES - regions.length), ...regions, ...entities.slice(MAX_CHOICES - regions.length)]);
}

import { distance } from 'fastest-levenshtein';
import type { EntityMention, EntityType } from '../../../domain/index.ts';
import { type Token, tokenize } from '../name-keys/index.ts';
import type { ReferenceIndex } from '../reference/index.ts';
import { keywordMatcher } from './keyword-matcher.ts';
import { TOPIC_SPECS, type TopicDefinition } from './taxonomy.ts';

export type { TopicDefinition } from './taxonomy.ts';

/** The taxonomy: regions, asset classes and themes, as kebab-case slugs (see docs/reference-data.md). */
export const TOPICS: readonly TopicDefinition[] = TOPIC_SPECS.map(({ slug, label, kind, description, entityIds }) => ({
  slug,
  label,
  kind,
  description,
  entityIds,
}));

const BY_SLUG = new Map(TOPICS.map((topic) => [topic.slug, topic]));
const PARENTS = new Map(TOPIC_SPECS.map((spec) => [spec.slug, spec.parents]));
const TOPIC_OF_ENTITY = new Map<string, string[]>();
for (const spec of TOPIC_SPECS) for (const id of spec.entityIds) TOPIC_OF_ENTITY.set(id, [...(TOPIC_OF_ENTITY.get(id) ?? []), spec.slug]);

// A title hit says more than a body hit; an entity named three times says all it will.
const TITLE_WEIGHT = 3;
const MAX_COUNTED_MENTIONS = 3;
/** How much a mention of each kind of entity says about its topics: a company's sector is only a hint. */
const ENTITY_WEIGHTS: Readonly<Record<EntityType, number>> = {
  company: 0.35,
  index: 1,
  exchange: 0.8,
  'central-bank': 1,
  regulator: 1,
  commodity: 1,
  currency: 0.6,
  crypto: 1,
  // Open-vocabulary entities carry no topics of their own.
  organisation: 0,
  person: 0,
};
// A topic needs this much support, plus a little more per thousand words, so a passing mention in a long piece does not count.
const MINIMUM_SCORE = 1.8;
const EXTRA_PER_THOUSAND_WORDS = 0.5;
const PARENT_SHARE = 0.6;

/**
 * Topics of an article, most relevant first: keyword hits (whole words, title weighted) plus the topics of
 * the entities it mentions; only topics with real support are returned.
 */
export function assignTopics(
  input: { title: string; text: string; entities: readonly EntityMention[]; tokens?: { title: readonly Token[]; text: readonly Token[] } },
  index: ReferenceIndex,
): string[] {
  const scores = new Map<string, number>();
  const add = (slug: string, amount: number): void => {
    if (BY_SLUG.has(slug)) scores.set(slug, (scores.get(slug) ?? 0) + amount);
  };
  const matcher = keywordMatcher();
  matcher.scan(input.tokens?.title ?? tokenize(input.title), (hits) => hits.forEach((hit) => add(hit.slug, TITLE_WEIGHT * hit.weight)));
  const bodyTokens = input.tokens?.text ?? tokenize(input.text);
  matcher.scan(bodyTokens, (hits) => hits.forEach((hit) => add(hit.slug, hit.weight)));
  for (const mention of input.entities) {
    const entity = index.get(mention.id);
    const topics = new Set([...(entity?.topics ?? []), ...(TOPIC_OF_ENTITY.get(mention.id) ?? [])]);
    const weight = ENTITY_WEIGHTS[mention.type] * Math.min(mention.count, MAX_COUNTED_MENTIONS);
    for (const slug of topics) add(slug, weight);
  }
  const needed = MINIMUM_SCORE + (EXTRA_PER_THOUSAND_WORDS * bodyTokens.length) / 1000;
  const chosen = new Map([...scores].filter(([, score]) => score >= needed));
  // A region implies its wider region (china → asia), at a share of its support.
  for (const [slug, score] of [...chosen]) {
    for (const parent of PARENTS.get(slug) ?? []) chosen.set(parent, Math.max(chosen.get(parent) ?? scores.get(parent) ?? 0, score * PARENT_SHARE));
  }
  return [...chosen].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0])).map(([slug]) => slug);
}

/** Normalised form of a topic name a user typed: "M&A" → "m and a", "Hong-Kong" → "hong kong", "U.S." → "us". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/^#/, '')
    .replace(/['’.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const NAMES: Array<{ name: string; topic: TopicDefinition; weight: number }> = TOPIC_SPECS.flatMap((spec) => {
  const topic = BY_SLUG.get(spec.slug) as TopicDefinition;
  return [
    { name: normalise(spec.slug), topic, weight: 3 },
    { name: normalise(spec.label), topic, weight: 3 },
    ...spec.aliases.map((alias) => ({ name: normalise(alias), topic, weight: 2 })),
  ];
});
const EXACT = new Map<string, TopicDefinition>();
for (const entry of NAMES) if (!EXACT.has(entry.name)) EXACT.set(entry.name, entry.topic);

/** The topic a user means by a slug, label or common alias ("HK", "Hong Kong", "monetary policy", "rates"); null if none. */
export function findTopic(query: string): TopicDefinition | null {
  return EXACT.get(normalise(query)) ?? null;
}

/** Topics closest to a partial or misspelt query, best first: exact, then prefix, then word prefix, then fuzzy. */
export function suggestTopics(query: string, limit = 10): TopicDefinition[] {
  const wanted = normalise(query);
  const scores = new Map<TopicDefinition, number>();
  const offer = (topic: TopicDefinition, score: number): void => {
    if (score > (scores.get(topic) ?? -Infinity)) scores.set(topic, score);
  };
  if (wanted === '') return TOPICS.slice(0, limit);
  const exact = EXACT.get(wanted);
  if (exact !== undefined) offer(exact, 1_000);
  for (const { name, topic, weight } of NAMES) {
    if (name.startsWith(wanted)) offer(topic, 500 + 10 * weight - name.length);
    else if (name.split(' ').some((word) => word.startsWith(wanted))) offer(topic, 300 + 10 * weight - name.length);
    else if (wanted.length >= 3) {
      const edits = distance(wanted, name.slice(0, Math.max(wanted.length, Math.min(name.length, wanted.length + 1))));
      const budget = wanted.length <= 4 ? 1 : 2;
      if (edits <= budget) offer(topic, 100 - 20 * edits + weight);
    }
  }
  return [...scores]
    .sort((left, right) => right[1] - left[1] || left[0].slug.localeCompare(right[0].slug))
    .slice(0, limit)
    .map(([topic]) => topic);
}

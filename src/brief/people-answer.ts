import type { Article } from '../domain/index.ts';

export interface PersonLine {
  text: string;
  article: Article;
}

const MAX_PEOPLE = 3;

/**
 * For a "who ..." question: the people with roles stored with the retrieved articles, at the organisations the
 * question names when it names any, those whose role the question uses first ("who is the governor of ...").
 */
export function peopleAnswer(question: string, articles: readonly Article[], organisationIds: readonly string[]): PersonLine[] {
  if (!/^\s*who\b/i.test(question)) return [];
  const asked = question.toLowerCase();
  const found = new Map<string, PersonLine & { roleAsked: boolean }>();
  for (const article of articles) {
    for (const mention of article.entities) {
      if (mention.type !== 'person' || mention.role === undefined || found.has(mention.id)) continue;
      if (organisationIds.length > 0 && (mention.organisationId === undefined || !organisationIds.includes(mention.organisationId))) continue;
      const role = mention.organisation === undefined ? mention.role : `${mention.role}, ${mention.organisation}`;
      found.set(mention.id, { text: `${mention.name}: ${role}`, article, roleAsked: mention.role.split(' ').some((word) => asked.includes(word)) });
    }
  }
  return [...found.values()]
    .sort((left, right) => Number(right.roleAsked) - Number(left.roleAsked))
    .slice(0, MAX_PEOPLE)
    .map(({ text, article }) => ({ text, article }));
}

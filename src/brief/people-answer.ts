import type { Article } from '../domain/index.ts';

export interface PersonLine {
  text: string;
  article: Article;
}

const MAX_PEOPLE = 3;

/**
 * For a "who ..." question: the people with roles stored with the retrieved articles, at the organisations the
 * question names when it names any, those whose role the question names first ("who is the governor of ..."):
 * a role the question writes out in full before one it only shares a word with, so "who is the Bank of Japan
 * governor" lists the governor before a deputy governor, and "who is the deputy governor" the deputy first.
 */
export function peopleAnswer(question: string, articles: readonly Article[], organisationIds: readonly string[]): PersonLine[] {
  if (!/^\s*who\b/i.test(question)) return [];
  const asked = words(question);
  const found = new Map<string, PersonLine & { match: number }>();
  for (const article of articles) {
    for (const mention of article.entities) {
      if (mention.type !== 'person' || mention.role === undefined || found.has(mention.id)) continue;
      if (organisationIds.length > 0 && (mention.organisationId === undefined || !organisationIds.includes(mention.organisationId))) continue;
      const role = mention.organisation === undefined ? mention.role : `${mention.role}, ${mention.organisation}`;
      found.set(mention.id, { text: `${mention.name}: ${role}`, article, match: roleMatch(asked, words(mention.role)) });
    }
  }
  // A stable sort: people whose roles match equally keep the order of the articles.
  return [...found.values()]
    .sort((left, right) => right.match - left.match)
    .slice(0, MAX_PEOPLE)
    .map(({ text, article }) => ({ text, article }));
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * How closely the question names this role: the role's words in a row in the question score 2 plus the role's
 * length (the more specific role asked for wins), some of its words 1, none 0.
 */
function roleMatch(asked: readonly string[], role: readonly string[]): number {
  if (role.length === 0) return 0;
  for (let start = 0; start + role.length <= asked.length; start += 1) {
    if (role.every((word, offset) => asked[start + offset] === word)) return 2 + role.length;
  }
  return role.some((word) => asked.includes(word)) ? 1 : 0;
}

import type { Article } from '../../src/domain/article.ts';
import { makeArticle } from '../support/articles.ts';

// Invented companies and places: the tests' own writing, so no real figure can be confused with them.
const FIRST = ['Quillon', 'Marrowby', 'Tessaly', 'Brightwater', 'Kestrelle', 'Orvane', 'Pellham', 'Sorrento', 'Vantrell', 'Ashgrove', 'Corvina', 'Delmora'];
const SECOND = ['Freight', 'Foods', 'Minerals', 'Robotics', 'Textiles', 'Shipping', 'Biotech', 'Ceramics'];
const CITIES = ['Lisbon', 'Osaka', 'Perth', 'Denver', 'Porto', 'Quebec', 'Tallinn', 'Bergen'];
const BANKS = ['Harrow Partners', 'Northgate Securities', 'Blue Fen Capital', 'Mallory Research'];
// Headline words drawn so no two of the first 900 stories share three of them (12, 7, 11 and 40 leave no common period below 840).
const VERBS = ['lifts', 'beats', 'tops', 'clears', 'raises', 'lands', 'posts'];
const NOUNS = ['forecast', 'estimates', 'guidance', 'targets', 'outlook', 'expectations', 'consensus', 'projections', 'budget', 'plans', 'goals'];

/** The invented company of story `k`. */
export function companyOf(story: number): string {
  return `${FIRST[story % FIRST.length]} ${SECOND[Math.floor(story / FIRST.length) % SECOND.length]}`;
}

/**
 * `stories` distinct stories, each told by `reports` outlets (same event, different wording and
 * figures of detail), newest first. Reports of one story share a headline the offline clusterer groups.
 */
export function storyWorld(stories: number, reports: number, options: { extra?: (story: number, report: number) => string } = {}): Article[] {
  const articles: Article[] = [];
  for (let story = 0; story < stories; story += 1) {
    const company = companyOf(story);
    const growth = 10 + (story % 40);
    for (let report = 0; report < reports; report += 1) {
      const id = `s${story}r${report}`;
      const text = [
        `${company} said quarterly revenue rose ${growth}% to $${story + 1}.${report + 1} billion, ahead of what analysts had expected.`,
        `The company, based in ${CITIES[story % CITIES.length]}, also raised its outlook for the full year after strong demand from customers.`,
        `Analysts at ${BANKS[report % BANKS.length]} said the results showed steady growth in its main markets.`,
        `Shares of ${company} gained ${2 + report}% in early trading after the announcement.`,
        options.extra?.(story, report) ?? '',
      ]
        .join(' ')
        .trim();
      articles.push(
        makeArticle({
          id,
          title: `${company} ${VERBS[story % VERBS.length]} ${NOUNS[story % NOUNS.length]}, up ${growth}%`,
          text,
          source: `Outlet ${report + 1}`,
          contentHash: `hash-${id}-${text.length}`,
          publishedAt: new Date(Date.UTC(2026, 10, 20, 8, 0) - (story * reports + report) * 60_000).toISOString(),
          sentiment: { label: 'positive', score: 0.4 },
        }),
      );
    }
  }
  return articles;
}

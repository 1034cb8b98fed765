import type { Article, StoryCluster } from '../domain/index.ts';

/** Articles that tell one story: the lead (first original) and everything folded into it. */
const STOPWORDS = new Set(
  'a an the and or of to in on for at by with from as is are was were be has have had its it this that after amid over into up down says said new'.split(
    ' ',
  ),
);

const SAME_EVENT_MS = 72 * 3_600_000;

function titleWords(title: string): Set<string> {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length > 1 && !STOPWORDS.has(word)));
}

function jaccard(a: Set<string>, b: Set<string>): { score: number; shared: number } {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return { score: union === 0 ? 0 : shared / union, shared };
}

function topEntities(article: Article, count: number): string {
  return article.entities
    .slice(0, count)
    .map((entity) => entity.id)
    .sort()
    .join('|');
}

/**
 * Groups articles into stories: near-duplicates by their `duplicateOf` link, then reports of the
 * same event from different outlets (published within three days of each other) by headline
 * overlap or the same two leading entities.
 * Greedy and linear in the number of stories, which stays small within a brief's window.
 */
export function clusterStories(articles: readonly Article[]): StoryCluster[] {
  const byRoot = new Map<string, Article[]>();
  for (const article of articles) {
    const root = article.duplicateOf ?? article.id;
    const group = byRoot.get(root);
    if (group === undefined) byRoot.set(root, [article]);
    else group.push(article);
  }
  const clusters: Array<StoryCluster & { words: Set<string>; entityKey: string; at: number }> = [];
  for (const [root, group] of byRoot) {
    const lead = group.find((article) => article.id === root) ?? group[0];
    if (lead === undefined) continue;
    const words = titleWords(lead.title);
    const entityKey = lead.entities.length >= 2 ? topEntities(lead, 2) : '';
    const at = Date.parse(lead.publishedAt ?? lead.ingestedAt);
    const match = clusters.find((cluster) => {
      // Reports of one event come out within days of each other; the same names weeks apart are a new story.
      if (Math.abs(at - cluster.at) > SAME_EVENT_MS) return false;
      const overlap = jaccard(words, cluster.words);
      if (overlap.score >= 0.4 && overlap.shared >= 3) return true;
      return entityKey !== '' && entityKey === cluster.entityKey && overlap.shared >= 2;
    });
    if (match === undefined) clusters.push({ lead, articles: [...group], words, entityKey, at });
    else match.articles.push(...group);
  }
  return clusters.map(({ lead, articles: members }) => ({ lead, articles: members }));
}

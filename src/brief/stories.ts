import type { Article, StoryCluster } from '../domain/index.ts';
import { moveDirectionsIn } from './move-grammar.ts';
import { templateWords, titleWords } from './title-words.ts';

const SAME_EVENT_MS = 72 * 3_600_000;
/** Leading entities compared between two reports: the companies they are about. */
const LEADING = 3;

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { score: number; shared: number } {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return { score: union === 0 ? 0 : shared / union, shared };
}

function leadingCompanies(article: Article): Set<string> {
  return new Set(
    article.entities
      .filter((entity) => entity.type === 'company')
      .slice(0, LEADING)
      .map((entity) => entity.id),
  );
}

/** Two reports about different companies are different stories, however alike their headlines. */
function differentCompanies(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const id of a) if (b.has(id)) return false;
  return true;
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const id of a) if (b.has(id)) shared += 1;
  return shared;
}

/** Distinctive headline words two reports must share to be one story. */
const MIN_SHARED = 3;

/** Positions of the clusters sharing at least MIN_SHARED of `words`, in the order they were made. */
function candidates(words: ReadonlySet<string>, byWord: ReadonlyMap<string, readonly number[]>): number[] {
  const shared = new Map<number, number>();
  for (const word of words) for (const position of byWord.get(word) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
  const found: number[] = [];
  for (const [position, count] of shared) if (count >= MIN_SHARED) found.push(position);
  return found.sort((a, b) => a - b);
}

/**
 * A headline's measured figures: a percentage or an amount with its currency or its unit ("30%",
 * "$250M", "$45 Million", "$1,300"), normalised ("$250m"). The same company with the same figure in
 * its headlines within days is one event told in other words ("Kraken Cuts 30% of Workforce" /
 * "Kraken Lays Off 30% of Staff"); a bare number ("Chapter 11", "10 Days", a date) is no figure.
 */
const FIGURE = /([$€£¥])?(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|pct\b|[kmb]n?\b|million\b|billion\b|trillion\b)?/giu;
const UNIT: Readonly<Record<string, string>> = { percent: '%', pct: '%', mn: 'm', million: 'm', bn: 'b', billion: 'b', trillion: 't' };

/** "Apple Jumps 5%" and "Apple Falls 5%" two days later are two moves, not one story. */
function oppositeMoves(a: ReadonlySet<'up' | 'down'>, b: ReadonlySet<'up' | 'down'>): boolean {
  return a.size === 1 && b.size === 1 && [...a][0] !== [...b][0];
}

/** The entities a headline names itself (by the first word of their name), any type: "Kraken", "Sam Bankman-Fried". */
function headlineEntities(article: Article): Set<string> {
  const words = titleWords(article.title);
  const named = new Set<string>();
  for (const entity of article.entities) {
    const first = entity.name.toLowerCase().match(/[\p{L}\p{N}]+/u)?.[0];
    if (first !== undefined && first.length >= 3 && words.has(first)) named.add(entity.id);
  }
  return named;
}

function figuresOf(title: string): Set<string> {
  const figures = new Set<string>();
  for (const [, currency = '', number = '', unit = ''] of title.matchAll(FIGURE)) {
    if (currency === '' && unit === '') continue;
    const lower = unit.toLowerCase();
    figures.add(`${currency}${number.replace(/,/g, '')}${UNIT[lower] ?? lower}`);
  }
  return figures;
}

/** Files the cluster at `position` under each of its keys. */
function indexUnder(index: Map<string, number[]>, keys: Iterable<string>, position: number): void {
  for (const key of keys) {
    const list = index.get(key);
    if (list === undefined) index.set(key, [position]);
    else list.push(position);
  }
}

interface Draft extends StoryCluster {
  words: Set<string>;
  companies: Set<string>;
  figures: Set<string>;
  named: Set<string>;
  /** The directions its headline's move words point. */
  moves: Set<'up' | 'down'>;
  at: number;
}

/**
 * Groups articles into stories: near-duplicates by their `duplicateOf` link, then reports of the
 * same event from different outlets (published within three days of each other).
 * What is compared is what differs between headlines: the words a set of headlines repeats as a
 * template ("…: What You Should Know", a TV segment's name) are left out, and two reports whose
 * leading companies differ never merge, even when near-duplicate bodies linked them.
 * Reports merge on enough shared distinctive headline words, on two shared leading companies
 * plus a shared distinctive word ("GM, Chrysler in merger talks" / "GM/Chrysler talks intensify"),
 * or on an entity both headlines name with a measured figure both state ("Kraken Cuts 30% of
 * Workforce" / "Kraken Lays Off 30% of Staff"); headlines moving opposite ways never merge.
 * Greedy: a report is compared only with the stories sharing three distinctive headline words with it
 * (found through an index by word), so a brief over hundreds of reports compares few pairs.
 */
export function clusterStories(articles: readonly Article[]): StoryCluster[] {
  const template = templateWords(articles.map((article) => article.title));
  const distinct = (article: Article): Set<string> => new Set([...titleWords(article.title)].filter((word) => !template.has(word)));
  const byId = new Map(articles.map((article) => [article.id, article]));
  const byRoot = new Map<string, Article[]>();
  for (const article of articles) {
    const root = article.duplicateOf === null ? undefined : byId.get(article.duplicateOf);
    // A body-level near-duplicate of a note about another company is a template, not the same story.
    const unrelated = root !== undefined && differentCompanies(leadingCompanies(article), leadingCompanies(root));
    const key = unrelated ? article.id : (article.duplicateOf ?? article.id);
    const group = byRoot.get(key);
    if (group === undefined) byRoot.set(key, [article]);
    else group.push(article);
  }
  const clusters: Draft[] = [];
  // Clusters by headline word: only a cluster sharing MIN_SHARED words with a report can take it,
  // so only those are compared (the first that matches, in the order the clusters were made).
  const byWord = new Map<string, number[]>();
  // Clusters by the entities their headline names, for the same-figure rule (figuresOf).
  const byNamed = new Map<string, number[]>();
  for (const [root, group] of byRoot) {
    const lead = group.find((article) => article.id === root) ?? group[0];
    if (lead === undefined) continue;
    const words = distinct(lead);
    const companies = leadingCompanies(lead);
    const figures = figuresOf(lead.title);
    const moves = moveDirectionsIn(lead.title);
    const named = figures.size === 0 ? new Set<string>() : headlineEntities(lead);
    const at = Date.parse(lead.publishedAt ?? lead.ingestedAt);
    const found = candidates(words, byWord);
    for (const id of named) found.push(...(byNamed.get(id) ?? []));
    const match = [...new Set(found)]
      .sort((a, b) => a - b)
      .map((position) => clusters[position])
      .find((cluster) => {
        if (cluster === undefined) return false;
        // Reports of one event come out within days of each other; the same names weeks apart are a new story.
        if (Math.abs(at - cluster.at) > SAME_EVENT_MS) return false;
        if (differentCompanies(companies, cluster.companies) || oppositeMoves(moves, cluster.moves)) return false;
        const common = overlap(words, cluster.words);
        if (common.score >= 0.4 && common.shared >= MIN_SHARED) return true;
        if (sharedCount(named, cluster.named) >= 1 && sharedCount(figures, cluster.figures) >= 1) return true;
        return sharedCount(companies, cluster.companies) >= 2 && common.shared >= MIN_SHARED;
      });
    if (match !== undefined) {
      match.articles.push(...group);
      continue;
    }
    indexUnder(byWord, words, clusters.length);
    indexUnder(byNamed, named, clusters.length);
    clusters.push({ lead, articles: [...group], words, companies, figures, named, moves, at });
  }
  return clusters.map(({ lead, articles: members }) => ({ lead, articles: members }));
}

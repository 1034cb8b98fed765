import { type Article, findFigures, type StoryCluster } from '../domain/index.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';
import { templateWords, titleWords } from './title-words.ts';

/**
 * What makes a story matter to a trading desk, as points added to its score (see docs/ranking.md).
 * Size and recency count, but less than what the story is about: a central-bank or index story
 * outranks a larger, newer cluster of notes about one small company.
 */
export const RANK_WEIGHTS = {
  /**
   * An index, central bank, regulator or exchange the lead is about: named in its headline or
   * mentioned at least `marketWideMentions` times (half the points at one mention fewer; a passing
   * "a Dow component" earns nothing).
   */
  marketWide: 3,
  marketWideMentions: 3,
  /** Headline about policy, macro data or the whole market (rates, jobs, bailout, Wall Street…). */
  macroHeadline: 2.5,
  /** A commodity, currency or crypto asset among the entities, or named in the headline. */
  assets: 1,
  /** Best-known company named (reference rank 3: curated big name; rank 2 counts half). */
  megaCap: 1,
  /** A money figure in billions or trillions in the headline (a rescue, a deal, a loss of that size). */
  bigMoney: 0.5,
  /** Per percentage point of the largest % figure in the headline, capped at `moveCap`. */
  movePerPoint: 0.15,
  moveCap: 1,
  /** Per distinct outlet beyond the first, capped at `outletCap`. */
  perOutlet: 1,
  outletCap: 2,
  /** Per doubling of the number of reports, capped at `sizeCap`. */
  perDoubling: 0.5,
  sizeCap: 1,
  /** Newest in the set: full points; falls linearly to 0 at `recencyHours` older. */
  recency: 1,
  recencyHours: 24,
  /** Subtracted in proportion to the share of headline words that are a template repeated across the set. */
  template: 2,
  /** Subtracted for a headline labelled as analysis, opinion or a feature ("Analysis: …", "Special Report: …"), or written in the first person. */
  feature: 2.5,
} as const;

/**
 * A headline's opening label (kicker) that marks analysis, opinion, explainers and long-form
 * features: worth reading, but not the news a desk acts on first. "Instant view" and "Poll" (fast
 * reactions to data) are news and carry no such label here.
 */
const FEATURE_KICKER = new RegExp(
  String.raw`^\s*(?:RPT\s*-\s*|\p{Lu}+\s+)?` + // "RPT-ANALYSIS-…", "FUND Q&A: …"
    String.raw`(?:special\s+report|insight|analysis|news\s+analysis|column|commentary|opinion|breakingviews|feature|factbox|fact\s+box|timeline|explainer|interview|profile|graphic|editorial|q\s*[+&]\s*a|the\s+big\s+picture)` +
    // The label ends at a colon, a bar or a dash: "Analysis: …", "FACTBOX-Key facts", "Q&A-What does …".
    String.raw`(\s*[:|—–]|\s+-|-)`,
  'iu',
);

/** Whether a headline opens with a feature label; a dash right after the word must start a new capitalised phrase ("Interview-based" is a word). */
function isFeature(title: string): boolean {
  const label = FEATURE_KICKER.exec(title);
  if (label === null) return false;
  return label[1] !== '-' || /^\s*\p{Lu}/u.test(title.slice(label.index + label[0].length));
}

/** Quoted words: "'We will act,' says Powell" is a quote, not the outlet's own voice. */
const QUOTED = /"[^"]*"|“[^”]*”|(?<=^|\s)['‘][^'’]*['’](?=[\s,.:;!?]|$)/gu;
// "We" and "let's" only: "My" and "Our" open names too ("My Neighbor Alice", a game's token).
const FIRST_PERSON = /\b(?:[Ww]e|[Ww]e['’](?:re|ve|ll|d)|[Ll]et['’]s)\b/u;
/** A speaker named before a colon ("Powell: we will act") or a verb of saying: someone else's words. */
const ATTRIBUTED = /:|\b(?:says?|said|tells?|told|warns?|urges?)\b/iu;

/**
 * Whether a headline speaks in the outlet's own first person ("… and We Aren't Buying It", "Why
 * we think the Fed will cut"): a column or an opinion without a label, not the news.
 */
function speaksForItself(title: string): boolean {
  const unquoted = title.replace(QUOTED, ' ');
  return FIRST_PERSON.test(unquoted) && !ATTRIBUTED.test(unquoted);
}

const MARKET_WIDE = new Set(['index', 'central-bank', 'regulator', 'exchange']);
const ASSETS = new Set(['commodity', 'currency', 'crypto']);

/** Headline words of policy, macro data and market-wide moves (lower case, whole words). */
const MACRO = new Set(
  (
    'fed federal reserve ecb boj boe pboc snb central rate rates interest inflation deflation cpi gdp payrolls jobless ' +
    'unemployment jobs recession economy economic bailout bailouts rescue stimulus treasury treasuries bond bonds yields ' +
    'intervention imf g7 g20 g24 crisis stocks equities wall dow nasdaq nikkei ftse dax hang seng sensex index indices ' +
    'markets tariffs tariff default downgrade liquidity bank banks bails bailed guarantee guarantees summit regulation'
  ).split(' '),
);
const ASSET_WORDS = new Set('oil crude gold silver copper dollar euro yen yuan sterling pound fx currency currencies bitcoin opec'.split(' '));

export interface RankedCluster extends StoryCluster {
  score: number;
  /** Points per component, for tests and for `--format json` readers who ask why. */
  parts: Record<string, number>;
}

function time(article: Article): number {
  return Date.parse(article.publishedAt ?? article.ingestedAt);
}

function largestPercent(figures: ReturnType<typeof findFigures>): number {
  let largest = 0;
  for (const figure of figures) {
    if (figure.kind !== 'percent' || /basis|bps|points?/u.test(figure.text)) continue;
    const value = Number.parseFloat(figure.text.replace(/[^\d.]/gu, ''));
    if (Number.isFinite(value)) largest = Math.max(largest, value);
  }
  return largest;
}

/** Scores one story; `template` is the set of headline words repeated across the whole set. */
export function scoreCluster(
  cluster: StoryCluster,
  context: { newest: number; template: ReadonlySet<string>; reference?: ReferenceIndex | undefined },
): RankedCluster {
  const w = RANK_WEIGHTS;
  const { lead } = cluster;
  const words = titleWords(lead.title);
  const entities = cluster.articles.flatMap((article) => article.entities);
  const lower = [...words].map((word) => word.toLowerCase());
  const parts: Record<string, number> = {};
  const title = lead.title.toLowerCase();
  let marketWide = 0;
  for (const entity of lead.entities) {
    if (!MARKET_WIDE.has(entity.type)) continue;
    if (title.includes(entity.name.toLowerCase()) || entity.count >= w.marketWideMentions) marketWide = w.marketWide;
    else if (entity.count === w.marketWideMentions - 1) marketWide = Math.max(marketWide, w.marketWide / 2);
  }
  if (marketWide > 0) parts['marketWide'] = marketWide;
  if (lower.some((word) => MACRO.has(word))) parts['macroHeadline'] = w.macroHeadline;
  if (entities.some((entity) => ASSETS.has(entity.type)) || lower.some((word) => ASSET_WORDS.has(word))) parts['assets'] = w.assets;
  const best = Math.max(0, ...lead.entities.filter((entity) => entity.type === 'company').map((entity) => context.reference?.get(entity.id)?.rank ?? 0));
  if (best >= 3) parts['megaCap'] = w.megaCap;
  else if (best === 2) parts['megaCap'] = w.megaCap / 2;
  const figures = findFigures(lead.title);
  if (figures.some((figure) => figure.kind === 'money' && /(?:billion|trillion|bn|tn)\b/iu.test(figure.text))) parts['bigMoney'] = w.bigMoney;
  // A headline that asks ("1,400% Rally Possible?") states no move.
  const move = /\?\s*$/.test(lead.title) ? 0 : Math.min(w.moveCap, largestPercent(figures) * w.movePerPoint);
  if (move > 0) parts['move'] = move;
  const outlets = new Set(cluster.articles.map((article) => (article.source ?? '').toLowerCase()).filter((source) => source !== '')).size;
  if (outlets > 1) parts['outlets'] = Math.min(w.outletCap, (outlets - 1) * w.perOutlet);
  if (cluster.articles.length > 1) parts['size'] = Math.min(w.sizeCap, Math.log2(cluster.articles.length) * w.perDoubling);
  const ageHours = (context.newest - Math.max(...cluster.articles.map(time))) / 3_600_000;
  parts['recency'] = w.recency * Math.max(0, 1 - ageHours / w.recencyHours);
  if (isFeature(lead.title) || speaksForItself(lead.title)) parts['feature'] = -w.feature;
  if (words.size > 0) {
    const share = [...words].filter((word) => context.template.has(word)).length / words.size;
    if (share > 0) parts['template'] = -w.template * share;
  }
  const score = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return { ...cluster, score: Math.round(score * 1000) / 1000, parts };
}

/** Stories, most market-moving first (ties: more reports, then newer). */
export function rankClusters(clusters: readonly StoryCluster[], reference?: ReferenceIndex): RankedCluster[] {
  const newest = Math.max(0, ...clusters.flatMap((cluster) => cluster.articles.map(time)));
  const template = templateWords(clusters.map((cluster) => cluster.lead.title));
  return clusters
    .map((cluster) => scoreCluster(cluster, { newest, template, reference }))
    .sort((a, b) => b.score - a.score || b.articles.length - a.articles.length || time(b.lead) - time(a.lead));
}

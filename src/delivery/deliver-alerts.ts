import type { Article, Reply, SourceRef, Subscription } from '../domain/index.ts';
import { summariseExtractive, TONE_MARK } from '../brief/index.ts';
import { articleImportance } from '../pipeline/index.ts';
import { createArticleFilter } from './filters.ts';
import { scopeTitle } from './deliver-briefs.ts';
import type { DeliveryServices } from './delivery-services.ts';
import { postDelivery } from './post-delivery.ts';
import { isQuiet } from './quiet-articles.ts';
import { ownerOf } from '../ports/index.ts';

const BATCH = 1000;
const FOLD_LIST = 10;

function source(article: Article, n: number): SourceRef {
  return { n, articleId: article.id, title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt };
}

function inScope(subscription: Subscription, article: Article): boolean {
  const { topics, entityIds, keywords } = subscription;
  if (topics.length === 0 && entityIds.length === 0 && keywords.length === 0) return true;
  if (article.topics.some((topic) => topics.includes(topic))) return true;
  if (article.entities.some((entity) => entityIds.includes(entity.id))) return true;
  const text = `${article.title}\n${article.text}`.toLowerCase();
  return keywords.some((keyword) => text.includes(keyword.toLowerCase()));
}

/**
 * Fresh enough to alert on: published (else stored) after the subscription was created, or within
 * the alert window before now. An archive ingested today is not news: a 2008 article never alerts.
 */
export function isFreshForAlert(
  article: Pick<Article, 'publishedAt' | 'ingestedAt'>,
  subscription: Pick<Subscription, 'createdAt'>,
  windowStart: string,
): boolean {
  const published = Date.parse(article.publishedAt ?? article.ingestedAt);
  const floor = Math.min(Date.parse(subscription.createdAt), Date.parse(windowStart));
  return Number.isFinite(published) && published >= floor;
}

export function alertReply(article: Article): Reply {
  const [lead] = summariseExtractive(
    { title: article.title, text: article.text, entityNames: article.entities.map((entity) => entity.name) },
    { maxSentences: 1 },
  );
  return {
    title: `${TONE_MARK[article.sentiment.label]} ${article.title}`,
    lead: { text: lead ?? article.title, sources: [1] },
    sections: [],
    sources: [source(article, 1)],
    visibility: 'public',
    tone: article.sentiment.label,
    footer: 'Alert',
  };
}

export function foldReply(articles: readonly Article[], title: string): Reply {
  const listed = articles.slice(0, FOLD_LIST);
  return {
    title: `And ${articles.length} more: ${title.replace(/^Market brief: /, '')}`,
    sections: [
      { heading: '', lines: listed.map((article, index) => ({ label: TONE_MARK[article.sentiment.label], text: article.title, sources: [index + 1] })) },
    ],
    sources: listed.map((article, index) => source(article, index + 1)),
    visibility: 'public',
    footer: articles.length > listed.length ? `${articles.length - listed.length} more not listed; the next brief covers them` : 'The next brief covers them',
  };
}

/**
 * Alerts: new articles in a subscription's scope that pass its filter and are important enough
 * are posted one by one, at most `alertLimit` messages per channel per window; past that the rest
 * fold into one "and K more" message. Only articles published after the subscription was made (or
 * within the alert window) alert. Each alert is claimed per article, so none posts twice.
 */
export async function deliverAlerts(services: DeliveryServices): Promise<number> {
  const { store, settings, clock } = services;
  const now = clock.now();
  const windowStart = new Date(now.getTime() - settings.alertWindowMinutes * 60_000).toISOString();
  let posted = 0;
  const subscriptions = (await store.listSubscriptions()).filter(
    (subscription) => subscription.enabled && subscription.mode !== 'brief' && services.publishers.has(subscription.platform),
  );
  for (const subscription of subscriptions) {
    const publisher = services.publishers.get(subscription.platform);
    if (publisher === undefined) continue;
    // A subscription is alerted on shared articles and its own workspace's only.
    const fresh = await store.articlesIngestedAfter(subscription.alertCursor ?? subscription.createdAt, BATCH, ownerOf(subscription));
    const newest = fresh.at(-1);
    if (newest === undefined) continue;
    const keep = createArticleFilter(subscription.filter);
    const threshold = Math.max(settings.alertMinImportance, subscription.filter.minImportance);
    const candidates = fresh.filter(
      (article) =>
        isFreshForAlert(article, subscription, windowStart) && inScope(subscription, article) && keep(article) && articleImportance(article) >= threshold,
    );
    const matches: Article[] = [];
    for (const article of candidates) if (!(await isQuiet(store, article, now))) matches.push(article);
    const recent = (await store.listDeliveries({ subscriptionId: subscription.id, limit: 500 })).filter(
      (delivery) => delivery.slot.startsWith('alert') && delivery.claimedAt >= windowStart,
    ).length;
    const budget = settings.alertLimit - recent;
    if (matches.length > 0 && budget <= 0) continue; // this window is full: wait for the next one
    const singles = matches.length <= budget ? matches : matches.slice(0, budget - 1);
    const rest = matches.slice(singles.length);
    const batches: Array<{ slot: string; reply: Reply }> = singles.map((article) => ({ slot: `alert:${article.id}`, reply: alertReply(article) }));
    if (rest[0] !== undefined) batches.push({ slot: `alert-more:${rest[0].id}`, reply: foldReply(rest, scopeTitle(subscription, services.reference)) });
    for (const { slot, reply } of batches) {
      if (!(await store.claimDelivery(subscription.id, slot, now.toISOString()))) continue;
      const outcome = await postDelivery(subscription, slot, reply, publisher, 1, services);
      if (outcome === 'posted') posted += 1;
      if (outcome === 'disabled') break;
    }
    await store.setAlertCursor(subscription.id, newest.ingestedAt);
  }
  return posted;
}

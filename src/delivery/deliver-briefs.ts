import pLimit from 'p-limit';
import { briefToReply, WIDEN_LIMIT_DAYS } from '../brief/index.ts';
import type { Delivery, Reply, Subscription } from '../domain/index.ts';
import { previousSlot } from './schedule.ts';
import { createArticleFilter, isEmptyFilter } from './filters.ts';
import { findTopic } from '../pipeline/index.ts';
import type { DeliveryServices } from './delivery-services.ts';
import { deliveryKey, postDelivery, type PostOutcome } from './post-delivery.ts';
import { actingFor, ownerOf } from '../ports/index.ts';

interface Job {
  subscription: Subscription;
  slot: string;
  attempts: number;
  recovered: boolean;
}

export interface BriefRunReport {
  claimed: number;
  recovered: number;
  skipped: number;
  composed: number;
  outcomes: Record<PostOutcome | 'already-posted', number>;
}

const LOOK_BACK_MS = 7 * 86_400_000;

export function scopeTitle(subscription: Pick<Subscription, 'topics' | 'entityIds' | 'keywords'>, reference: DeliveryServices['reference']): string {
  const names = [
    ...subscription.topics.map((slug) => findTopic(slug)?.label ?? slug),
    ...subscription.entityIds.map((id) => reference.get(id)?.name ?? id),
    ...subscription.keywords.map((keyword) => `“${keyword}”`),
  ];
  return names.length === 0 ? 'Market brief' : `Market brief: ${names.join(', ')}`;
}

/** Subscriptions that would receive the same brief share one composition. */
function compositionKey(job: Job): string {
  const { topics, entityIds, keywords, filter } = job.subscription;
  // One composition per workspace too: each sees the shared articles and only its own.
  return JSON.stringify([ownerOf(job.subscription), topics, entityIds, keywords, filter, job.slot]);
}

async function claimDueSlots(services: DeliveryServices, now: Date, report: BriefRunReport): Promise<Job[]> {
  const { store, logger, settings } = services;
  const jobs: Job[] = [];
  const subscriptions = (await store.listSubscriptions()).filter(
    (subscription) => subscription.enabled && subscription.mode !== 'alerts' && services.publishers.has(subscription.platform),
  );
  for (const subscription of subscriptions) {
    const notBefore = new Date(Math.max(Date.parse(subscription.createdAt), now.getTime() - LOOK_BACK_MS));
    const slot = previousSlot(subscription, now, notBefore);
    if (slot === null) continue;
    const slotIso = slot.toISOString();
    if (!(await store.claimDelivery(subscription.id, slotIso, now.toISOString()))) continue;
    const lateMinutes = (now.getTime() - slot.getTime()) / 60_000;
    if (lateMinutes > settings.graceMinutes) {
      const reason = `skipped: due ${slotIso}, missed by ${Math.round(lateMinutes)} min (grace ${settings.graceMinutes} min)`;
      await store.completeDelivery(subscription.id, slotIso, { error: reason });
      logger.warn({ subscription: subscription.id, slot: slotIso }, `brief ${reason}`);
      report.skipped += 1;
      continue;
    }
    jobs.push({ subscription, slot: slotIso, attempts: 1, recovered: false });
  }
  return jobs;
}

async function recoverStaleClaims(services: DeliveryServices, now: Date): Promise<Job[]> {
  const { store, settings } = services;
  const claimedBefore = new Date(now.getTime() - settings.leaseMinutes * 60_000).toISOString();
  const stale: Delivery[] = await store.reclaimStaleDeliveries(claimedBefore, now.toISOString(), 500);
  const subscriptions = new Map((await store.listSubscriptions()).map((subscription) => [subscription.id, subscription]));
  return stale.flatMap((delivery) => {
    const subscription = subscriptions.get(delivery.subscriptionId);
    return subscription === undefined || delivery.slot.startsWith('alert')
      ? []
      : [{ subscription, slot: delivery.slot, attempts: delivery.attempts, recovered: true }];
  });
}

/**
 * One scheduler tick for briefs: take over claims whose process died, claim the slots now due,
 * compose one brief per distinct scope, filter and slot, and post them to every channel in
 * parallel (bounded per platform), a slow or failing channel never holding up the others.
 */
export async function deliverBriefs(services: DeliveryServices): Promise<BriefRunReport> {
  const now = services.clock.now();
  const report: BriefRunReport = {
    claimed: 0,
    recovered: 0,
    skipped: 0,
    composed: 0,
    outcomes: { posted: 0, disabled: 0, retry: 0, 'gave-up': 0, 'already-posted': 0 },
  };
  const recovered = await recoverStaleClaims(services, now);
  const due = await claimDueSlots(services, now, report);
  report.recovered = recovered.length;
  report.claimed = due.length;

  const replies = new Map<string, Promise<Reply>>();
  function replyFor(job: Job): Promise<Reply> {
    const key = compositionKey(job);
    let reply = replies.get(key);
    if (reply === undefined) {
      report.composed += 1;
      const { subscription } = job;
      const owner = ownerOf(subscription);
      reply = actingFor(owner, () =>
        services.compose(
          {
            title: scopeTitle(subscription, services.reference),
            topics: subscription.topics,
            entityIds: subscription.entityIds,
            keywords: subscription.keywords,
          },
          {
            windowHours: services.settings.windowHours,
            widenWhenEmpty: false,
            widenLimitDays: WIDEN_LIMIT_DAYS.brief,
            moreHint: 'ask /brief <topic> or /company <name> for more',
            until: new Date(job.slot),
            viewer: owner,
            ...(isEmptyFilter(subscription.filter) ? {} : { filter: createArticleFilter(subscription.filter) }),
          },
        ),
      ).then((brief) => briefToReply(brief, 'public'));
      replies.set(key, reply);
    }
    return reply;
  }

  const limits = new Map<string, ReturnType<typeof pLimit>>();
  await Promise.all(
    [...recovered, ...due].map((job) => {
      const platform = job.subscription.platform;
      let limit = limits.get(platform);
      if (limit === undefined) {
        limit = pLimit(services.settings.postConcurrency);
        limits.set(platform, limit);
      }
      return limit(async () => {
        const outcome = await deliverJob(job, replyFor, services);
        report.outcomes[outcome] += 1;
      });
    }),
  );
  return report;
}

async function deliverJob(job: Job, replyFor: (job: Job) => Promise<Reply>, services: DeliveryServices): Promise<PostOutcome | 'already-posted'> {
  const { subscription, slot } = job;
  const publisher = services.publishers.get(subscription.platform);
  if (publisher === undefined) return 'retry';
  if (job.recovered) {
    // The process that claimed it died: it may have posted before it could record that.
    const target = { workspaceId: subscription.workspaceId, channelId: subscription.channelId };
    const found = publisher.findDelivery === undefined ? null : await publisher.findDelivery(target, deliveryKey(subscription.id, slot));
    if (found !== null && found.length > 0) {
      await services.store.completeDelivery(subscription.id, slot, { messageIds: found, at: services.clock.now().toISOString() });
      services.logger.info({ subscription: subscription.id, slot }, 'recovered delivery was already posted');
      return 'already-posted';
    }
    if (found === null && job.attempts > 2) {
      // The platform cannot tell whether the earlier post went out: re-post once, never more.
      await services.store.completeDelivery(subscription.id, slot, { error: 'gave up: re-posted once after a crash, not again' });
      return 'gave-up';
    }
  }
  try {
    return await postDelivery(subscription, slot, await replyFor(job), publisher, job.attempts, services);
  } catch (error) {
    // Composing failed (the store or the model): leave the claim for a retry after the lease.
    services.logger.error({ err: error, subscription: subscription.id, slot }, 'brief composition failed');
    return 'retry';
  }
}

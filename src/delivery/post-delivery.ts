import { DeliveryError, type Reply, type Subscription } from '../domain/index.ts';
import type { Publisher } from '../ports/index.ts';
import type { DeliveryServices } from './delivery-services.ts';

export type PostOutcome = 'posted' | 'disabled' | 'retry' | 'gave-up';

export function deliveryKey(subscriptionId: string, slot: string): string {
  return `${subscriptionId}@${slot}`;
}

/**
 * Posts one claimed delivery and records the outcome. A channel that is gone or forbids the bot
 * disables its subscription (a revoked install disables the whole workspace's); anything else
 * leaves the claim in place, so it is taken over and tried again after the lease, up to maxAttempts.
 */
export async function postDelivery(
  subscription: Subscription,
  slot: string,
  reply: Reply,
  publisher: Publisher,
  attempts: number,
  services: DeliveryServices,
): Promise<PostOutcome> {
  const outcome = await attemptDelivery(subscription, slot, reply, publisher, attempts, services);
  // A brief's slot is a time: its lag is how late it went out. Alert slots name an article instead.
  const slotTime = Date.parse(slot);
  const lag = outcome === 'posted' && !Number.isNaN(slotTime) ? (services.clock.now().getTime() - slotTime) / 1000 : undefined;
  services.metrics?.delivery(subscription.platform, outcome, lag);
  return outcome;
}

async function attemptDelivery(
  subscription: Subscription,
  slot: string,
  reply: Reply,
  publisher: Publisher,
  attempts: number,
  services: DeliveryServices,
): Promise<PostOutcome> {
  const { store, clock, logger } = services;
  const target = { workspaceId: subscription.workspaceId, channelId: subscription.channelId };
  try {
    const messageIds = await publisher.post(target, reply, { deliveryKey: deliveryKey(subscription.id, slot) });
    await store.completeDelivery(subscription.id, slot, { messageIds, at: clock.now().toISOString() });
    return 'posted';
  } catch (error) {
    if (error instanceof DeliveryError && error.failure !== 'transient') {
      const reason = `${error.failure}: ${error.message}`;
      await store.completeDelivery(subscription.id, slot, { error: reason });
      const affected =
        error.failure === 'revoked'
          ? (await store.listSubscriptions({ platform: subscription.platform, workspaceId: subscription.workspaceId })).map((other) => other.id)
          : [subscription.id];
      for (const id of affected) await store.disableSubscription(id, reason);
      logger.warn(
        { subscription: subscription.id, channel: subscription.channelId, failure: error.failure, disabled: affected.length },
        `delivery disabled: ${error.message}`,
      );
      return 'disabled';
    }
    if (attempts >= services.settings.maxAttempts) {
      await store.completeDelivery(subscription.id, slot, { error: `gave up after ${attempts} attempts: ${String(error)}` });
      logger.error({ err: error, subscription: subscription.id, slot }, 'delivery given up');
      return 'gave-up';
    }
    logger.warn({ err: error, subscription: subscription.id, slot, attempts }, 'delivery failed; it will be retried after the lease');
    return 'retry';
  }
}

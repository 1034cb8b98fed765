import { briefForScope } from '../brief/index.ts';
import type { BriefWriter, Clock, Logger, Metrics, Publisher, Store } from '../ports/index.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';
import { deliverAlerts } from './deliver-alerts.ts';
import { deliverBriefs } from './deliver-briefs.ts';
import type { DeliveryServices, DeliverySettings } from './delivery-services.ts';

/** Builds the delivery services with the default composer (briefForScope). */
export function createDeliveryServices(
  base: { store: Store; reference: ReferenceIndex; clock: Clock; logger: Logger; briefs?: BriefWriter | undefined; metrics?: Metrics | undefined },
  publishers: ReadonlyMap<string, Publisher>,
  settings: DeliverySettings,
): DeliveryServices {
  return { ...base, publishers, settings, compose: (scope, options) => briefForScope(scope, options, base) };
}

/** What the scheduler runs every minute: due briefs first, then alerts. */
export async function runDeliveryTick(services: DeliveryServices): Promise<void> {
  const briefs = await deliverBriefs(services);
  const alerts = await deliverAlerts(services);
  if (briefs.claimed + briefs.recovered + briefs.skipped + alerts > 0) {
    services.logger.info({ ...briefs, alerts }, 'delivery tick');
  }
}

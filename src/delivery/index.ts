export { DEFAULT_DELIVERY_SETTINGS, type DeliveryServices, type DeliverySettings } from './delivery-services.ts';
export { createDeliveryServices, runDeliveryTick } from './delivery-tick.ts';
export { describeFilter, validatePattern } from './filters.ts';
export { isMarketCalendar, MARKET_CALENDARS } from './market-calendar.ts';
export { markQuiet } from './quiet-articles.ts';
export { formatLocal, nextSlot, validateCron } from './schedule.ts';
// Kept here for the callers that schedule deliveries; it lives in domain so the settings need no scheduler.
export { isValidTimezone } from '../domain/index.ts';

export { DEFAULT_DELIVERY_SETTINGS, type DeliveryServices, type DeliverySettings } from './delivery-services.ts';
export { createDeliveryServices, runDeliveryTick } from './delivery-tick.ts';
export { describeFilter, validatePattern } from './filters.ts';
export { isMarketCalendar, MARKET_CALENDARS } from './market-calendar.ts';
export { markQuiet } from './quiet-articles.ts';
export { formatLocal, isValidTimezone, nextSlot, validateCron } from './schedule.ts';

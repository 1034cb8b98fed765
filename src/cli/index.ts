export { BRIEF_USAGE, briefCommand } from './brief-command.ts';
export { DELIVERIES_USAGE, deliveriesCommand } from './deliveries-command.ts';
export { FEEDS_USAGE, feedsCommand } from './feeds-command.ts';
export { INGEST_USAGE, ingestCommand } from './ingest-command.ts';
export { MANIFEST_USAGE, manifestCommand } from './manifest-command.ts';
export { queryCommand } from './query-command.ts';
export { RENDER_USAGE, renderCommand } from './render-command.ts';
export { SYNC_USAGE, syncCommand } from './sync-command.ts';
export { USAGE_USAGE, usageCommand } from './usage-command.ts';

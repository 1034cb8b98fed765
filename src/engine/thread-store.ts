// The Store port over the engine's store thread: each call is a message, answered by the thread
// that owns the connection. Nothing runs SQL on the main thread.
import type { Store } from '../ports/index.ts';
import type { ThreadClient } from './thread-client.ts';

const METHODS = [
  'findExisting',
  'nearDuplicateCandidates',
  'insertArticle',
  'insertArticles',
  'grantArticle',
  'getArticle',
  'getArticles',
  'listArticles',
  'search',
  'countArticles',
  'topicCounts',
  'entityCounts',
  'findStoredEntities',
  'articlesIngestedAfter',
  'addSubscription',
  'removeSubscription',
  'listSubscriptions',
  'disableSubscription',
  'claimDelivery',
  'completeDelivery',
  'listDeliveries',
  'reclaimStaleDeliveries',
  'setAlertCursor',
  'addSource',
  'getSource',
  'listSources',
  'sourceOwners',
  'removeSource',
  'dueSources',
  'recordPoll',
  'resumeSource',
  'getCached',
  'putCached',
  'recordUsage',
  'usageSince',
  'saveInstallation',
  'getInstallation',
  'deleteInstallation',
  'rememberOnce',
  'ping',
] as const satisfies ReadonlyArray<keyof Store>;

/** Fails to compile when the port gains a method this list lacks. */
const everyMethodRouted: [Exclude<keyof Store, (typeof METHODS)[number] | 'close'>] extends [never] ? true : false = true;

export function threadStore(thread: ThreadClient, close: () => Promise<void>): Store {
  if (!everyMethodRouted) throw new Error('unreachable');
  const methods: Record<string, unknown> = { close };
  for (const method of METHODS) methods[method] = (...args: unknown[]) => thread.call({ kind: 'store', method, args });
  return methods as unknown as Store;
}

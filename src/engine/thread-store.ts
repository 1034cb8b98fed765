// The Store port over the engine's two threads: writes on the writer (which also runs ingest, so
// the database has one writer in this process), reads on the reader (WAL lets it read while the
// writer writes). Nothing runs SQL on the main thread.
import type { Store } from '../ports/index.ts';
import type { ThreadClient } from './thread-client.ts';

const WRITES = [
  'insertArticle',
  'insertArticles',
  'grantArticle',
  'addSubscription',
  'removeSubscription',
  'disableSubscription',
  'claimDelivery',
  'completeDelivery',
  'reclaimStaleDeliveries',
  'setAlertCursor',
  'addSource',
  'removeSource',
  'recordPoll',
  'resumeSource',
  'putCached',
  'recordUsage',
  'saveInstallation',
  'deleteInstallation',
  'rememberOnce',
  'ping',
] as const satisfies ReadonlyArray<keyof Store>;

const READS = [
  'findExisting',
  'nearDuplicateCandidates',
  'getArticle',
  'getArticles',
  'listArticles',
  'search',
  'countArticles',
  'topicCounts',
  'entityCounts',
  'findStoredEntities',
  'articlesIngestedAfter',
  'listSubscriptions',
  'listDeliveries',
  'getSource',
  'listSources',
  'sourceOwners',
  'dueSources',
  'getCached',
  'usageSince',
  'getInstallation',
] as const satisfies ReadonlyArray<keyof Store>;

type Routed = (typeof WRITES)[number] | (typeof READS)[number] | 'close';
/** Fails to compile when the port gains a method this file does not route. */
const everyMethodRouted: [Exclude<keyof Store, Routed>] extends [never] ? true : false = true;

export function threadStore(threads: { writer: ThreadClient; reader: () => Promise<ThreadClient> }, close: () => Promise<void>): Store {
  if (!everyMethodRouted) throw new Error('unreachable');
  const methods: Record<string, unknown> = { close };
  for (const method of WRITES) methods[method] = (...args: unknown[]) => threads.writer.call({ kind: 'store', method, args });
  for (const method of READS) methods[method] = async (...args: unknown[]) => (await threads.reader()).call({ kind: 'store', method, args });
  return methods as unknown as Store;
}

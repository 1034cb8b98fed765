import { AsyncLocalStorage } from 'node:async_hooks';
import type { Owner, Store, Viewer } from './store.ts';

/** The owner/viewer key of a workspace or guild: `platform:workspaceId` (docs/adr/0004-tenancy.md). */
export function ownerOf(where: { platform: string; workspaceId: string }): string {
  return `${where.platform}:${where.workspaceId}`;
}

const acting = new AsyncLocalStorage<Owner>();

/**
 * Runs `work` on behalf of `owner`: what it costs (LLM usage) is recorded as that workspace's.
 * The dispatcher wraps each command and the delivery loop each subscription, so writers deep in
 * the call chain need not carry the tenant in every signature.
 */
export function actingFor<T>(owner: Owner, work: () => Promise<T>): Promise<T> {
  return acting.run(owner, work);
}

/** The workspace the current work is for; null outside any (the operator's own work). */
export function currentOwner(): Owner {
  return acting.getStore() ?? null;
}

type Overrides = Pick<Store, 'listArticles' | 'search' | 'topicCounts' | 'entityCounts' | 'findStoredEntities' | 'articlesIngestedAfter' | 'usageSince'>;

/**
 * The store as `viewer` sees it: every article read and usage total is limited to the shared rows
 * and the viewer's own, whatever viewer the caller passes (a command cannot step out of its
 * workspace). The dispatcher hands commands this view; deliveries use it per subscription.
 */
export function viewAs(store: Store, viewer: Viewer): Store {
  const overrides: Overrides = {
    listArticles: (query) => store.listArticles({ ...query, viewer }),
    search: (text, query) => store.search(text, { ...query, viewer }),
    topicCounts: (since) => store.topicCounts(since, viewer),
    entityCounts: (since, limit) => store.entityCounts(since, limit, viewer),
    findStoredEntities: (name, ids, types, limit) => store.findStoredEntities(name, ids, types, limit, viewer),
    articlesIngestedAfter: (after, limit) => store.articlesIngestedAfter(after, limit, viewer),
    usageSince: (since) => store.usageSince(since, viewer),
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Overrides];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

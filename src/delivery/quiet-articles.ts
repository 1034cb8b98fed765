import type { Article } from '../domain/index.ts';
import type { Store } from '../ports/index.ts';

const KIND = 'quiet-article';
/** Long enough that no alert run can still be catching up on them. */
const QUIET_DAYS = 14;

/**
 * Items a feed already had when it was added are stored (they show up in briefs) but must not
 * fire alerts: remember them so deliverAlerts leaves them out.
 */
export async function markQuiet(store: Store, articles: readonly Article[], now: Date): Promise<void> {
  const expires = new Date(now.getTime() + QUIET_DAYS * 86_400_000).toISOString();
  for (const article of articles) await store.putCached(KIND, article.id, '1', expires);
}

export async function isQuiet(store: Store, article: Article, now: Date): Promise<boolean> {
  return (await store.getCached(KIND, article.id, now.toISOString())) !== null;
}

import type { Owner } from '../../ports/index.ts';
import type { Source } from '../../domain/index.ts';
import { nullableText } from './sql-values.ts';

type Row = Record<string, unknown>;

/** source_owners keys the operator (a null owner) as ''. */
export function ownerKey(owner: Owner): string {
  return owner ?? '';
}

/** An owner's view of a source: its own topics and adder. */
export function withLink(source: Source, link: Row): Source {
  return {
    ...source,
    topics: JSON.parse(String(link['topics_json'])) as string[],
    addedBy: JSON.parse(String(link['added_by_json'])) as Source['addedBy'],
    addedAt: String(link['added_at']),
  };
}

/** A sources row (paused as 0/1 or a boolean) as a Source. */
export function rowToSource(row: Row): Source {
  return {
    id: String(row['id']),
    url: String(row['url']),
    title: nullableText(row['title']),
    topics: JSON.parse(String(row['topics_json'])) as string[],
    addedBy: JSON.parse(String(row['added_by_json'])) as Source['addedBy'],
    addedAt: String(row['added_at']),
    intervalMinutes: Number(row['interval_minutes']),
    etag: nullableText(row['etag']),
    lastModified: nullableText(row['last_modified']),
    lastPolledAt: nullableText(row['last_polled_at']),
    lastSuccessAt: nullableText(row['last_success_at']),
    lastError: nullableText(row['last_error']),
    consecutiveFailures: Number(row['consecutive_failures']),
    nextPollAt: String(row['next_poll_at']),
    paused: Number(row['paused']) === 1,
    pausedReason: nullableText(row['paused_reason']),
    itemsStored: Number(row['items_stored']),
  };
}

/**
 * The operator's view of a source: the fetch, with every owner's topics (each item is tagged with
 * all of them) and the earliest owner still linked as its adder (who is told when it is paused).
 * `links` in the order they were added.
 */
export function operatorView(source: Source, links: Row[]): Source {
  const [first] = links;
  if (first === undefined) return source;
  const topics = new Set(links.flatMap((link) => JSON.parse(String(link['topics_json'])) as string[]));
  return { ...source, topics: [...topics], addedBy: JSON.parse(String(first['added_by_json'])) as Source['addedBy'] };
}

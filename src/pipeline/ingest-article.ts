import type { Article, RawArticle } from '../domain/index.ts';
import type { Analyzer } from './understand/index.ts';
import type { Clock, Owner, Store } from '../ports/index.ts';
import { type BatchResult, ingestArticles } from './ingest-batch.ts';

/**
 * Runs whole batches somewhere else (the engine's writer thread, src/engine), with the same
 * contract as ingestArticles: each result is reported only after its batch committed.
 */
export interface BatchIngestor {
  ingest(raws: readonly RawArticle[], options: { owners: readonly Owner[]; topics: readonly string[]; at: string }): Promise<BatchResult[]>;
}

export interface IngestServices {
  store: Store;
  clock: Clock;
  analyzer: Analyzer;
  /**
   * Whose articles these are (default [null]: shared, the operator's): the workspace that ran
   * /summarize, or the workspaces whose feed brought them in. A copy already stored is granted to them.
   */
  owners?: readonly Owner[] | undefined;
  /** Topics every article of the batch carries besides its own (a feed's topics). */
  topics?: readonly string[] | undefined;
  /** When set, batches are cleaned, analysed and stored by it (off the event loop) rather than here. */
  offload?: BatchIngestor | undefined;
}

export type IngestOutcome = { status: 'stored'; article: Article } | { status: 'duplicate'; existingId: string; title: string };

/**
 * clean → understand → dedupe → store, for one raw article (a batch of one: see ingestArticles).
 * An exact copy (same content hash, canonical URL or GUID) is not stored again;
 * a near-duplicate is stored and linked to the first copy through `duplicateOf`.
 * Throws InputError when nothing readable is left after cleaning.
 */
export async function ingestArticle(raw: RawArticle, services: IngestServices): Promise<IngestOutcome> {
  const [result] = await ingestArticles([raw], services);
  if (result === undefined) throw new Error('ingestArticles returned no result');
  if ('error' in result) throw result.error;
  return result.outcome;
}

import type { Article, RawArticle } from '../domain/index.ts';
import type { Analyzer } from './understand/index.ts';
import { canonicalUrl, contentHashOfWords, dedupeKeysOfWords, isNearDuplicate, normalisedWords } from './dedupe/index.ts';
import { cleanArticle } from './clean/index.ts';
import type { Clock, Owner, Store } from '../ports/index.ts';

export interface IngestServices {
  store: Store;
  clock: Clock;
  analyzer: Analyzer;
  /**
   * Whose articles these are (default [null]: shared, the operator's): the workspace that ran
   * /summarize, or the workspaces whose feed brought them in. A copy already stored is granted to them.
   */
  owners?: readonly Owner[] | undefined;
}

export type IngestOutcome = { status: 'stored'; article: Article } | { status: 'duplicate'; existingId: string; title: string };

/** How many near-duplicate candidates to verify per article; bands make real ones rank early. */
const CANDIDATE_LIMIT = 64;

/**
 * clean → understand → dedupe → store, for one raw article.
 * An exact copy (same content hash, canonical URL or GUID) is not stored again;
 * a near-duplicate is stored and linked to the first copy through `duplicateOf`.
 * Throws InputError when nothing readable is left after cleaning.
 */
export async function ingestArticle(raw: RawArticle, services: IngestServices): Promise<IngestOutcome> {
  const clean = cleanArticle(raw);
  const url = clean.url === null ? null : canonicalUrl(clean.url);
  // One normalisation of the words serves the content hash and the MinHash signature.
  const titleWords = normalisedWords(clean.title);
  const textWords = normalisedWords(clean.text);
  const hash = contentHashOfWords(titleWords, textWords);
  const keys = { contentHash: hash, url, guid: clean.guid };
  const owners = services.owners ?? [null];
  const existing = await services.store.findExisting(keys);
  if (existing !== null) {
    await services.store.grantArticle(existing, owners);
    return { status: 'duplicate', existingId: existing, title: clean.title };
  }

  const dedupe = dedupeKeysOfWords([...titleWords, ...textWords]);
  const candidates = await services.store.nearDuplicateCandidates(dedupe.bands, CANDIDATE_LIMIT);
  const first = candidates.find((candidate) => isNearDuplicate(dedupe.signature, candidate.signature));
  const analysis = services.analyzer.analyze(clean);
  const article: Article = {
    ...clean,
    url,
    id: `a_${hash.slice(0, 16)}`,
    contentHash: hash,
    ...analysis,
    duplicateOf: first === undefined ? null : (first.duplicateOf ?? first.id),
    ingestedAt: services.clock.now().toISOString(),
  };
  const inserted = await services.store.insertArticle(article, dedupe, owners);
  if (!inserted) {
    // Another process stored the same article between our check and our insert.
    const winner = (await services.store.findExisting(keys)) ?? article.id;
    await services.store.grantArticle(winner, owners);
    return { status: 'duplicate', existingId: winner, title: clean.title };
  }
  return { status: 'stored', article };
}

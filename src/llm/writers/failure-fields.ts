import { randomUUID } from 'node:crypto';
import { failureOf, type LanguageModelFailure } from '../../ports/index.ts';

/** The model endpoint's own request id, when the error (or its cause) carries one. */
function requestIdOf(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const id = (current as { requestID?: unknown }).requestID;
    if (typeof id === 'string' && id !== '') return id;
  }
  return null;
}

/**
 * The fields of the one log line a failed model call gets: why (a short failure), a reference to
 * find it by (the endpoint's request id when it gave one, else a fresh one), and the error, which
 * the logger prints as one line (its stack only at debug).
 */
export function failureFields(error: unknown): { failure: LanguageModelFailure; reference: string; err: unknown } {
  return { failure: failureOf(error), reference: requestIdOf(error) ?? randomUUID().slice(0, 8), err: error };
}

import { InputError } from '../../domain/index.ts';

/** What went wrong with a fetch, so callers can decide (back off, pause, tell the user). */
export type FetchFailure = 'refused' | 'timeout' | 'too-large' | 'http' | 'network' | 'unsupported';

/** A failed fetch; the message names the URL and the reason and is safe to show a user. */
export class FetchError extends InputError {
  readonly failure: FetchFailure;
  /** The HTTP status, for failure 'http'. */
  readonly status: number | null;
  /** Seconds the server asked us to wait (Retry-After on 429/503), when it said. */
  readonly retryAfterSeconds: number | null;
  constructor(url: string, failure: FetchFailure, problem: string, details: { status?: number; retryAfterSeconds?: number | null } = {}) {
    super(url, problem);
    this.failure = failure;
    this.status = details.status ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }
}

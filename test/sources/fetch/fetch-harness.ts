import type { LookupAddress } from 'node:dns';
import { createSafeFetcher, type Fetcher, type FetcherDependencies, type FetcherSettings } from '../../../src/sources/fetch/safe-fetcher.ts';

/** Name resolution from a table, so tests never ask real DNS; unknown names fail like ENOTFOUND. */
export function resolveFrom(table: Record<string, string>, asked: string[] = []): NonNullable<FetcherDependencies['resolve']> {
  return (hostname, _options, callback) => {
    asked.push(hostname);
    const address = table[hostname];
    process.nextTick(() => {
      if (address === undefined) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
      else callback(null, [{ address, family: address.includes(':') ? 6 : 4 } satisfies LookupAddress]);
    });
  };
}

export const testFetcherSettings: FetcherSettings = {
  timeoutMs: 2000,
  maxBytes: 1024 * 1024,
  allowHosts: ['127.0.0.1'],
  allowPorts: [],
  hostIntervalMs: 0,
  concurrency: 8,
};

export function testFetcher(overrides: Partial<FetcherSettings> = {}, dependencies: FetcherDependencies = {}): Fetcher {
  return createSafeFetcher({ ...testFetcherSettings, ...overrides }, { resolve: resolveFrom({}), ...dependencies });
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { failure?: string; status?: number | null }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { failure?: string };
  }
  throw new Error('expected the promise to reject');
}

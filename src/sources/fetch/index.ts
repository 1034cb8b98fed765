export { FetchError } from './fetch-error.ts';
export { createSafeFetcher, type Fetcher, type FetcherDependencies, fetcherSettings, type FetchResult } from './safe-fetcher.ts';

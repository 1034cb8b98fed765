import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import pLimit from 'p-limit';
import { type AddressPolicy, bareHost, createAddressPolicy } from './address-policy.ts';
import { FetchError } from './fetch-error.ts';
import { createHostGate, type GateTimers } from './host-gate.ts';
import { ACCEPT_ENCODING, readBody } from './body-limits.ts';

// Taken as CommonJS builtins: an ES import of node:http builds its module namespace, which loads Node's bundled
// fetch (undici) for the getters it exports: ≈45 ms and ≈3 MB of heap in every process that only polls feeds.
const { request: httpRequest } = process.getBuiltinModule('node:http');
const { request: httpsRequest } = process.getBuiltinModule('node:https');

/** What one fetch asks for. */
export interface FetchOptions {
  /** Conditional GET: the validators of the last successful fetch. */
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
  /** The Accept header (default: anything, HTML and feeds preferred). */
  accept?: string | undefined;
}

export type FetchResult =
  | { status: 'not-modified'; url: string }
  | {
      status: 'ok';
      /** The final URL, after redirects. */
      url: string;
      contentType: string | null;
      bytes: Uint8Array;
      etag: string | null;
      lastModified: string | null;
    };

/**
 * The one way the bot fetches a URL that a user, a feed or a page gave it: only http(s), only
 * public addresses (checked on the address actually connected to, on every redirect hop), with a
 * deadline, size caps and per-host politeness. Every failure is a FetchError with a readable reason.
 */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}

export interface FetcherSettings {
  timeoutMs: number;
  maxBytes: number;
  allowHosts: readonly string[];
  allowPorts: readonly number[];
  hostIntervalMs: number;
  concurrency: number;
  maxRedirects?: number;
  userAgent?: string;
}

type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Test seams: name resolution (so tests never use real DNS) and the host gate's clock. */
export interface FetcherDependencies {
  resolve?: Resolve;
  timers?: GateTimers;
}

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(pdf|zip|x-zip|gzip|x-7z|vnd\.ms-|vnd\.openxmlformats)/i;
const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5';

type Exchange = { kind: 'redirect'; location: string } | { kind: 'result'; result: FetchResult };

export function createSafeFetcher(settings: FetcherSettings, dependencies: FetcherDependencies = {}): Fetcher {
  const policy = createAddressPolicy(settings);
  const gate = createHostGate(settings.hostIntervalMs, dependencies.timers);
  const limit = pLimit(settings.concurrency);
  const resolve: Resolve = dependencies.resolve ?? ((hostname, options, callback) => dnsLookup(hostname, options, callback));
  const maxRedirects = settings.maxRedirects ?? MAX_REDIRECTS;
  const userAgent = settings.userAgent ?? 'market-brief/0.1 (news feed reader)';

  return {
    async fetch(input, options = {}) {
      let url = parseUrl(input);
      const original = url.href;
      for (let hop = 0; ; hop += 1) {
        const via = hop === 0 ? '' : `redirected to ${url.href}: `;
        const refusal = policy.urlRefusal(url);
        if (refusal !== null) throw new FetchError(original, 'refused', `${via}${refusal}`);
        const target = url;
        const exchange = await gate.run(target.host, () => limit(() => fetchOnce(target, original, via, options)));
        if (exchange.kind === 'result') return exchange.result;
        if (hop >= maxRedirects) throw new FetchError(original, 'http', `more than ${maxRedirects} redirects`);
        url = parseUrl(exchange.location, url, original);
      }
    },
  };

  async function fetchOnce(url: URL, original: string, via: string, options: FetchOptions): Promise<Exchange> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new FetchError(original, 'timeout', `${via}no complete response within ${settings.timeoutMs / 1000} s (FETCH_TIMEOUT_MS)`)),
      settings.timeoutMs,
    );
    try {
      const response = await send(url, original, via, options, controller.signal);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status) && typeof response.headers.location === 'string') {
        response.destroy();
        return { kind: 'redirect', location: response.headers.location };
      }
      if (status === 304) {
        response.destroy();
        return { kind: 'result', result: { status: 'not-modified', url: url.href } };
      }
      if (status < 200 || status > 299) {
        response.destroy();
        const retryAfter = retryAfterSeconds(response.headers['retry-after']);
        throw new FetchError(original, 'http', `${via}HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, {
          status,
          retryAfterSeconds: retryAfter,
        });
      }
      const contentType = response.headers['content-type'] ?? null;
      if (contentType !== null && BINARY_TYPES.test(contentType)) {
        response.destroy();
        throw new FetchError(original, 'unsupported', `${via}is ${contentType.split(';')[0]}, not a page or a feed`);
      }
      const bytes = await readBody(response, original, { maxBytes: settings.maxBytes, signal: controller.signal });
      const header = (name: string): string | null => {
        const value = response.headers[name];
        return typeof value === 'string' && value !== '' ? value : null;
      };
      return { kind: 'result', result: { status: 'ok', url: url.href, contentType, bytes, etag: header('etag'), lastModified: header('last-modified') } };
    } finally {
      clearTimeout(timer);
    }
  }

  function send(url: URL, original: string, via: string, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: options.accept ?? DEFAULT_ACCEPT, 'accept-encoding': ACCEPT_ENCODING };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const host = bareHost(url);
    return new Promise((resolvePromise, reject) => {
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: 'GET',
        headers,
        signal,
        agent: false,
        lookup: guardedLookup(policy, resolve, host, original, via),
      });
      // Belt and braces: whatever path produced the socket, the peer it reached must be allowed.
      request.on('socket', (socket: Socket) => {
        socket.once('connect', () => {
          const refusal = socket.remoteAddress === undefined ? 'no peer address' : policy.addressRefusal(socket.remoteAddress, host);
          if (refusal !== null) request.destroy(new FetchError(original, 'refused', `${via}${refusal}`));
        });
      });
      request.on('response', resolvePromise);
      request.on('error', (error) => reject(requestError(error, original, via, signal)));
      request.end();
    });
  }
}

/** Resolves the name, then refuses the connection if any address it resolves to is not allowed. */
function guardedLookup(policy: AddressPolicy, resolve: Resolve, host: string, original: string, via: string) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, '', 0);
        return;
      }
      const first = addresses[0];
      if (first === undefined) {
        callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        return;
      }
      for (const entry of addresses) {
        const refusal = policy.addressRefusal(entry.address, host);
        if (refusal !== null) {
          callback(new FetchError(original, 'refused', `${via}${refusal}`), '', 0);
          return;
        }
      }
      if (options.all === true) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

function parseUrl(input: string, base?: URL, original?: string): URL {
  try {
    return new URL(input.trim(), base);
  } catch {
    throw new FetchError(original ?? input, 'refused', base === undefined ? 'is not a valid URL' : `redirects to an invalid URL (${input.slice(0, 200)})`);
  }
}

function requestError(error: unknown, original: string, via: string, signal: AbortSignal): FetchError {
  if (error instanceof FetchError) return error;
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  const code = (error as { code?: string } | null)?.code ?? '';
  const reasons: Record<string, string> = {
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name could not be resolved (DNS failure)',
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    ETIMEDOUT: 'the connection timed out',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
    HPE_HEADER_OVERFLOW: 'the response headers are too large',
  };
  const reason = reasons[code] ?? `the request failed (${error instanceof Error ? error.message : String(error)})`;
  return new FetchError(original, 'network', `${via}${reason}`);
}

function retryAfterSeconds(header: string | undefined): number | null {
  if (header === undefined) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** The fetcher the settings describe (FETCH_* variables). */
export function fetcherSettings(settings: {
  FETCH_TIMEOUT_MS: number;
  FETCH_MAX_BYTES: number;
  FETCH_ALLOW_HOSTS: readonly string[];
  FETCH_ALLOW_PORTS: readonly number[];
  FETCH_HOST_INTERVAL_MS: number;
  FETCH_CONCURRENCY: number;
}): FetcherSettings {
  return {
    timeoutMs: settings.FETCH_TIMEOUT_MS,
    maxBytes: settings.FETCH_MAX_BYTES,
    allowHosts: settings.FETCH_ALLOW_HOSTS,
    allowPorts: settings.FETCH_ALLOW_PORTS,
    hostIntervalMs: settings.FETCH_HOST_INTERVAL_MS,
    concurrency: settings.FETCH_CONCURRENCY,
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-discord-gateway.ts';
import { messageLimitProblems } from './fake-discord-limits.ts';
import { type FakeIdentity, type InteractionInput, interactionPayload, messagePayload, snowflake } from './fake-discord-payloads.ts';

/** One request the fake received, with what it answered. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

interface Injected {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Route = (request: { method: string; parts: string[]; body: unknown; query: URLSearchParams }) => Answer | null;

const PREFIX = '/api/v10';

/**
 * A loopback Discord (REST API v10 and gateway) on 127.0.0.1, port 0, for the real discord.js client (`rest: { api }`).
 * It records every request and answers like Discord (callbacks 204, messages, 400/50035 over a limit, 401, 404/10003,
 * 403/50013, injected errors or 429s as Discord sends them).
 */
export class FakeDiscord {
  readonly token = 'fake-bot-token.0123456789.abcdefghijklmnopqrstuvwxyz';
  readonly identity: FakeIdentity = { applicationId: snowflake(), botUserId: snowflake(), guildId: snowflake(), channelId: snowflake() };
  readonly requests: RecordedRequest[] = [];
  /** Channels the bot may post in; others answer 404 Unknown Channel. */
  readonly channels = new Set<string>([this.identity.channelId]);
  /** Channels that exist but where the bot lacks permissions (403 Missing Permissions). */
  readonly forbiddenChannels = new Set<string>();
  /** Registered commands by scope: 'global' or a guild id. */
  readonly registered = new Map<string, Array<Record<string, unknown>>>();
  readonly gateway: FakeGateway;
  #server: Server;
  #injected: Injected[] = [];
  #waiters: Array<{ predicate: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }> = [];
  #interactions = new Map<string, string>();
  #port = 0;

  private constructor(heartbeatIntervalMs: number) {
    this.#server = createServer((request, response) => void this.#handle(request, response));
    this.gateway = new FakeGateway(this.#server, { identity: this.identity, token: this.token, heartbeatIntervalMs });
  }

  static async start(options: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options.heartbeatIntervalMs ?? 41_250);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    fake.gateway.url = fake.gatewayUrl;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  failNext(method: string, path: RegExp, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.#injected.push({ method, path, status, body, headers });
  }

  /** The next matching request gets a 429 as Discord sends it: Retry-After in whole seconds, the bucket headers, a JSON body. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds: number): void {
    const resetAt = Date.now() / 1000 + retryAfterSeconds;
    this.failNext(
      method,
      path,
      429,
      { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      {
        'retry-after': String(Math.ceil(retryAfterSeconds)),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': resetAt.toFixed(3),
        'x-ratelimit-reset-after': retryAfterSeconds.toFixed(3),
        'x-ratelimit-bucket': 'fake0bucket0channel0messages',
        'x-ratelimit-scope': 'user',
      },
    );
  }

  /** Pushes a slash-command INTERACTION_CREATE (sendAutocomplete: one for the `focused` option); returns its id and token. */
  sendCommand(input: InteractionInput): { id: string; token: string; sentAt: number } {
    return this.#sendInteraction(input, 2);
  }

  sendAutocomplete(input: InteractionInput & { focused: string }): { id: string; token: string; sentAt: number } {
    return this.#sendInteraction(input, 4);
  }

  /** The first recorded request matching `predicate`, now or when it arrives (fails after `timeoutMs`). */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, label: string, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.requests.map((request) => `${request.method} ${request.path} → ${request.status}`).join('\n  ');
        reject(new Error(`fake Discord: no ${label} within ${timeoutMs} ms; saw:\n  ${seen}`));
      }, timeoutMs);
      this.#waiters.push({
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  /** Requests about one interaction: its callback, webhook edits, deletes and follow-ups, in order. */
  requestsFor(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter((request) => request.path.includes(interaction.token));
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // An interaction whose token the webhook routes accept: an HTTP-mode test signs and POSTs it. failNext: the next match gets this answer.
  newInteraction(input: InteractionInput, type: 2 | 4): ReturnType<typeof interactionPayload> {
    const payload = interactionPayload(this.identity, input, type);
    this.#interactions.set(payload.token, payload.channel_id);
    return payload;
  }

  #sendInteraction(input: InteractionInput, type: 2 | 4): { id: string; token: string; sentAt: number } {
    const payload = this.newInteraction(input, type);
    const sentAt = performance.now();
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return { id: payload.id, token: payload.token, sentAt };
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length) : pathname;
    let body: unknown = null;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = text;
    }
    const answer = this.#answer(method, path, url.searchParams, body, request.headers.authorization);
    const record: RecordedRequest = { method, path, query: url.searchParams, authorization: request.headers.authorization, body, status: answer.status, at };
    this.requests.push(record);
    for (const waiter of [...this.#waiters]) {
      if (waiter.predicate(record)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body === undefined) {
      // Discord answers 204 with no body and no JSON content type (discord.js then returns the raw response).
      response.writeHead(answer.status, headers).end();
    } else {
      response.writeHead(answer.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(answer.body));
    }
  }

  #answer(method: string, path: string, query: URLSearchParams, body: unknown, authorization: string | undefined): Answer {
    const injected = this.#injected.find((candidate) => candidate.method === method && candidate.path.test(path));
    if (injected !== undefined) {
      this.#injected.splice(this.#injected.indexOf(injected), 1);
      return { status: injected.status, body: injected.body, headers: injected.headers };
    }
    const parts = path.split('/').filter((part) => part !== '');
    // Interaction callbacks and webhook routes are authorised by the interaction token, not the bot token.
    const tokenRoute = parts[0] === 'interactions' || parts[0] === 'webhooks';
    if (!tokenRoute && authorization !== `Bot ${this.token}`) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    for (const route of [this.#gatewayRoute, this.#interactionRoute, this.#channelRoute, this.#commandRoute]) {
      const answer = route({ method, parts, body, query });
      if (answer !== null) return answer;
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  #gatewayRoute: Route = ({ method, parts }) => {
    if (method !== 'GET' || parts.join('/') !== 'gateway/bot') return null;
    return {
      status: 200,
      body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } },
    };
  };

  #invalidBody(body: unknown): Answer | null {
    const problems = messageLimitProblems(body);
    if (problems.length === 0) return null;
    return {
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035, errors: { _errors: problems.map((message) => ({ code: 'BASE_TYPE_MAX_LENGTH', message })) } },
    };
  }

  #interactionRoute: Route = ({ method, parts, body }) => {
    if (parts[0] === 'interactions' && parts[3] === 'callback' && method === 'POST') {
      const token = parts[2] ?? '';
      if (!this.#interactions.has(token)) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      return { status: 204 };
    }
    if (parts[0] !== 'webhooks' || parts[1] !== this.identity.applicationId) return null;
    const channelId = this.#interactions.get(parts[2] ?? '');
    if (channelId === undefined) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    const record = (body ?? {}) as Record<string, unknown>;
    if (parts[3] === 'messages' && parts[4] === '@original') {
      if (method === 'DELETE') return { status: 204 };
      if (method === 'PATCH') return this.#invalidBody(body) ?? { status: 200, body: messagePayload(this.identity, channelId, record, true) };
    }
    if (parts.length === 3 && method === 'POST')
      return this.#invalidBody(body) ?? { status: 200, body: messagePayload(this.identity, channelId, record, true) };
    return null;
  };

  /** Messages posted to each channel, oldest first, as Discord returns them (plus the nonce sent). */
  readonly posted = new Map<string, Array<ReturnType<typeof messagePayload> & { nonce?: unknown }>>();

  #channelRoute: Route = ({ method, parts, body, query }) => {
    if (parts[0] !== 'channels' || parts[2] !== 'messages' || parts.length !== 3) return null;
    if (method !== 'POST' && method !== 'GET') return null;
    const channelId = parts[1] ?? '';
    if (!this.channels.has(channelId) && !this.forbiddenChannels.has(channelId)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (this.forbiddenChannels.has(channelId)) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
    const history = this.posted.get(channelId) ?? [];
    if (method === 'GET') {
      // Newest first, as Discord answers GET /channels/{id}/messages.
      const limit = Math.min(100, Number(query.get('limit') ?? 50));
      return {
        status: 200,
        body: history
          .slice(-limit)
          .reverse()
          .map(({ nonce: _nonce, ...message }) => message),
      };
    }
    const record = (body ?? {}) as Record<string, unknown>;
    const invalid = this.#invalidBody(body);
    if (invalid !== null) return invalid;
    // enforce_nonce: a second message with the same nonce returns the first instead of posting.
    if (record['enforce_nonce'] === true && record['nonce'] !== undefined) {
      const earlier = history.find((message) => message.nonce === record['nonce']);
      if (earlier !== undefined) return { status: 200, body: earlier };
    }
    const message = { ...messagePayload(this.identity, channelId, record, false), nonce: record['nonce'] };
    this.posted.set(channelId, [...history, message]);
    return { status: 200, body: message };
  };

  #commandRoute: Route = ({ method, parts, body }) => {
    if (parts[0] !== 'applications' || parts[1] !== this.identity.applicationId) return null;
    const scope =
      parts[2] === 'commands' && parts.length === 3
        ? 'global'
        : parts[2] === 'guilds' && parts[4] === 'commands' && parts.length === 5
          ? (parts[3] ?? '')
          : null;
    if (scope === null) return null;
    if (method === 'GET') return { status: 200, body: this.registered.get(scope) ?? [] };
    if (method !== 'PUT' || !Array.isArray(body)) return null;
    const before = new Map((this.registered.get(scope) ?? []).map((command) => [command['name'], command]));
    const stored = (body as Array<Record<string, unknown>>).map((command) => ({
      ...command,
      id: (before.get(command['name'])?.['id'] as string | undefined) ?? snowflake(),
      application_id: this.identity.applicationId,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    this.registered.set(scope, stored);
    return { status: 200, body: stored };
  };
}

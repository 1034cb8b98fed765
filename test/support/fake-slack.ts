import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received: Web API calls under /api/, response_url posts under /respond/. */
export interface RecordedRequest {
  path: string;
  /** The Web API method (`chat.postMessage`) or `respond`. */
  method: string;
  token: string | null;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

export interface FakeWorkspace {
  teamId: string;
  botToken: string;
  botUserId?: string;
  botId?: string;
  enterpriseId?: string;
}

export interface FakeUser {
  id: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

type Answer = { status?: number; headers?: Record<string, string>; body: Record<string, unknown> };

interface Waiter {
  predicate: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json') === true) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends nested values (blocks) as JSON inside the form.
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

function send(response: ServerResponse, answer: Answer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  response.end(text);
}

/**
 * A loopback Slack: the Web API methods the bot uses (auth.test, chat.postMessage, users.info,
 * apps.connections.open, oauth.v2.access), response_url targets, and a Socket Mode WebSocket.
 * It speaks Slack's wire format (HTTP 200 with `ok: false` for errors, 429 with Retry-After)
 * and records every request so tests can wait for one instead of sleeping.
 */
export class FakeSlack {
  readonly requests: RecordedRequest[] = [];
  readonly workspaces = new Map<string, FakeWorkspace>();
  readonly users = new Map<string, FakeUser>();
  readonly revokedTokens = new Set<string>();
  readonly oauthCodes = new Map<string, FakeWorkspace>();
  readonly clientCredentials = { id: 'client-id', secret: 'client-secret' };
  /** Answers to give, in order, before the normal one: `queue('chat.postMessage', {...})`. */
  private readonly queued = new Map<string, Answer[]>();
  private readonly waiters: Waiter[] = [];
  private readonly sockets = new Set<WebSocket>();
  private server: Server | null = null;
  private webSockets: WebSocketServer | null = null;
  private nextTs = 1_700_000_000;
  private nextResponse = 0;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.handle(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    this.webSockets = new WebSocketServer({ server: this.server, path: '/socket' });
    this.webSockets.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        this.record({ path: '/socket', method: 'socket-close', token: null, body: {}, headers: {} });
      });
      socket.on('message', (data) =>
        this.record({ path: '/socket', method: 'socket-message', token: null, body: JSON.parse(String(data)) as Record<string, unknown>, headers: {} }),
      );
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0FAKE' } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  addWorkspace(workspace: FakeWorkspace): void {
    this.workspaces.set(workspace.botToken, workspace);
  }

  /** The next calls of `method` get these answers, in order. */
  queue(method: string, ...answers: Answer[]): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), ...answers]);
  }

  /** A fresh response_url on this fake. */
  responseUrl(): string {
    this.nextResponse += 1;
    return `http://127.0.0.1:${this.port}/respond/${this.nextResponse}`;
  }

  calls(method: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method);
  }

  /** Resolves with the first recorded request (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Slack: no matching request within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  /** Sends a Socket Mode envelope to every connected client and resolves with the client's ack. */
  async sendEnvelope(type: string, payload: Record<string, unknown>, envelopeId: string): Promise<RecordedRequest> {
    const ack = this.waitFor((request) => request.method === 'socket-message' && request.body['envelope_id'] === envelopeId);
    for (const socket of this.sockets) socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    return ack;
  }

  get connectedSockets(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.webSockets === null ? resolve() : this.webSockets.close(() => resolve())));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server === null ? resolve() : this.server.close(() => resolve())));
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(request)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }

  private handle(request: IncomingMessage, raw: string, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = parseBody(raw, request.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body['token'] === 'string' ? body['token'] : null);
    const method = path.startsWith('/respond/') ? 'respond' : path.replace(/^\/api\//, '');
    this.record({ path, method, token, body, headers: request.headers });
    const queued = this.queued.get(method)?.shift();
    send(response, queued ?? this.answer(method, token, body));
  }

  private answer(method: string, token: string | null, body: Record<string, unknown>): Answer {
    if (method === 'respond') return { body: { ok: true } };
    if (method === 'oauth.v2.access') return this.oauthAccess(body);
    if (method === 'apps.connections.open') {
      return token?.startsWith('xapp-') === true
        ? { body: { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=fake` } }
        : { body: { ok: false, error: 'invalid_auth' } };
    }
    if (token !== null && this.revokedTokens.has(token)) return { body: { ok: false, error: 'token_revoked' } };
    const workspace = token === null ? undefined : this.workspaces.get(token);
    if (workspace === undefined) return { body: { ok: false, error: 'invalid_auth' } };
    if (method === 'auth.test') {
      return {
        body: {
          ok: true,
          url: `https://${workspace.teamId.toLowerCase()}.slack.test/`,
          team: `Team ${workspace.teamId}`,
          user: 'market-brief',
          team_id: workspace.teamId,
          user_id: workspace.botUserId ?? 'UBOT',
          bot_id: workspace.botId ?? 'BBOT',
          is_enterprise_install: false,
        },
      };
    }
    if (method === 'users.info') {
      const user = this.users.get(String(body['user']));
      if (user === undefined) return { body: { ok: false, error: 'user_not_found' } };
      return {
        body: {
          ok: true,
          user: { id: user.id, team_id: workspace.teamId, is_admin: user.isAdmin ?? false, is_owner: user.isOwner ?? false, is_primary_owner: false },
        },
      };
    }
    if (method === 'chat.postMessage') {
      if (typeof body['channel'] !== 'string' || body['channel'] === '') return { body: { ok: false, error: 'channel_not_found' } };
      this.nextTs += 1;
      const ts = `${this.nextTs}.000100`;
      return { body: { ok: true, channel: body['channel'], ts, message: { type: 'message', text: body['text'], ts } } };
    }
    return { body: { ok: false, error: 'unknown_method' } };
  }

  private oauthAccess(body: Record<string, unknown>): Answer {
    if (body['client_id'] !== this.clientCredentials.id || body['client_secret'] !== this.clientCredentials.secret) {
      return { body: { ok: false, error: 'invalid_client_id' } };
    }
    const workspace = this.oauthCodes.get(String(body['code']));
    if (workspace === undefined) return { body: { ok: false, error: 'invalid_code' } };
    this.oauthCodes.delete(String(body['code']));
    this.addWorkspace(workspace);
    return {
      body: {
        ok: true,
        app_id: 'A0FAKE',
        authed_user: { id: 'UINSTALLER' },
        scope: 'chat:write,commands,users:read',
        token_type: 'bot',
        access_token: workspace.botToken,
        bot_user_id: workspace.botUserId ?? 'UBOT',
        team: { id: workspace.teamId, name: `Team ${workspace.teamId}` },
        enterprise: null,
        is_enterprise_install: false,
      },
    };
  }
}

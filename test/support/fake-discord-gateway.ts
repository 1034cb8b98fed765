import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { type FakeIdentity, guildCreatePayload, readyPayload } from './fake-discord-payloads.ts';

/** What the fake gateway saw from clients. */
export interface GatewayLog {
  connections: number;
  identifies: Array<{ token: string; intents: number }>;
  heartbeats: number;
}

/**
 * The gateway half of the fake Discord, on the same port as its REST API: HELLO on connect,
 * IDENTIFY → READY (one unavailable guild) then GUILD_CREATE, heartbeat → ACK, and dispatches
 * pushed by the test.
 */
export class FakeGateway {
  readonly log: GatewayLog = { connections: 0, identifies: [], heartbeats: 0 };
  readonly #server: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  readonly #identity: FakeIdentity;
  readonly #token: string;
  readonly #heartbeatIntervalMs: number;
  #sequence = 0;
  #url = '';
  #readyWaiters: Array<() => void> = [];
  #heartbeatWaiters: Array<{ count: number; resolve: () => void }> = [];
  #ready = false;

  constructor(httpServer: Server, options: { identity: FakeIdentity; token: string; heartbeatIntervalMs: number }) {
    this.#identity = options.identity;
    this.#token = options.token;
    this.#heartbeatIntervalMs = options.heartbeatIntervalMs;
    this.#server = new WebSocketServer({ server: httpServer });
    this.#server.on('connection', (socket) => this.#accept(socket));
  }

  set url(value: string) {
    this.#url = value;
  }

  /** Resolves once a client has identified and been sent READY and its guild. */
  whenReady(): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.push(resolve));
  }

  /** Resolves once the clients have sent `count` heartbeats in all (each one answered with an ACK). */
  whenHeartbeats(count: number): Promise<void> {
    if (this.log.heartbeats >= count) return Promise.resolve();
    return new Promise((resolve) => this.#heartbeatWaiters.push({ count, resolve }));
  }

  /** Sends a dispatch (op 0) with the next sequence number to every connected client. */
  dispatch(event: string, data: unknown): void {
    this.#sequence += 1;
    const frame = JSON.stringify({ op: 0, t: event, s: this.#sequence, d: data });
    for (const socket of this.#sockets) socket.send(frame);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: WebSocket): void {
    this.log.connections += 1;
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('message', (raw) => this.#receive(socket, raw.toString()));
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.#heartbeatIntervalMs } }));
  }

  #receive(socket: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: unknown };
    if (frame.op === 1) {
      this.log.heartbeats += 1;
      socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      for (const waiter of this.#heartbeatWaiters.filter((candidate) => candidate.count <= this.log.heartbeats)) {
        this.#heartbeatWaiters.splice(this.#heartbeatWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      return;
    }
    if (frame.op === 2) {
      const identify = frame.d as { token: string; intents: number };
      this.log.identifies.push({ token: identify.token, intents: identify.intents });
      if (identify.token.replace(/^Bot /, '') !== this.#token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      this.#sequence += 1;
      socket.send(JSON.stringify({ op: 0, t: 'READY', s: this.#sequence, d: readyPayload(this.#identity, this.#url) }));
      this.dispatch('GUILD_CREATE', guildCreatePayload(this.#identity));
      this.#ready = true;
      for (const resolve of this.#readyWaiters.splice(0)) resolve();
    }
  }
}

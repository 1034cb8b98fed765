import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { countTokens } from 'gpt-tokenizer';
import { prompts } from '../../prompts/index.ts';
import { answerFor, type AnswerStyle } from './fake-openai-answers.ts';

/** What the fake does with one request instead of answering faithfully. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; retryAfterMs?: number }
  /** Never answers: the client's timeout must fire. */
  | { kind: 'hang' }
  | { kind: 'slow'; delayMs: number }
  /** Truncated JSON. */
  | { kind: 'malformed' }
  /** Valid JSON of the wrong shape. */
  | { kind: 'schema-invalid' }
  /** A faithful answer with an invented figure and company in it. */
  | { kind: 'invent' }
  /** An answer that obeys instructions planted in an article (links, mentions, channels, commands). */
  | { kind: 'inject' }
  /** A faithful answer plus a claim with no figure or name that no source makes. */
  | { kind: 'unsupported' }
  /** A faithful answer plus the model repeating its own instructions. */
  | { kind: 'echo' };

export interface RecordedRequest {
  /** The response_format schema name: the prompt id. */
  promptId: string;
  body: { model: string; messages: Array<{ role: string; content: string }>; response_format?: unknown; [key: string]: unknown };
  headers: IncomingMessage['headers'];
  fault: Fault['kind'] | null;
  inputTokens: number;
  outputTokens: number;
}

export interface FakeOpenAi {
  /** For the SDK's `baseURL` / OPENAI_BASE_URL. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Requests answered (any outcome), optionally for one prompt. */
  calls(promptId?: string): number;
  tokens(): { input: number; output: number };
  /** Faults for the next requests, one each, in order. */
  queue(...faults: Fault[]): void;
  /** A fault chosen per request (after the queue is empty); null answers faithfully. */
  setFaults(choose: ((request: RecordedRequest) => Fault | null) | null): void;
  /** Most requests in flight at once. */
  maxInFlight(): number;
  reset(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

/**
 * A loopback OpenAI-compatible server (node:http on 127.0.0.1, port 0) speaking
 * `POST /v1/chat/completions` the way the real `openai` SDK expects, recording every request.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queued: Fault[] = [];
  let choose: ((request: RecordedRequest) => Fault | null) | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer(async (request, response) => {
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      sendJson(response, 404, { error: { message: `no route ${request.method} ${request.url}`, type: 'invalid_request_error' } });
      return;
    }
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => (inFlight -= 1));
    const body = JSON.parse(await readBody(request)) as RecordedRequest['body'];
    const format = body.response_format as { json_schema?: { name?: string } } | undefined;
    const recorded: RecordedRequest = {
      // json_object mode names no schema: the system text tells which prompt it is.
      promptId: format?.json_schema?.name ?? prompts.find((prompt) => body.messages[0]?.content.startsWith(prompt.system))?.id ?? 'unknown',
      body,
      headers: request.headers,
      fault: null,
      inputTokens: body.messages.reduce((sum, message) => sum + countTokens(message.content), 0),
      outputTokens: 0,
    };
    requests.push(recorded);
    const fault = queued.shift() ?? choose?.(recorded) ?? null;
    recorded.fault = fault?.kind ?? null;

    if (fault?.kind === 'hang') return; // the socket stays open until the client gives up or close() destroys it
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      sendJson(response, fault.status, { error: { message: `fake failure ${fault.status}`, type: 'server_error', code: null } }, headers);
      return;
    }
    const kind = fault?.kind;
    const style: AnswerStyle = kind === 'invent' || kind === 'inject' || kind === 'unsupported' || kind === 'echo' ? kind : 'faithful';
    let content = answerFor(recorded.promptId, body.messages, style);
    if (fault?.kind === 'malformed') content = content.slice(0, Math.max(1, Math.floor(content.length / 2)));
    if (fault?.kind === 'schema-invalid') content = JSON.stringify({ unexpected: true, items: 'not a list' });
    recorded.outputTokens = countTokens(content);
    const completion = {
      id: `chatcmpl-fake-${requests.length}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: recorded.inputTokens, completion_tokens: recorded.outputTokens, total_tokens: recorded.inputTokens + recorded.outputTokens },
    };
    if (fault?.kind === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        sendJson(response, 200, completion);
      }, fault.delayMs);
      timers.add(timer);
      return;
    }
    sendJson(response, 200, completion);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    calls: (promptId) => requests.filter((request) => promptId === undefined || request.promptId === promptId).length,
    tokens: () => ({
      input: requests.reduce((sum, request) => sum + request.inputTokens, 0),
      output: requests.reduce((sum, request) => sum + request.outputTokens, 0),
    }),
    queue: (...faults) => queued.push(...faults),
    setFaults: (next) => {
      choose = next;
    },
    maxInFlight: () => maxInFlight,
    reset: () => {
      requests.length = 0;
      queued.length = 0;
      choose = null;
      maxInFlight = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { pino } from 'pino';
import type { Logger } from './ports/index.ts';

/** Where log lines go: stderr by default, so stdout stays free for replies and `--json` output. */
export interface LogStream {
  write(line: string): unknown;
  isTTY?: boolean | undefined;
}

export interface LoggerOptions {
  /** Default process.stderr. */
  stream?: LogStream | undefined;
  /** Human-readable lines instead of JSON; default: when the stream is a terminal. */
  human?: boolean | undefined;
}

const DETAILED_LEVELS = new Set(['debug', 'trace']);

/** An error as one short field set: the stack (and the cause's) only at debug and trace. */
function briefError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const cause = error.cause instanceof Error ? error.cause : null;
  const extra = error as Error & { code?: unknown; status?: unknown; failure?: unknown };
  return {
    type: error.name,
    message: cause === null || error.message.includes(cause.message) ? error.message : `${error.message}: ${cause.message}`,
    ...(typeof extra.code === 'string' || typeof extra.code === 'number' ? { code: extra.code } : {}),
    ...(typeof extra.status === 'number' ? { status: extra.status } : {}),
    ...(typeof extra.failure === 'string' ? { failure: extra.failure } : {}),
  };
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'msg', 'service', 'err']);

function fieldValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[^\s"=]+$/.test(text ?? '') ? String(text) : JSON.stringify(text);
}

/** One JSON log line as a person reads it: `12:03:04 WARN message key=value … (Type: why)`, the stack below at debug. */
export function humanLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = typeof entry['time'] === 'number' ? new Date(entry['time']).toISOString().slice(11, 19) : '';
  const level = LEVEL_NAMES[Number(entry['level'])] ?? String(entry['level']);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${fieldValue(value)}`);
  const error = entry['err'] as { type?: string; message?: string; stack?: string } | undefined;
  const why = error === undefined ? '' : ` (${error.type ?? 'Error'}: ${error.message ?? ''})`;
  const stack = typeof error?.stack === 'string' ? `\n${error.stack.replace(/^/gm, '    ')}` : '';
  return `${time} ${level} ${String(entry['msg'] ?? '')}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}${why}${stack}\n`;
}

/**
 * Logs on stderr: JSON lines for machines, or human-readable lines on a terminal. An error is
 * one line (type, message, code) unless the level is debug or trace, which adds the stack.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const human = options.human ?? stream.isTTY === true;
  const settings = {
    level,
    base: { service: 'market-brief' },
    serializers: { err: DETAILED_LEVELS.has(level) ? pino.stdSerializers.errWithCause : briefError },
  };
  if (human) return pino(settings, { write: (line: string) => void stream.write(humanLogLine(line)) });
  return pino(settings, stream === process.stderr ? pino.destination({ dest: 2, sync: true }) : { write: (line: string) => void stream.write(line) });
}

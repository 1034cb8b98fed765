// What crosses between the main thread and the engine's threads: requests, answers, and errors
// turned into plain data and back (a UserFacingError stays one, so its message still reaches the user).
import { InputError, type RawArticle, UserFacingError, type BriefRequest } from '../domain/index.ts';
import type { BatchResult } from '../pipeline/index.ts';
import type { Owner } from '../ports/index.ts';
import type { CommandContext, CommandSettings, RawOptions } from '../dispatch/index.ts';
import type { PoolSettings } from '../store/index.ts';

/**
 * `store`: the Store port's calls; `ingest`: whole ingest batches; `compose`: offline briefs (no
 * connection); `query`: the read-only commands (/company, /market, …) over a read connection of its own.
 */
export type ThreadRole = 'store' | 'ingest' | 'compose' | 'query';

/** The database the engine's threads connect to. */
export type EngineDatabase = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string; pool: PoolSettings };

/** Given to each thread at start: its role and the database the store and ingest threads open. */
export interface ThreadData {
  role: ThreadRole;
  database: EngineDatabase;
}

export type EngineRequest =
  | { kind: 'store'; method: string; args: unknown[] }
  | { kind: 'ingest'; raws: readonly RawArticle[]; owners: readonly Owner[]; topics: readonly string[]; at: string }
  | { kind: 'compose'; request: BriefRequest }
  | { kind: 'command'; name: string; options: RawOptions; context: CommandContext; settings: CommandSettings }
  | { kind: 'close' };

/** The first message of a thread: its connection is open and migrated, or why it is not. */
export type ThreadStarted = { started: true } | { started: false; error: WireError };

export type EngineAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

export interface WireError {
  name: string;
  message: string;
  stack?: string | undefined;
  userFacing: boolean;
  input?: string | undefined;
  /** SQLite's result code, when the error is SQLite's. */
  errcode?: number | undefined;
  code?: string | undefined;
}

/** A batch result with its per-item error as plain data. */
export type WireBatchResult = Exclude<BatchResult, { error: unknown }> | { wireError: WireError };

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), userFacing: false };
  const fields = error as Error & { errcode?: unknown; code?: unknown; input?: unknown };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    userFacing: error instanceof UserFacingError,
    ...(error instanceof InputError ? { input: error.input } : {}),
    ...(typeof fields.errcode === 'number' ? { errcode: fields.errcode } : {}),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
  };
}

/** The error again, of the same kind where it matters (user-facing or not) and with the thread's stack. */
export function fromWire(wire: WireError): Error {
  let error: Error;
  if (wire.input !== undefined) {
    error = new InputError(wire.input, '');
    error.message = wire.message;
  } else if (wire.userFacing) error = new UserFacingError(wire.message);
  else {
    error = new Error(wire.message);
    error.name = wire.name;
  }
  if (wire.stack !== undefined) error.stack = wire.stack;
  if (wire.errcode !== undefined) Object.assign(error, { errcode: wire.errcode });
  if (wire.code !== undefined) Object.assign(error, { code: wire.code });
  return error;
}

export function resultsToWire(results: readonly BatchResult[]): WireBatchResult[] {
  return results.map((result) => ('outcome' in result ? result : { wireError: toWire(result.error) }));
}

export function resultsFromWire(results: readonly WireBatchResult[]): BatchResult[] {
  return results.map((result) => ('wireError' in result ? { error: fromWire(result.wireError) } : result));
}

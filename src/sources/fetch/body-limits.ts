import type { IncomingMessage } from 'node:http';
import { Transform, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createZstdDecompress } from 'node:zlib';
import { FetchError } from './fetch-error.ts';

/** The encodings we ask for and can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** null: nothing to undo; undefined: an encoding we cannot undo. */
function decoderFor(encoding: string): Duplex | null | undefined {
  switch (encoding) {
    case 'identity':
    case '':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    case 'zstd':
      return createZstdDecompress();
    default:
      return undefined;
  }
}

export function megabytes(count: number): string {
  return `${(count / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Reads a response body into memory, never more than `maxBytes` as received and never more than
 * `maxBytes` once decompressed: a gzip bomb or an endless body is cut off at the limit, not buffered.
 * `signal` (the request's deadline) ends a body that trickles in.
 */
export async function readBody(response: IncomingMessage, url: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Uint8Array> {
  const { maxBytes } = options;
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new FetchError(url, 'too-large', `response too large (${megabytes(declared)} announced; the limit is ${megabytes(maxBytes)}, set FETCH_MAX_BYTES)`);
  }
  const encodings = String(response.headers['content-encoding'] ?? '')
    .toLowerCase()
    .split(',')
    .map((encoding) => encoding.trim())
    .filter((encoding) => encoding !== '' && encoding !== 'identity');
  if (encodings.length > 1) throw new FetchError(url, 'unsupported', `stacked content encodings are not supported (${encodings.join(', ')})`);
  const decoder = decoderFor(encodings[0] ?? '');
  if (decoder === undefined) throw new FetchError(url, 'unsupported', `unsupported content encoding "${encodings[0]}"`);

  let received = 0;
  const countReceived = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) callback(new FetchError(url, 'too-large', `response too large (over ${megabytes(maxBytes)} received; set FETCH_MAX_BYTES)`));
      else callback(null, chunk);
    },
  });
  const chunks: Buffer[] = [];
  let size = 0;
  async function collect(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new FetchError(url, 'too-large', `response too large once decompressed (over ${megabytes(maxBytes)}; set FETCH_MAX_BYTES)`);
      }
      chunks.push(chunk);
    }
  }
  try {
    if (decoder === null) await pipeline(response, countReceived, collect, { signal: options.signal });
    else await pipeline(response, countReceived, decoder, collect, { signal: options.signal });
  } catch (error) {
    throw bodyError(error, url, options.signal, encodings.length > 0);
  }
  return Buffer.concat(chunks, size);
}

function bodyError(error: unknown, url: string, signal: AbortSignal, compressed: boolean): unknown {
  if (error instanceof FetchError) return error;
  if (signal.aborted) return signal.reason instanceof FetchError ? signal.reason : new FetchError(url, 'timeout', 'timed out while reading the response');
  const code = (error as { code?: string } | null)?.code ?? '';
  if (compressed && code.startsWith('Z_')) return new FetchError(url, 'network', 'the compressed response is damaged');
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE')
    return new FetchError(url, 'network', 'the connection closed before the response was complete');
  return new FetchError(url, 'network', `reading the response failed (${error instanceof Error ? error.message : String(error)})`);
}

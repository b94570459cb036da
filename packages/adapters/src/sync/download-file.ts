import { createWriteStream } from 'node:fs';
import { rm, utimes } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError, isDomainError } from '@entente/core';

/** Limits and the fetch implementation of one download. */
export interface DownloadOptions {
  fetch?: typeof fetch;
  /** Whole request, headers and body, in milliseconds (default 120 s). */
  timeoutMs?: number;
  /** Largest accepted body in bytes (default 256 MiB). */
  maxBytes?: number;
}

/** What one download wrote. */
export interface DownloadedFile {
  url: string;
  file: string;
  bytes: number;
  /** The server's `Last-Modified`, when sent (also set as the file's modification time). */
  lastModified?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BYTES = 256 * 2 ** 20;

function failed(url: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('sync-failed', `GET ${url}: ${message}`, { url, ...details });
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return (
    signal.aborted ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}

/** Counts bytes as they pass and fails once more than `max` went through. */
function byteLimit(url: string, max: number, counted: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.length;
      if (counted.bytes > max) done(failed(url, `larger than the ${max} bytes allowed`, { maxBytes: max }));
      else done(null, chunk);
    },
  });
}

/**
 * Downloads `url` to `dest`, streamed to disk, within a timeout and a size limit.
 * Throws `DomainError('sync-failed')` naming the URL (and the HTTP status when
 * the server answered); a partial file is removed.
 *
 * @example
 * await downloadFile('https://scsanctions.un.org/resources/xml/en/consolidated.xml', '/tmp/x/consolidated.xml');
 */
export async function downloadFile(
  url: string,
  dest: string,
  options: DownloadOptions = {},
): Promise<DownloadedFile> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => failed(url, `no complete answer within ${timeoutMs / 1000} s`, { timeoutMs });
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      signal,
      redirect: 'follow',
      headers: { 'user-agent': 'entente-sync' },
    });
  } catch (error) {
    if (isTimeout(error, signal)) throw timedOut();
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw failed(url, `request failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw failed(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, {
      status: response.status,
    });
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw failed(url, `declares ${declared} bytes, more than the ${maxBytes} allowed`, {
      maxBytes,
      status: response.status,
    });
  }
  if (!response.body) throw failed(url, 'empty answer', { status: response.status });
  const counted = { bytes: 0 };
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream),
      byteLimit(url, maxBytes, counted),
      createWriteStream(dest),
    );
  } catch (error) {
    await rm(dest, { force: true });
    if (isDomainError(error)) throw error;
    if (isTimeout(error, signal)) throw timedOut();
    throw failed(url, `download broke off after ${counted.bytes} bytes: ${(error as Error).message}`);
  }
  const lastModified = response.headers.get('last-modified') ?? undefined;
  const modified = lastModified ? new Date(lastModified) : undefined;
  // Formats without a date in the content fall back to the file's time: make it the publisher's.
  if (modified && !Number.isNaN(modified.getTime())) await utimes(dest, modified, modified);
  return { url, file: dest, bytes: counted.bytes, ...(lastModified ? { lastModified } : {}) };
}

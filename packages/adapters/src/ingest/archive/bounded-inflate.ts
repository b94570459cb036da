import { gunzipSync, inflateRawSync } from 'node:zlib';
import { DomainError } from '@entente/core';
import { entryData, readZipDirectory, type ZipEntry } from './zip-central-directory.ts';

/**
 * How far a compressed input may expand: in total, and relative to its
 * compressed size (deflate tops out near 1:1032, which only crafted input reaches).
 */
export interface InflateLimits {
  maxBytes: number;
  maxRatio: number;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
}

function refuse(file: string, message: string, details: Record<string, unknown>): never {
  throw new DomainError('file-rejected', `${file}: ${message}; nothing was read`, { file, ...details });
}

/**
 * Refuses (`file-rejected`, naming the file, the entry and the limit) an
 * archive whose declared sizes pass the limits, before anything is inflated.
 */
export function checkZipLimits(entries: readonly ZipEntry[], file: string, limits: InflateLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > limits.maxRatio * Math.max(e.compressedSize, 1))
      refuse(
        file,
        `${e.name} would expand ${Math.round(e.size / Math.max(e.compressedSize, 1))} times, over the limit of ${limits.maxRatio}`,
        { entry: e.name, limit: 'ratio', maxRatio: limits.maxRatio },
      );
    if (total > limits.maxBytes)
      refuse(
        file,
        `its files would expand to over ${megabytes(limits.maxBytes)}, the limit for this format`,
        {
          entry: e.name,
          limit: 'size',
          maxBytes: limits.maxBytes,
        },
      );
  }
}

/** Inflates one entry into at most its declared size, refusing one whose data is larger or smaller. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  if (entry.encrypted) refuse(file, `${entry.name} is encrypted`, { entry: entry.name });
  const data = entryData(bytes, entry, file);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (cause) {
      const tooLarge = (cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      refuse(
        file,
        tooLarge
          ? `${entry.name} expands past the ${entry.size} bytes its directory declares`
          : `${entry.name} cannot be inflated (${(cause as Error).message})`,
        { entry: entry.name, ...(tooLarge ? { limit: 'declared-size' } : {}) },
      );
    }
  } else
    refuse(file, `${entry.name} uses compression method ${entry.method}, not deflate`, { entry: entry.name });
  if (out.length !== entry.size)
    refuse(file, `${entry.name} holds ${out.length} bytes, not the ${entry.size} its directory declares`, {
      entry: entry.name,
    });
  return out;
}

/**
 * The entries `accept` takes from a ZIP archive, inflated within `limits`:
 * declared sizes are checked before inflating, and no entry may expand past
 * its declared size, so a crafted archive costs at most `limits.maxBytes`.
 *
 * @example
 * const files = unzipBounded(bytes, 'SDN_ENHANCED.ZIP', { maxBytes: 512 << 20, maxRatio: 200 }, (n) => n.endsWith('.xml'));
 */
export function unzipBounded(
  bytes: Uint8Array,
  file: string,
  limits: InflateLimits,
  accept: (name: string) => boolean = () => true,
): Map<string, Uint8Array> {
  const entries = readZipDirectory(bytes, file).filter((e) => !e.name.endsWith('/') && accept(e.name));
  checkZipLimits(entries, file, limits);
  return new Map(entries.map((e) => [e.name, inflateEntry(bytes, e, file)]));
}

/** A gzip file's content, refused (`file-rejected`) once it expands past `limits`. */
export function gunzipBounded(bytes: Uint8Array, file: string, limits: InflateLimits): Uint8Array {
  const max = Math.min(limits.maxBytes, Math.max(1, bytes.length * limits.maxRatio));
  try {
    return gunzipSync(bytes, { maxOutputLength: max });
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      refuse(file, `it expands past ${megabytes(max)}, the limit for this format`, {
        limit: max === limits.maxBytes ? 'size' : 'ratio',
        maxBytes: max,
      });
    refuse(file, `not a readable gzip file (${(cause as Error).message})`, {});
  }
}

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@entente/core';
import { gunzipBounded, type InflateLimits } from '../archive/bounded-inflate.ts';

/** How far a gzipped CSL may expand: the 2022 CSV is 1.4 MB gzipped, 5.8 MB unzipped. */
export const CSL_GZIP_LIMITS: InflateLimits = { maxBytes: 512 * 1024 * 1024, maxRatio: 200 };

/**
 * The text of an input file, gunzipped when it starts with the gzip magic
 * bytes (so `consolidated.csv.gz` and `consolidated.csv` read alike) and with
 * any byte-order mark removed. Throws `file-unreadable` when it cannot be read
 * and `file-rejected` when it is empty, a broken gzip or expands past `CSL_GZIP_LIMITS`.
 */
export async function readInputText(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(err as Error).message}`, { file });
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = gunzipBounded(bytes, file, CSL_GZIP_LIMITS);
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (!text.trim()) throw new DomainError('file-rejected', `${file} is empty`, { file });
  return text;
}

/**
 * The files to parse: each path as given, or for a folder the files in it
 * whose name `accept` takes (sorted). Throws `file-unreadable` for a missing path.
 */
export async function expandInputPaths(
  paths: string[],
  accept: (name: string) => boolean,
): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new DomainError('file-unreadable', `No such file or folder: ${p}`, { file: p });
    }
    if (!info.isDirectory()) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p)).filter(accept).sort();
    if (names.length === 0)
      throw new DomainError('file-rejected', `${p} holds no file of this format`, { file: p });
    out.push(...names.map((n) => path.join(p, n)));
  }
  return out;
}

/** `YYYY-MM-DD` (or `YYYY-MM`) found in a file's path, e.g. `csl-2022-05/…` → `2022-05`; the last one wins. */
export function dateFromPath(file: string): string | undefined {
  const matches = [...file.matchAll(/(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)/g)];
  const m = matches[matches.length - 1];
  if (!m) return undefined;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

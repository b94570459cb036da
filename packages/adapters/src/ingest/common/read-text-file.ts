import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@entente/core';

/** How many leading bytes are checked for NUL bytes, the mark of a binary file. */
const BINARY_PROBE = 8192;

/**
 * Reads a list file as text: UTF-8 (BOM stripped) or, when the bytes are not
 * valid UTF-8, Windows-1252 (what Excel and older publishers write); UTF-16
 * with a BOM is decoded too. Rejects empty and binary files.
 */
export async function readTextFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(err as Error).message}`, { file });
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    throw new DomainError('file-rejected', `${file} looks like a binary file, not text`, { file });
  }
  if (text.trim() === '') throw new DomainError('file-rejected', `${file} is empty`, { file });
  return text;
}

/** Decodes bytes to text, or undefined when they look binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252 characters for bytes 0x80 to 0x9F (Node's TextDecoder reads them as Latin-1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * The files a parse call reads: each path as given, or for a folder the files
 * in it (not recursive) that `accept` keeps, sorted by name.
 */
export async function expandPaths(paths: string[], accept: (name: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      throw new DomainError('file-unreadable', `Cannot read ${p}: ${(err as Error).message}`, { file: p });
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    const names = (await readdir(p)).filter(accept).sort();
    files.push(...names.map((n) => path.join(p, n)));
  }
  return files;
}

/** Every file under `dir` (recursively) whose name `accept` keeps; [] when `dir` does not exist. */
export async function findFilesUnder(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && accept(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The modification date of a file as `YYYY-MM-DD` (UTC), the fallback publication date. */
export async function fileDate(file: string): Promise<string> {
  return (await stat(file)).mtime.toISOString().slice(0, 10);
}

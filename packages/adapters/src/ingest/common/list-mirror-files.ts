import { open, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` (recursively), absolute and sorted; empty when `dir` does not exist. */
export async function listMirrorFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The first `bytes` bytes of a file as UTF-8, to sniff its format without reading it whole. */
export async function readFileHead(file: string, bytes = 2048): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The last `YYYY-MM-DD` date in a path (a bare `YYYY-MM` counts as its first day), if any. */
export function dateFromPath(file: string): string | undefined {
  const matches = [...file.matchAll(/(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)/g)];
  const last = matches.at(-1);
  if (!last) return undefined;
  return `${last[1]}-${last[2]}-${last[3] ?? '01'}`;
}

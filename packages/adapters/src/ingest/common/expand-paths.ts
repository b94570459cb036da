import { stat } from 'node:fs/promises';
import { DomainError } from '@entente/core';
import { listMirrorFiles } from './list-mirror-files.ts';

/**
 * The files named by `paths`: a file stays as given, a folder becomes the
 * files under it that `accept` keeps. A missing path throws `file-unreadable`.
 */
export async function expandPaths(paths: string[], accept: (file: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new DomainError('file-unreadable', `Cannot read ${p}: no such file or folder`, { file: p });
    }
    if (info.isDirectory()) out.push(...(await listMirrorFiles(p)).filter(accept));
    else out.push(p);
  }
  if (out.length === 0)
    throw new DomainError('file-rejected', `No input files in ${paths.join(', ')}`, { file: paths[0] });
  return out;
}

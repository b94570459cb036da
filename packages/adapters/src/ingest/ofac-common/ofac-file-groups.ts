import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@entente/core';
import { readFileHead } from '../common/list-mirror-files.ts';
import type { OfacCsvFiles } from './parse-ofac-legacy-csv.ts';

/** File names of each role of one legacy CSV layout (`sdn.csv`, `alt.csv`, …). */
export type OfacFileNames = Record<keyof OfacCsvFiles, RegExp>;

/** The given paths with every folder replaced by the files directly inside it that `keep` accepts, sorted. */
export async function expandPaths(
  paths: string[],
  keep: (name: string) => boolean = () => true,
): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (cause) {
      throw new DomainError('file-unreadable', `Cannot read ${given}: ${(cause as Error).message}`, {
        file: given,
      });
    }
    if (!info.isDirectory()) files.push(given);
    else {
      const entries = await readdir(given, { withFileTypes: true });
      files.push(
        ...entries
          .filter((e) => e.isFile() && keep(e.name))
          .map((e) => path.join(given, e.name))
          .sort(),
      );
    }
  }
  return files;
}

/**
 * Assigns each file to its role by name. A single file with an unexpected name
 * is taken as the primary file; otherwise an unexpected name is rejected.
 */
export function classifyOfacFiles(files: string[], names: OfacFileNames, formatName: string): OfacCsvFiles {
  const roles: Partial<OfacCsvFiles> = {};
  for (const file of files) {
    const base = path.basename(file);
    const role = (Object.keys(names) as (keyof OfacCsvFiles)[]).find((r) => names[r].test(base));
    if (role) roles[role] = file;
    else if (files.length === 1) roles.primary = file;
    else
      throw new DomainError('file-rejected', `${base} is not a file of the ${formatName} format`, { file });
  }
  if (!roles.primary) {
    throw new DomainError(
      'file-rejected',
      `No primary file among ${files.map((f) => path.basename(f)).join(', ') || 'the given paths'} (${formatName})`,
      {
        file: files[0] ?? '',
      },
    );
  }
  return roles as OfacCsvFiles;
}

/** Every folder under `root` (itself included) with the files directly inside it. */
export async function listFolders(root: string): Promise<{ dir: string; files: string[] }[]> {
  const out: { dir: string; files: string[] }[] = [];
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return out;
  }
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(root, e.name))
    .sort();
  if (files.length > 0) out.push({ dir: root, files });
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    out.push(...(await listFolders(path.join(root, e.name))));
  }
  return out;
}

/** A legacy OFAC primary row starts with a number and a quoted name: `36,"AEROCARIBBEAN AIRLINES",`. */
const PRIMARY_HEAD = /^\uFEFF?\d+,"[^"]+",/;

/**
 * The legacy CSV publications in a mirror: one group per folder under
 * `<mirrorDir>/lists/` holding a primary file whose first row looks like OFAC's.
 */
export async function findOfacCsvGroups(mirrorDir: string, names: OfacFileNames): Promise<string[][]> {
  const groups: string[][] = [];
  for (const { files } of await listFolders(path.join(mirrorDir, 'lists'))) {
    const primary = files.find((f) => names.primary.test(path.basename(f)));
    if (!primary || !PRIMARY_HEAD.test(await readFileHead(primary, 512))) continue;
    const roles = Object.values(names);
    groups.push(files.filter((f) => roles.some((r) => r.test(path.basename(f)))).map((f) => path.resolve(f)));
  }
  return groups;
}

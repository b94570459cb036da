import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ListFormat } from '../list-format.ts';
import { expandInputPaths } from '../common/read-input-text.ts';
import { ENTITY_LIST_SOURCE, MEU_SOURCE, parseEcfr744 } from './parse-ecfr-744.ts';

const FILE_NAME = 'title-15_part-744.xml';

/** Sniffs the file's first bytes for the Part 744 root element; false when it is missing or another part. */
async function isPart744(file: string): Promise<boolean> {
  try {
    const handle = await open(file);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
      return /<DIV5 N="744"/.test(buffer.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * `ecfr-744`: the Entity List and the Military End-User List from the eCFR XML
 * of 15 CFR Part 744. Bounds: the 2026-01 text holds 3,427 Entity List and 70 MEU
 * parties; the minimums stop a near-empty table (a renderer change) from
 * replacing the list, the maximums allow the lists to more than double.
 */
export const ecfr744Format: ListFormat = {
  id: 'ecfr-744',
  description:
    'BIS Entity List and Military End-User List (eCFR XML of 15 CFR Part 744, Supplements 4 and 7)',
  sources: [ENTITY_LIST_SOURCE, MEU_SOURCE],
  bounds: {
    [ENTITY_LIST_SOURCE]: { min: 500, max: 10_000 },
    [MEU_SOURCE]: { min: 20, max: 1_000 },
  },
  async parse(paths, options) {
    const files = await expandInputPaths(paths, (name) => name === FILE_NAME);
    const lists = await Promise.all(files.map((f) => parseEcfr744(f, options)));
    return lists.flat();
  },
  async findInMirror(mirrorDir) {
    const file = path.join(mirrorDir, 'controls', 'us', 'ecfr', FILE_NAME);
    return (await isPart744(file)) ? [[file]] : [];
  },
};

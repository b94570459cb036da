import { stat } from 'node:fs/promises';
import path from 'node:path';

/** A date in a file or folder name: `2024-05-03`, `20240503` or a month `2021-07`. */
const NAME_DATE = /(?:^|[^0-9])((?:19|20)\d{2})-?(0[1-9]|1[0-2])(?:-?(0[1-9]|[12]\d|3[01]))?(?![0-9])/g;

/**
 * The publication date a path names (file name first, then its folder),
 * `YYYY-MM-DD`; a month alone gives its first day. Undefined when no name carries a date.
 *
 * @example
 * publicationDateFromPath('/mirror/lists/us/ofac-sdn-2021-07/sdn.csv') // '2021-07-01'
 */
export function publicationDateFromPath(file: string): string | undefined {
  const parts = path.resolve(file).split(path.sep).reverse().slice(0, 2);
  for (const part of parts) {
    const matches = [...part.matchAll(NAME_DATE)];
    const m = matches.at(-1);
    if (m) return `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
  }
  return undefined;
}

/** The date (UTC) the newest of the files was last modified, `YYYY-MM-DD`. */
export async function newestModificationDate(files: string[]): Promise<string> {
  let newest = 0;
  for (const file of files) newest = Math.max(newest, (await stat(file)).mtimeMs);
  return new Date(newest).toISOString().slice(0, 10);
}

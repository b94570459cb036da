import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ListFormat, ParsedList, ParseOptions } from '../list-format.ts';
import { buildCslList } from './build-csl-list.ts';
import { parseCslCsv } from './parse-csl-csv.ts';
import { parseCslJson } from './parse-csl-json.ts';
import type { CslRecord } from './csl-record.ts';
import { CSL_SOURCE } from './party-from-csl-record.ts';
import { parseUsDate } from '../common/parse-us-date.ts';
import { gunzipBounded } from '../archive/bounded-inflate.ts';
import { CSL_GZIP_LIMITS, dateFromPath, expandInputPaths, readInputText } from '../common/read-input-text.ts';

/**
 * Count bounds of `us-csl`: the fixture has 13 entries (kept importable), the
 * full list had 14,160 rows in 2022 and 25,921 in 2026; 50,000 leaves room to
 * grow while catching a file that is not the CSL at all.
 */
const BOUNDS = { [CSL_SOURCE]: { min: 10, max: 50_000 } };

/**
 * Publication date: the options', else the content's generation date (JSON),
 * else the file path's (`csl-2022-05` → `2022-05-01`), else the latest listing
 * `start_date` in the content (a lower bound, but stable, unlike the file's
 * modification time, which is the last resort).
 */
async function publicationDate(
  file: string,
  fromContent: string | undefined,
  records: CslRecord[],
  options: ParseOptions = {},
): Promise<string> {
  if (options.publishedAt) return options.publishedAt;
  if (fromContent) return fromContent;
  const fromPath = dateFromPath(file);
  if (fromPath) return fromPath.length === 7 ? `${fromPath}-01` : fromPath;
  const latestStart = records
    .map((r) => (r.startDate ? parseUsDate(r.startDate) : undefined))
    .reduce<string | undefined>((max, d) => (d && (!max || d > max) ? d : max), undefined);
  return latestStart ?? (await stat(file)).mtime.toISOString().slice(0, 10);
}

/** Parses one CSL CSV file (plain or gzipped) into the `us-csl` list. */
export async function parseCslCsvFile(file: string, options?: ParseOptions): Promise<ParsedList> {
  const { records, warnings } = parseCslCsv(await readInputText(file), file);
  return buildCslList(records, file, await publicationDate(file, undefined, records, options), warnings);
}

/** Parses one CSL JSON file (plain or gzipped) into the `us-csl` list. */
export async function parseCslJsonFile(file: string, options?: ParseOptions): Promise<ParsedList> {
  const { records, warnings, generatedAt } = parseCslJson(await readInputText(file), file);
  return buildCslList(records, file, await publicationDate(file, generatedAt, records, options), warnings);
}

/** The first bytes of a file, gunzipped when needed, for sniffing its format. */
async function headOf(file: string): Promise<string> {
  let bytes: Uint8Array = await readFile(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipBounded(bytes, file, CSL_GZIP_LIMITS);
  return new TextDecoder().decode(bytes.subarray(0, 4096));
}

/** Every file under `<mirror>/lists/` whose name matches and whose head passes `sniff`, one group each. */
async function findCslFiles(
  mirrorDir: string,
  name: RegExp,
  sniff: (head: string) => boolean,
): Promise<string[][]> {
  const root = path.join(mirrorDir, 'lists');
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch {
    return [];
  }
  const groups: string[][] = [];
  for (const rel of entries.filter((e) => name.test(path.basename(e))).sort()) {
    const file = path.join(root, rel);
    if ((await stat(file)).isFile() && sniff(await headOf(file))) groups.push([file]);
  }
  return groups;
}

const CSV_NAME = /\.csv(\.gz)?$/i;
const JSON_NAME = /\.json(\.gz)?$/i;

/** `us-csl-csv`: the trade.gov Consolidated Screening List CSV (29 columns, plain or gzipped). */
export const usCslCsvFormat: ListFormat = {
  id: 'us-csl-csv',
  description: 'US Consolidated Screening List (trade.gov), CSV export, plain or .gz',
  sources: [CSL_SOURCE],
  bounds: BOUNDS,
  async parse(paths, options) {
    const files = await expandInputPaths(paths, (n) => CSV_NAME.test(n));
    return Promise.all(files.map((f) => parseCslCsvFile(f, options)));
  },
  findInMirror: (mirrorDir) =>
    findCslFiles(mirrorDir, CSV_NAME, (head) => /^\uFEFF?"?_id"?,"?source"?,"?entity_number"?/.test(head)),
};

/** `us-csl-json`: the trade.gov Consolidated Screening List JSON (`results` array). */
export const usCslJsonFormat: ListFormat = {
  id: 'us-csl-json',
  description: 'US Consolidated Screening List (trade.gov), JSON export with a "results" array',
  sources: [CSL_SOURCE],
  bounds: BOUNDS,
  async parse(paths, options) {
    const files = await expandInputPaths(paths, (n) => JSON_NAME.test(n));
    return Promise.all(files.map((f) => parseCslJsonFile(f, options)));
  },
  findInMirror: (mirrorDir) =>
    findCslFiles(
      mirrorDir,
      JSON_NAME,
      (head) => /"results"\s*:/.test(head) && /"source"\s*:\s*"[^"]*\((?:SDN|EL|DPL|[A-Z-]+)\)/.test(head),
    ),
};

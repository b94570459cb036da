import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@entente/core';
import type { ListFormat } from '../ingest/list-format.ts';

/**
 * How a publisher's list is fetched: `automatic` by default; `optional` only when
 * asked for (another entry feeds the same source); `manual` when its files cannot
 * be read automatically; `mirror-only` when no official file is in a format we read.
 */
export type PublisherSourceMode = 'automatic' | 'optional' | 'manual' | 'mirror-only';

const MODES: readonly PublisherSourceMode[] = ['automatic', 'optional', 'manual', 'mirror-only'];

/** One file of a publication: where it is published and the name the format expects locally. */
export interface PublisherFile {
  /** Absolute URL, or relative to the base URL; `{date}` stands for a UTC date (`YYYY-MM-DD`). */
  url: string;
  name: string;
}

/** One entry of the sources file: a publication, its format, its files and its terms. */
export interface PublisherSource {
  id: string;
  sources: string[];
  format: string;
  mode: PublisherSourceMode;
  /** Why the entry is not downloaded by default (required unless `automatic`). */
  why?: string;
  publisher: string;
  files: PublisherFile[];
  /** False when the URL was written from memory and not confirmed against the publisher's site. */
  urlChecked: boolean;
  /** Licence or terms of use, with the attribution the publisher asks for. */
  licence: string;
  licenceChecked: boolean;
  note?: string;
}

/** A parsed sources file. */
export interface PublisherSources {
  file: string;
  /** Base for relative URLs (tests, private mirrors). */
  baseUrl?: string;
  entries: PublisherSource[];
}

/** The sources file shipped with Entente. */
export const DEFAULT_SOURCES_FILE = fileURLToPath(new URL('./publisher-sources.json', import.meta.url));

function fail(file: string, field: string, message: string): never {
  throw new DomainError('invalid-input', `${file}: ${field}: ${message}`, { file, field });
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function readEntry(raw: unknown, i: number, file: string, formats: readonly ListFormat[]): PublisherSource {
  const at = `entries[${i}]`;
  if (!raw || typeof raw !== 'object') fail(file, at, 'must be an object');
  const e = raw as Record<string, unknown>;
  for (const key of ['id', 'format', 'publisher', 'licence'] as const) {
    if (!isText(e[key])) fail(file, `${at}.${key}`, 'must be a non-empty string');
  }
  const mode = e.mode as PublisherSourceMode;
  if (!MODES.includes(mode)) fail(file, `${at}.mode`, `must be one of ${MODES.join(', ')}`);
  if (mode !== 'automatic' && !isText(e.why)) fail(file, `${at}.why`, `a ${mode} entry must say why`);
  const format = formats.find((f) => f.id === e.format);
  if (!format) {
    throw new DomainError('unknown-format', `${file}: ${at}.format: unknown format "${String(e.format)}"`, {
      file,
      field: `${at}.format`,
      accepted: formats.map((f) => f.id),
    });
  }
  const sources = e.sources;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every(isText)) {
    fail(file, `${at}.sources`, 'must be a non-empty list of source ids');
  }
  const unknown = sources.filter((s) => !format.sources.includes(s));
  if (unknown.length > 0) fail(file, `${at}.sources`, `${unknown.join(', ')} not produced by ${format.id}`);
  const files = e.files ?? [];
  if (!Array.isArray(files)) fail(file, `${at}.files`, 'must be a list');
  files.forEach((f: Record<string, unknown>, j) => {
    if (!f || !isText(f.url) || !isText(f.name) || /[/\\]/.test(f.name)) {
      fail(file, `${at}.files[${j}]`, 'needs a url and a plain file name');
    }
  });
  if ((mode === 'automatic' || mode === 'optional') && files.length === 0) {
    fail(file, `${at}.files`, `a ${mode} entry needs at least one file`);
  }
  return {
    ...(e as unknown as PublisherSource),
    files: files as PublisherFile[],
    urlChecked: e.urlChecked === true,
    licenceChecked: e.licenceChecked === true,
  };
}

/**
 * Reads and checks a sources file (the shipped one by default): every entry names
 * a known format, sources that format produces, and files for what is downloadable.
 *
 * @example
 * const { entries } = await loadPublisherSources(LIST_FORMATS);
 */
export async function loadPublisherSources(
  formats: readonly ListFormat[],
  file: string = DEFAULT_SOURCES_FILE,
): Promise<PublisherSources> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new DomainError(
      'file-unreadable',
      `Cannot read the sources file ${file}: ${(cause as Error).message}`,
      { file },
    );
  }
  const doc = raw as { baseUrl?: unknown; entries?: unknown };
  if (!Array.isArray(doc?.entries)) fail(file, 'entries', 'must be a list');
  if (doc.baseUrl !== undefined && !isText(doc.baseUrl)) fail(file, 'baseUrl', 'must be a URL');
  const entries = doc.entries.map((e, i) => readEntry(e, i, file, formats));
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) fail(file, 'entries', `duplicate id ${entry.id}`);
    ids.add(entry.id);
  }
  return { file, ...(doc.baseUrl ? { baseUrl: doc.baseUrl as string } : {}), entries };
}

/**
 * The URL to fetch: a relative URL resolved against `base`; with a base override, an
 * absolute URL moves under it as `<base>/<host>/<path>` (the layout `wget -x` mirrors).
 */
export function resolveSourceUrl(url: string, base: string | undefined, override: boolean): string {
  const withSlash = (b: string) => (b.endsWith('/') ? b : `${b}/`);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    if (!base)
      throw new DomainError('invalid-input', `Relative URL ${url} needs a base URL`, { field: 'url', url });
    return new URL(url, withSlash(base)).toString();
  }
  if (!override || !base) return url;
  const u = new URL(url);
  return new URL(`${u.host}${u.pathname}${u.search}`, withSlash(base)).toString();
}

/** The sources file and base URL override from the environment (`ENTENTE_SOURCES_FILE`, `ENTENTE_SOURCES_BASE_URL`). */
export function publisherSyncEnv(env: Record<string, string | undefined>): {
  sourcesFile?: string;
  baseUrlOverride?: string;
} {
  return {
    ...(env.ENTENTE_SOURCES_FILE ? { sourcesFile: env.ENTENTE_SOURCES_FILE } : {}),
    ...(env.ENTENTE_SOURCES_BASE_URL ? { baseUrlOverride: env.ENTENTE_SOURCES_BASE_URL } : {}),
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@entente/core';
import { LIST_FORMATS } from '../ingest/formats.ts';
import { loadPublisherSources, publisherSyncEnv, resolveSourceUrl } from './publisher-sources.ts';
import { syncFromPublishers } from './sync-from-publishers.ts';

/** A fetch that records the URLs asked for and answers every one with `status`; no network. */
function recordingFetch(status: number) {
  const urls: string[] = [];
  const stub = (async (input: string | URL | Request) => {
    urls.push(String(input));
    return new Response('unavailable', { status });
  }) as typeof fetch;
  return { urls, stub };
}

// Every download in these tests fails before an import, so the store is never touched.
const noStore = {} as Store;

describe('the shipped sources file', () => {
  it('names a known format and its sources for every entry', async () => {
    const { entries } = await loadPublisherSources(LIST_FORMATS);
    expect(entries.map((e) => [e.id, e.format, e.mode])).toEqual([
      ['us-ofac-sdn', 'ofac-sdn-csv', 'automatic'],
      ['us-ofac-cons', 'ofac-cons-csv', 'automatic'],
      ['us-ofac-enhanced', 'ofac-enhanced-xml', 'optional'],
      ['us-csl', 'us-csl-json', 'automatic'],
      ['us-csl-csv', 'us-csl-csv', 'optional'],
      ['us-bis-dpl', 'bis-dpl', 'automatic'],
      ['us-bis-744', 'ecfr-744', 'automatic'],
      ['un-sc', 'un-sc-xml', 'automatic'],
      ['au-dfat', 'au-dfat-xlsx', 'automatic'],
      ['ca-sema', 'ca-sema-xml', 'automatic'],
      ['uk-ofsi', 'uk-ofsi-csv', 'automatic'],
      ['jp-meti', 'jp-meti-text', 'manual'],
      ['eu-sanctions', 'eu-journal-csv', 'mirror-only'],
      ['ftm', 'ftm-jsonl', 'mirror-only'],
    ]);
    for (const e of entries) expect(e.licence.length).toBeGreaterThan(20);
  });

  it('asks each publisher at its official address, and reports each failure with URL and status', async () => {
    const { urls, stub } = recordingFetch(503);
    const report = await syncFromPublishers(noStore, LIST_FORMATS, {
      fetch: stub,
      now: () => new Date('2026-08-10T12:00:00Z'),
    });
    expect(urls).toEqual([
      'https://www.treasury.gov/ofac/downloads/sdn.csv',
      'https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv',
      'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json',
      'https://www.bis.doc.gov/dpl/dpl.txt',
      'https://www.ecfr.gov/api/versioner/v1/full/2026-08-10/title-15.xml?part=744',
      'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
      'https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx',
      'https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml',
      'https://ofsistorage.blob.core.windows.net/publishlive/ConList.csv',
    ]);
    expect(report.failed).toHaveLength(9);
    expect(report.failed[0]).toEqual({
      entry: 'us-ofac-sdn',
      sources: ['us-ofac-sdn'],
      code: 'sync-failed',
      message: 'GET https://www.treasury.gov/ofac/downloads/sdn.csv: HTTP 503',
      url: 'https://www.treasury.gov/ofac/downloads/sdn.csv',
      status: 503,
    });
    expect(report.skipped.map((s) => [s.entry, s.mode])).toEqual([
      ['us-ofac-enhanced', 'optional'],
      ['us-csl-csv', 'optional'],
      ['jp-meti', 'manual'],
      ['eu-sanctions', 'mirror-only'],
      ['ftm', 'mirror-only'],
    ]);
    expect(report.skipped.find((s) => s.entry === 'jp-meti')?.why).toContain('PDF');
  });

  it('moves every official address under a base URL override', async () => {
    const { urls, stub } = recordingFetch(404);
    await syncFromPublishers(noStore, LIST_FORMATS, {
      fetch: stub,
      baseUrlOverride: 'http://127.0.0.1:9/mirror',
      only: ['un-sc', 'uk-ofsi'],
    });
    expect(urls).toEqual([
      'http://127.0.0.1:9/mirror/scsanctions.un.org/resources/xml/en/consolidated.xml',
      'http://127.0.0.1:9/mirror/ofsistorage.blob.core.windows.net/publishlive/ConList.csv',
    ]);
  });

  it('steps {date} back a day at a time while the publisher answers 404, for a week at most', async () => {
    const { urls, stub } = recordingFetch(404);
    const report = await syncFromPublishers(noStore, LIST_FORMATS, {
      fetch: stub,
      only: ['us-bis-744'],
      now: () => new Date('2026-03-02T01:00:00Z'),
    });
    expect(urls.map((u) => u.match(/full\/([\d-]+)\//)?.[1])).toEqual([
      '2026-03-02',
      '2026-03-01',
      '2026-02-28',
      '2026-02-27',
      '2026-02-26',
      '2026-02-25',
      '2026-02-24',
      '2026-02-23',
    ]);
    expect(report.failed[0]).toMatchObject({ entry: 'us-bis-744', status: 404 });
  });

  it('refuses an unknown entry id in --only', async () => {
    await expect(syncFromPublishers(noStore, LIST_FORMATS, { only: ['nope'] })).rejects.toMatchObject({
      code: 'unknown-source',
    });
  });
});

describe('a custom sources file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'entente-sources-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (doc: unknown) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(doc));
    return file;
  };
  const base = {
    id: 'x',
    sources: ['un-sc'],
    format: 'un-sc-xml',
    mode: 'automatic',
    publisher: 'p',
    licence: 'l',
    files: [{ url: 'a.xml', name: 'a.xml' }],
  };

  it.each([
    ['an unknown format', { ...base, format: 'nope' }, 'unknown-format', 'entries[0].format'],
    [
      'a source the format does not produce',
      { ...base, sources: ['eu-sanctions'] },
      'invalid-input',
      'entries[0].sources',
    ],
    ['a downloadable entry without files', { ...base, files: [] }, 'invalid-input', 'entries[0].files'],
    ['a manual entry without a reason', { ...base, mode: 'manual' }, 'invalid-input', 'entries[0].why'],
    [
      'a file name with a folder',
      { ...base, files: [{ url: 'a.xml', name: '../a.xml' }] },
      'invalid-input',
      'entries[0].files[0]',
    ],
  ])('rejects %s, naming the field', async (_label, bad, code, field) => {
    const file = await write({ entries: [bad] });
    await expect(loadPublisherSources(LIST_FORMATS, file)).rejects.toMatchObject({
      code,
      details: { file, field },
    });
  });

  it('reports an unreadable sources file', async () => {
    await expect(loadPublisherSources(LIST_FORMATS, path.join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'file-unreadable',
    });
  });
});

describe('resolveSourceUrl', () => {
  it.each([
    ['https://scsanctions.un.org/x.xml', undefined, false, 'https://scsanctions.un.org/x.xml'],
    ['https://scsanctions.un.org/x.xml', 'http://127.0.0.1:8/', false, 'https://scsanctions.un.org/x.xml'],
    [
      'https://scsanctions.un.org/x.xml?a=1',
      'http://127.0.0.1:8/m',
      true,
      'http://127.0.0.1:8/m/scsanctions.un.org/x.xml?a=1',
    ],
    ['un/consolidated.xml', 'http://127.0.0.1:8/lists', true, 'http://127.0.0.1:8/lists/un/consolidated.xml'],
    [
      'un/consolidated.xml',
      'http://127.0.0.1:8/lists/',
      false,
      'http://127.0.0.1:8/lists/un/consolidated.xml',
    ],
  ])('resolves %s against %s (override %s)', (url, base, override, expected) => {
    expect(resolveSourceUrl(url, base, override)).toBe(expected);
  });

  it('reads the sources file and base URL from the environment', () => {
    expect(
      publisherSyncEnv({ ENTENTE_SOURCES_FILE: '/etc/s.json', ENTENTE_SOURCES_BASE_URL: 'http://m/' }),
    ).toEqual({
      sourcesFile: '/etc/s.json',
      baseUrlOverride: 'http://m/',
    });
    expect(publisherSyncEnv({})).toEqual({});
  });
});

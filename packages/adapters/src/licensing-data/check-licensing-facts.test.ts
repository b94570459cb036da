import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { LICENSING_DATASETS_DIR, loadLicensingDatasets } from './load-licensing-datasets.ts';

/** A copy of the real datasets folder with one file changed by `edit`. */
function datasetsWith(file: string, edit: (json: any) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-licensing-'));
  for (const name of [
    'eu-general-authorisations.json',
    'uk-open-general-licences.json',
    'jp-bulk-licences.json',
    'us-embargoes.json',
  ]) {
    const json = JSON.parse(readFileSync(path.join(LICENSING_DATASETS_DIR, name), 'utf8'));
    if (name === file) edit(json);
    writeFileSync(path.join(dir, name), JSON.stringify(json));
  }
  return dir;
}

async function rejection(dir: string): Promise<unknown> {
  try {
    await loadLicensingDatasets(dir);
  } catch (e) {
    return e;
  }
  throw new Error('loaded');
}

describe('licensing fact citations', () => {
  it.each([
    [
      'eu-general-authorisations.json',
      (j: any) => delete j.generalAuthorisations[0].excludedItems[5].source,
      'excludedItems[5].source',
    ],
    [
      'eu-general-authorisations.json',
      (j: any) => delete j.generalAuthorisations[0].destinationsSource.readOn,
      'destinationsSource.readOn',
    ],
    [
      'eu-general-authorisations.json',
      (j: any) => delete j.annexIv[3].source.readIn,
      'annexIv.source.readIn',
    ],
    [
      'jp-bulk-licences.json',
      (j: any) => delete j.bulkLicences[0].excludedItems[0].source.note,
      'excludedItems[0].source.note',
    ],
    [
      'jp-bulk-licences.json',
      (j: any) => (j.bulkLicences[1].itemScopeSource.status = 'sure'),
      'itemScopeSource.status',
    ],
    ['eu-general-authorisations.json', (j: any) => (j.annexIv[0].part = 'III'), 'part'],
    [
      'eu-general-authorisations.json',
      (j: any) =>
        (j.generalAuthorisations[0].unreadItems[0].source = {
          citation: 'Annex II',
          status: 'verified',
          readIn: 'somewhere',
          readOn: '2026-12-04',
        }),
      'unreadItems[0].source.status',
    ],
    ['us-embargoes.json', (j: any) => delete j.rules[2].source, 'source'],
    ['us-embargoes.json', (j: any) => delete j.rules[0].source.note, 'source.note'],
    ['us-embargoes.json', (j: any) => (j.rules[1].citations = []), 'citations'],
    ['us-embargoes.json', (j: any) => (j.rules[3].effect = 'maybe'), 'effect'],
  ])('rejects %s when a fact loses its citation (%#)', async (file, edit, field) => {
    const e = await rejection(datasetsWith(file, edit));
    expect(isDomainError(e) && e.code).toBe('file-rejected');
    expect(isDomainError(e) && e.details).toMatchObject({ file, field });
  });

  it('loads the real datasets', async () => {
    const { eu, jp } = await loadLicensingDatasets();
    expect(eu.generalAuthorisations).toHaveLength(8);
    expect(jp.bulkLicences).toHaveLength(3);
  });

  it('loads the US Part 746 embargo rules, each with its citations and source', async () => {
    const { usEmbargoes } = await loadLicensingDatasets();
    expect(usEmbargoes.map((r) => r.destinations.join('+'))).toEqual([
      'CU',
      'IR',
      'KP',
      'SY',
      'RU+BY',
      'UA-43+UA-40+UA-14+UA-09',
    ]);
    expect(usEmbargoes.find((r) => r.name === 'Iran sanctions')).toMatchObject({
      effect: 'prohibited',
      citations: ['15 CFR 746.7', '31 CFR 560.204'],
      source: { citation: '15 CFR 746.7; 31 CFR 560.204', status: 'unverified' },
    });
  });
});

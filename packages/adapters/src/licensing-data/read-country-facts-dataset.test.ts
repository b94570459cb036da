import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { loadLicensingDatasets } from './load-licensing-datasets.ts';
import { COUNTRY_FACTS_FILE, readCountryFactsDataset } from './read-country-facts-dataset.ts';

describe('the country-facts dataset', () => {
  it('lists 27 EU member states and agrees with the EU001 and JP general bulk licence destinations', async () => {
    const facts = await readCountryFactsDataset();
    const { eu, jp } = await loadLicensingDatasets();
    expect(facts.euMembers.countries.size).toBe(27);
    expect(facts.euMembers.countries.has('GB')).toBe(false);
    const eu001 = eu.generalAuthorisations.find((g) => g.id === 'EU001')!;
    expect([...facts.eu001Destinations.countries].sort()).toEqual([...eu001.destinations!].sort());
    const bulk = jp.bulkLicences.find((g) => g.id === 'JP-GENERAL-BULK')!;
    expect([...facts.japanGroupA.countries].sort()).toEqual([...bulk.destinations!].sort());
    for (const set of [facts.euMembers, facts.eu001Destinations, facts.japanGroupA])
      expect(set.source.status).toBe('verified');
  });

  it('refuses a set without a citation or with a code that is not ISO-2, naming the field', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'country-facts-'));
    try {
      const doc = JSON.parse(await readFile(COUNTRY_FACTS_FILE, 'utf8')) as Record<string, any>;
      const file = path.join(dir, 'country-facts.json');
      const refusal = async (edit: (d: Record<string, any>) => void) => {
        const copy = structuredClone(doc);
        edit(copy);
        await writeFile(file, JSON.stringify(copy));
        const e = await readCountryFactsDataset(file).catch((x: unknown) => x);
        return isDomainError(e) ? [e.code, e.details?.field] : e;
      };
      expect(await refusal((d) => delete d.japanGroupA.source.readIn)).toEqual([
        'file-rejected',
        'japanGroupA.source.readIn',
      ]);
      expect(await refusal((d) => (d.euMembers.countries[3] = 'Germany'))).toEqual([
        'file-rejected',
        'euMembers.countries.3',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

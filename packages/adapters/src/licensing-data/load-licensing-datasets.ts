import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EuTables, JpTables, UkTables, UsEmbargoRule } from '@entente/core';
import {
  checkAnnexIvEntry,
  checkAuthorisation,
  checkFactSource,
  withUnverifiedSources,
} from './check-licensing-facts.ts';
import { checkUsEmbargoRule, US_EMBARGOES_FILE } from './check-us-embargo.ts';

/** The folder of the curated licensing datasets (packages/adapters/datasets/licensing). */
export const LICENSING_DATASETS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../datasets/licensing',
);

async function readDataset<T>(dir: string, name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(dir, name), 'utf8')) as T;
}

/**
 * Reads and checks the EU, UK and JP general-authorisation datasets and the US
 * Part 746 embargo rules, and the citation of each fact.
 */
export async function loadLicensingDatasets(
  dir = LICENSING_DATASETS_DIR,
): Promise<{ eu: EuTables; uk: UkTables; jp: JpTables; usEmbargoes: UsEmbargoRule[] }> {
  const euFile = 'eu-general-authorisations.json';
  const eu = await readDataset<EuTables>(dir, euFile);
  const uk = await readDataset<UkTables>(dir, 'uk-open-general-licences.json');
  const jp = await readDataset<JpTables>(dir, 'jp-bulk-licences.json');
  const us = await readDataset<{ rules: unknown[] }>(dir, US_EMBARGOES_FILE);
  return {
    eu: {
      generalAuthorisations: eu.generalAuthorisations.map((g, i) => checkAuthorisation(g, euFile, i)),
      annexIv: eu.annexIv.map((e, i) => checkAnnexIvEntry(e, euFile, i)),
      annexIvSource: checkFactSource(
        eu.annexIvSource,
        { file: euFile, row: 0, id: 'Annex IV' },
        'annexIvSource',
      ),
      source: eu.source,
    },
    uk: {
      openGeneralLicences: uk.openGeneralLicences.map((g, i) =>
        checkAuthorisation(withUnverifiedSources(g), 'uk-open-general-licences.json', i),
      ),
      source: uk.source,
    },
    jp: {
      bulkLicences: jp.bulkLicences.map((g, i) => checkAuthorisation(g, 'jp-bulk-licences.json', i)),
      source: jp.source,
    },
    usEmbargoes: us.rules.map((r, i) => checkUsEmbargoRule(r, i)),
  };
}

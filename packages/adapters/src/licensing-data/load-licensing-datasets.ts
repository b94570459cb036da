import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DomainError,
  type EuTables,
  type GeneralAuthorisation,
  type JpTables,
  type UkTables,
} from '@entente/core';

/** The folder of the curated licensing datasets (packages/adapters/datasets/licensing). */
export const LICENSING_DATASETS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../datasets/licensing',
);

const CONFIDENCES = ['high', 'medium', 'low'];

function checkAuthorisation(ga: GeneralAuthorisation, file: string, row: number): GeneralAuthorisation {
  const fail = (field: string, accepted: unknown) => {
    throw new DomainError('file-rejected', `Invalid general authorisation ${ga.id ?? row} in ${file}`, {
      file,
      row,
      field,
      accepted,
    });
  };
  if (typeof ga.id !== 'string' || !ga.id) fail('id', 'a non-empty string');
  if (!CONFIDENCES.includes(ga.confidence)) fail('confidence', CONFIDENCES);
  if (ga.use !== 'determined' && ga.use !== 'may-apply') fail('use', ['determined', 'may-apply']);
  if (ga.destinations !== null && !Array.isArray(ga.destinations))
    fail('destinations', 'ISO-2 codes or null');
  if (ga.use === 'determined' && ga.destinations === null)
    fail('destinations', "a list: a 'determined' authorisation needs known destinations");
  return ga;
}

async function readDataset<T>(dir: string, name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(dir, name), 'utf8')) as T;
}

/** Reads and checks the EU, UK and JP general-authorisation datasets. */
export async function loadLicensingDatasets(
  dir = LICENSING_DATASETS_DIR,
): Promise<{ eu: EuTables; uk: UkTables; jp: JpTables }> {
  const eu = await readDataset<EuTables & { generalAuthorisations: GeneralAuthorisation[] }>(
    dir,
    'eu-general-authorisations.json',
  );
  const uk = await readDataset<UkTables>(dir, 'uk-open-general-licences.json');
  const jp = await readDataset<JpTables>(dir, 'jp-bulk-licences.json');
  return {
    eu: {
      generalAuthorisations: eu.generalAuthorisations.map((g, i) =>
        checkAuthorisation(g, 'eu-general-authorisations.json', i),
      ),
      annexIv: eu.annexIv,
      source: eu.source,
    },
    uk: {
      openGeneralLicences: uk.openGeneralLicences.map((g, i) =>
        checkAuthorisation(g, 'uk-open-general-licences.json', i),
      ),
      source: uk.source,
    },
    jp: {
      bulkLicences: jp.bulkLicences.map((g, i) => checkAuthorisation(g, 'jp-bulk-licences.json', i)),
      source: jp.source,
    },
  };
}

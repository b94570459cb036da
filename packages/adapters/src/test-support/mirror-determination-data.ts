import { deriveCorrespondences, type DeterminationData } from '@entente/core';
import { catalogueLookup } from '../controls/catalogue-entry-lookup.ts';
import { ControlCatalogue } from '../controls/control-catalogue.ts';
import { latestVersions, readAllControlLists } from '../controls/load-control-lists.ts';
import { loadDeterminationData } from '../licensing-data/load-determination-data.ts';
import { SHARED_DATA } from './shared-data.ts';

/**
 * The determination data of the mirror (`../shared/data`), with entry lookups through a
 * catalogue of the latest control lists: what the fidelity suites determine against.
 */
export async function mirrorDeterminationData(): Promise<DeterminationData> {
  const lists = latestVersions(await readAllControlLists(SHARED_DATA));
  return loadDeterminationData(SHARED_DATA, {
    lookup: catalogueLookup(new ControlCatalogue(lists, deriveCorrespondences(lists))),
  });
}

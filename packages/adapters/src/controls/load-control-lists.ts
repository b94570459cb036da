import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  deriveCorrespondences,
  type ControlList,
  type ControlListStore,
  type Correspondence,
} from '@entente/core';
import { parseCcl } from './parse-ccl.ts';
import { ECFR_774_FILE, readCclSource } from './ccl/read-ccl-source.ts';
import { parseRegimeTree } from './parse-regime-tree.ts';
import { parseUsml } from './parse-usml.ts';
import { readControlDatasets } from './read-control-datasets.ts';
import { MTCR_HEADINGS, NSG_HEADINGS } from './regime-headings.ts';

/** Placeholder valid-from of the undated regime code trees. */
const REGIME_TREE_VALID_FROM = '2000-01-01';

/** What one `loadControlLists` run did. */
export interface ControlLoadReport {
  lists: { id: string; version: string; entries: number; created: boolean }[];
  correspondences: { count: number; created: boolean; byBasis: Record<string, number> };
}

/**
 * Reads every control list: the real-data lists from `mirrorDir/controls/`
 * (the CCL from `sourcesDir` first when an online sync saved its eCFR text
 * there) and the project datasets.
 */
export async function readAllControlLists(
  mirrorDir: string,
  datasetsDir?: string,
  sourcesDir?: string,
): Promise<ControlList[]> {
  const controls = (...p: string[]) => readFile(path.join(mirrorDir, 'controls', ...p), 'utf8');
  // The online sync's eCFR text of part 774, when there is one, is preferred to the mirror's.
  const usDirs = [
    ...(sourcesDir ? [path.join(sourcesDir, 'controls', 'us')] : []),
    path.join(mirrorDir, 'controls', 'us'),
  ];
  const ccl = parseCcl(await readCclSource(usDirs));
  const usml = parseUsml(await controls('us', 'ecfr', 'title-22_part-121.xml'));
  const mtcr = parseRegimeTree(
    'MTCR',
    [
      { name: 'MTCR_Cat_1_regimes.csv', csv: await controls('regimes', 'MTCR_Cat_1_regimes.csv') },
      { name: 'MTCR_Cat_2_regimes.csv', csv: await controls('regimes', 'MTCR_Cat_2_regimes.csv') },
    ],
    REGIME_TREE_VALID_FROM,
    MTCR_HEADINGS,
  );
  const nsg = parseRegimeTree(
    'NSG',
    [
      { name: 'NSG_Dual_use.csv', csv: await controls('regimes', 'NSG_Dual_use.csv') },
      {
        name: 'NSG_Potential_trigger_list.csv',
        csv: await controls('regimes', 'NSG_Potential_trigger_list.csv'),
      },
    ],
    REGIME_TREE_VALID_FROM,
    NSG_HEADINGS,
  );
  return [ccl, usml, mtcr, nsg, ...(await readControlDatasets(datasetsDir))];
}

/**
 * Reads the control lists that need no mirror: the US CCL from the eCFR text
 * an online sync saved in `sourcesDir` (when it did), and the project datasets
 * (EU, UK, JP, Wassenaar, Australia Group), which ship with Entente. The USML
 * and the MTCR and NSG code trees come only from a mirror.
 */
export async function readControlListsWithoutMirror(
  sourcesDir: string | undefined,
  datasetsDir?: string,
): Promise<ControlList[]> {
  const usDir = sourcesDir ? path.join(sourcesDir, 'controls', 'us') : undefined;
  const ccl =
    usDir && existsSync(path.join(usDir, ECFR_774_FILE)) ? [parseCcl(await readCclSource([usDir]))] : [];
  return [...ccl, ...(await readControlDatasets(datasetsDir))];
}

/** The newest version of each list among `lists`. */
export function latestVersions(lists: ControlList[]): ControlList[] {
  const out = new Map<string, ControlList>();
  for (const l of lists) {
    const seen = out.get(l.id);
    if (!seen || seen.validFrom < l.validFrom) out.set(l.id, l);
  }
  return [...out.values()];
}

function countByBasis(cs: Correspondence[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of cs) out[c.basis] = (out[c.basis] ?? 0) + 1;
  return out;
}

/**
 * Loads every control list version and the crosswalk between the newest
 * versions into the store: from the mirror and the datasets, or without a
 * mirror (`mirrorDir` undefined) from the online sync's eCFR text and the
 * datasets. Idempotent: unchanged versions and an unchanged crosswalk are no-ops.
 *
 * @example
 * await loadControlLists(store, { mirrorDir: '../shared/data' });
 */
export async function loadControlLists(
  store: ControlListStore,
  options: { mirrorDir: string | undefined; datasetsDir?: string; sourcesDir?: string },
): Promise<ControlLoadReport> {
  const lists = options.mirrorDir
    ? await readAllControlLists(options.mirrorDir, options.datasetsDir, options.sourcesDir)
    : await readControlListsWithoutMirror(options.sourcesDir, options.datasetsDir);
  const report: ControlLoadReport['lists'] = [];
  for (const list of lists) {
    const { created } = await store.saveControlList(list);
    report.push({ id: list.id, version: list.version, entries: list.entries.length, created });
  }
  const correspondences = deriveCorrespondences(latestVersions(lists));
  const saved = await store.replaceCorrespondences(correspondences);
  return { lists: report, correspondences: { ...saved, byBasis: countByBasis(correspondences) } };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CrosswalkSuggest, DeterminationData, EntryLookup } from '@entente/core';
import { loadCountryFacts } from './load-country-facts.ts';
import { loadLicensingDatasets, LICENSING_DATASETS_DIR } from './load-licensing-datasets.ts';
import { loadUsEarTables } from './load-us-ear-tables.ts';

/** Options of loadDeterminationData: the control-list catalogue and the datasets folder. */
export interface LoadDeterminationDataOptions {
  /** EU/UK/JP entry lookup from the control-list catalogue; without it those lists are empty. */
  lookup?: EntryLookup;
  suggest?: CrosswalkSuggest;
  datasetsDir?: string;
  /** Where `sync --online` saved eCFR texts: its CCL is preferred to the mirror's. */
  sourcesDir?: string;
}

/** Reads the Common High Priority List (HS-6 → tier). */
export async function loadChpl(controlsDir: string): Promise<Map<string, string>> {
  const rows = parse(
    await readFile(path.join(controlsDir, 'trade/chpl_common_high_priority_list_hs6.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true },
  ) as { hs6: string; tier: string }[];
  return new Map(rows.map((r) => [r.hs6.trim(), r.tier.trim()]));
}

/**
 * Loads everything the determination engine needs from a mirror directory
 * laid out like ../shared/data (its controls/ folder) plus the curated
 * licensing datasets; the EU/UK/JP entry lookup comes from the catalogue.
 *
 * @example
 * const data = await loadDeterminationData('../shared/data', { lookup: catalogueLookup });
 */
export async function loadDeterminationData(
  mirrorDir: string,
  options: LoadDeterminationDataOptions = {},
): Promise<DeterminationData> {
  const controlsDir = path.join(mirrorDir, 'controls');
  const { countries, chartFootnotes } = await loadCountryFacts(controlsDir);
  const [usTables, { usEmbargoes, ...datasets }, chpl] = await Promise.all([
    loadUsEarTables(
      [
        ...(options.sourcesDir ? [path.join(options.sourcesDir, 'controls', 'us')] : []),
        path.join(controlsDir, 'us'),
      ],
      chartFootnotes,
    ),
    loadLicensingDatasets(options.datasetsDir ?? LICENSING_DATASETS_DIR),
    loadChpl(controlsDir),
  ]);
  return {
    us: { ...usTables, embargoes: usEmbargoes },
    ...datasets,
    countries,
    chpl,
    lookup: options.lookup ?? (() => undefined),
    ...(options.suggest ? { suggest: options.suggest } : {}),
  };
}

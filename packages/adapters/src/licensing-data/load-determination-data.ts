import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CrosswalkSuggest, DeterminationData, EntryLookup } from '@entente/core';
import { loadCountryFacts } from './load-country-facts.ts';
import { loadLicensingDatasets, LICENSING_DATASETS_DIR } from './load-licensing-datasets.ts';
import { loadUsEarTables } from './load-us-ear-tables.ts';
import { US_OFF_CHART_FILE } from './load-us-off-chart.ts';
import { loadUsExceptionRestrictions } from './load-us-exception-restrictions.ts';
import { readUsCountryTables } from '../controls/ear/read-us-country-tables.ts';

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
 * Loads everything the determination engine needs: the EAR tables (parts 738,
 * 740 and 774 from the eCFR texts an online sync saved under `sourcesDir`, else
 * from the mirror's `controls/us/`), the mirror's country regimes and Common
 * High Priority List when there is a mirror, and the curated licensing
 * datasets; the EU/UK/JP entry lookup comes from the catalogue. Without a
 * mirror the fetched eCFR texts alone serve US determinations.
 *
 * @example
 * const data = await loadDeterminationData('../shared/data', { lookup: catalogueLookup });
 */
export async function loadDeterminationData(
  mirrorDir: string | undefined,
  options: LoadDeterminationDataOptions = {},
): Promise<DeterminationData> {
  const controlsDir = mirrorDir ? path.join(mirrorDir, 'controls') : undefined;
  const usDirs = [
    ...(options.sourcesDir ? [path.join(options.sourcesDir, 'controls', 'us')] : []),
    ...(controlsDir ? [path.join(controlsDir, 'us')] : []),
  ];
  const usTables = await readUsCountryTables(usDirs);
  const { countries, chartFootnotes } = await loadCountryFacts(controlsDir, usTables);
  const datasetsDir = options.datasetsDir ?? LICENSING_DATASETS_DIR;
  const offChart = JSON.parse(await readFile(path.join(datasetsDir, US_OFF_CHART_FILE), 'utf8')) as {
    rules: unknown[];
  };
  const [earTables, { usEmbargoes, ...datasets }, chpl, exceptionRestrictions] = await Promise.all([
    loadUsEarTables(usDirs, chartFootnotes, usTables.exceptions, offChart),
    loadLicensingDatasets(datasetsDir),
    controlsDir ? loadChpl(controlsDir) : new Map<string, string>(),
    loadUsExceptionRestrictions(datasetsDir),
  ]);
  return {
    us: { ...earTables, embargoes: usEmbargoes, exceptionRestrictions },
    ...datasets,
    countries,
    chpl,
    lookup: options.lookup ?? (() => undefined),
    ...(options.suggest ? { suggest: options.suggest } : {}),
  };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { classifyGaps, type DeterminationData, type SupplyData } from '@entente/core';
import type { ControlCatalogue } from '../controls/control-catalogue.ts';
import type { OpenedCatalogue } from '../controls/open-control-catalogue.ts';

/** Publication date of the Common High Priority List copy in a mirror (its `source_date` column). */
export async function readChplDate(mirrorDir: string): Promise<string | undefined> {
  try {
    const rows = parse(
      await readFile(path.join(mirrorDir, 'controls/trade/chpl_common_high_priority_list_hs6.csv'), 'utf8'),
      { columns: true, skip_empty_lines: true },
    ) as { source_date?: string }[];
    return (
      rows
        .map((r) => r.source_date ?? '')
        .sort()
        .at(-1) || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * What a supply analysis reads, from a catalogue and the determination data
 * built over it: the gaps between the US, EU and UK lists (Japan is held at
 * row level) and the versions of every dataset.
 */
export function buildSupplyData(
  catalogue: ControlCatalogue,
  determination: DeterminationData,
  extra: { chplDate?: string; catalogueStamp?: string; scenarioLibrary?: string } = {},
): SupplyData {
  return {
    determination,
    gaps: classifyGaps(catalogue.lists, catalogue.correspondences, ['US', 'EU', 'UK']),
    versions: {
      controlLists: catalogue.versions(),
      earTablesAsOf: determination.us.asOf,
      ...(extra.chplDate ? { chpl: extra.chplDate } : {}),
      ...(extra.catalogueStamp ? { catalogueStamp: extra.catalogueStamp } : {}),
      ...(extra.scenarioLibrary ? { scenarioLibrary: extra.scenarioLibrary } : {}),
    },
  };
}

const built = new WeakMap<
  OpenedCatalogue,
  Promise<Omit<SupplyData, 'versions'> & { versions: SupplyData['versions'] }>
>();

/**
 * The supply data of an opened catalogue (store-backed, as CLI and API use
 * it), built once per opened catalogue; the CHPL date is read from the mirror.
 */
export function supplyDataOf(
  opened: OpenedCatalogue,
  mirrorDir: string | undefined,
  scenarioLibrary?: string,
): Promise<SupplyData> {
  let held = built.get(opened);
  if (!held) {
    held = (async () => {
      const determination = await opened.determinationData();
      const chplDate = mirrorDir ? await readChplDate(mirrorDir) : undefined;
      return buildSupplyData(opened.catalogue, determination, {
        catalogueStamp: opened.stamp,
        ...(chplDate ? { chplDate } : {}),
      });
    })();
    built.set(opened, held);
    held.catch(() => built.delete(opened));
  }
  return held.then((d) => (scenarioLibrary ? { ...d, versions: { ...d.versions, scenarioLibrary } } : d));
}

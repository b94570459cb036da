/**
 * The publications set (a) draws spellings from beyond the lists the
 * evaluation indexes (docs/decisions/2026-12-05-set-a-wider.md): parsed at
 * run time from the mirror, never indexed, never used to cluster subjects (so
 * every subject keeps its key and its split), only screened for spellings of
 * UN subjects (set-un-spellings.ts `tieToUn`).
 *
 * - `ch-seco-fiaa`: the Swiss FIAA asset freezes (OpenSanctions CSV). No UN
 *   reference field; its politically exposed persons are on no UN list.
 * - `us-ofac-sdn-2021-07`: OFAC's full legacy SDN set of July 2021, whose
 *   `alt.csv` carries every alias (the 2024 `sdn.csv` the index reads keeps
 *   aliases in its remarks). No UN reference field: tied by name and birth year.
 * - `us-csl-2022-05`, `us-csl-2023-11`: the trade.gov CSL CSV of May 2022
 *   (all 29 columns) and the truncated one of November 2023; no UN reference
 *   field: tied by name.
 *
 * The Canadian SEMA and Japanese METI lists are indexed already (their parties
 * are in `buildDevSet`'s `others`); the UK list is only the OFSI fixture
 * excerpt (`spellingOnlyParties`), whose "UN Ref" in "Other Information" is
 * read by its parser. Each publication's parties get the publication as their
 * `source`, so a case's `rule` says which one gave the spelling.
 */
import path from 'node:path';
import type { Party } from '@entente/core';
import type { ListFormat } from '../../packages/adapters/src/ingest/list-format.ts';
import { ofacSdnCsvFormat } from '../../packages/adapters/src/ingest/ofac-sdn-csv/source.ts';
import { openSanctionsCsvFormat } from '../../packages/adapters/src/ingest/opensanctions-csv/source.ts';
import { usCslCsvFormat } from '../../packages/adapters/src/ingest/us-csl/source.ts';

/** One publication set (a) reads: its label, format and folder in the mirror. */
interface SpellingSource {
  label: string;
  format: ListFormat;
  /** The publication's folder under the mirror's `lists/`. */
  folder: string;
}

/** The publications, in the order their spellings are taken (a spelling two give is credited to the first). */
export const SET_A_SOURCES: readonly SpellingSource[] = [
  { label: 'ch-seco-fiaa', format: openSanctionsCsvFormat, folder: 'ch/fiaa-freezes' },
  { label: 'us-ofac-sdn-2021-07', format: ofacSdnCsvFormat, folder: 'us/ofac-sdn-2021-07' },
  { label: 'us-csl-2022-05', format: usCslCsvFormat, folder: 'us/csl-2022-05' },
  { label: 'us-csl-2023-11', format: usCslCsvFormat, folder: 'us/csl-2023-11-partial' },
];

/**
 * The parties of every publication of `SET_A_SOURCES` found in the mirror,
 * each with its publication's label as `source`; a publication missing from
 * the mirror is skipped.
 */
export async function setASourceParties(mirror: string): Promise<Party[]> {
  const parties: Party[] = [];
  for (const source of SET_A_SOURCES) {
    const dir = path.join(mirror, 'lists', source.folder);
    const groups = (await source.format.findInMirror(mirror)).filter((g) =>
      g.every((f) => path.dirname(f) === dir),
    );
    for (const group of groups)
      for (const list of await source.format.parse(group))
        for (const party of list.parties) parties.push({ ...party, source: source.label });
  }
  return parties;
}

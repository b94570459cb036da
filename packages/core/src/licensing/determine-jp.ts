import type { DeterminationData } from './determination-data.ts';
import { DeterminationBuilder, type Determination, type Outcome } from './determination.ts';
import { classifyEndUse } from './classify-end-use.ts';
import type { ListRequest } from './determine-eu.ts';
import { applyGeneralAuthorisations, withdrawGeneralAuthorisations } from './apply-general-authorisations.ts';

const FEFTA = 'Foreign Exchange and Foreign Trade Act, Art. 48(1)';
const ORDER = 'Export Trade Control Order, Appended Table 1';
const CATCH_ALL = 'Export Trade Control Order, Appended Table 1 row 16 (catch-all)';
// Row 16's destination column reads "all regions except those of Appended Table 3", and Art. 4(1)(iii)
// and (iv) exempt its goods unless the end-use conditions are met: a catch-all, not a listed item.
const ROW_16_SCOPE =
  'Export Trade Control Order, Appended Table 1 row 16 (destination column) and Art. 4(1)(iii)-(iv)';

/** True for row 16 or one of its items ("16", "16.1"). */
function isCatchAllRow(code: string): boolean {
  return code === '16' || code.startsWith('16.');
}
// Destinations to which Japan has stopped licensing controlled items since 2022.
const JP_SANCTIONED = new Set(['RU', 'BY', 'KP']);

/**
 * Determines the Japanese licence requirement: items in Appended Table 1 need
 * a METI licence to every destination; bulk licences may cover Group A
 * destinations; the catch-all of row 16 is raised for other destinations.
 */
export function determineJp(data: DeterminationData, req: ListRequest): Determination {
  const out = new DeterminationBuilder();
  const dest = req.destination;
  const head = {
    jurisdiction: 'JP' as const,
    item: req.item,
    destination: dest.iso2,
    ...(req.origin ? { origin: req.origin.iso2 } : {}),
  };
  if (req.origin && req.origin.iso2 !== 'JP') {
    out.step('Scope of FEFTA', 'does-not-apply', `export from ${req.origin.name}, not from Japan`, FEFTA);
    return out.build(head, 'not-controlled');
  }
  let outcome: Outcome = 'not-controlled';
  const kind = classifyEndUse(req.endUse);
  if (req.entry && isCatchAllRow(req.entry.code)) {
    out.add('citations', ROW_16_SCOPE);
    out.step(
      'Listed item',
      'does-not-apply',
      `row 16 is the catch-all: its goods need a licence only to destinations outside Appended Table 3 and only when the end-use conditions are met`,
      ROW_16_SCOPE,
    );
  } else if (req.entry) {
    out.add('reasons', `Appended Table 1 ${req.entry.code}`, ...req.entry.reasons);
    out.add('citations', FEFTA, ORDER);
    out.step(
      'Listed item',
      'applies',
      `${req.entry.code}${req.entry.heading ? ` (${req.entry.heading})` : ''} needs a METI licence to every destination`,
      FEFTA,
    );
    if (JP_SANCTIONED.has(dest.iso2)) {
      out.licencePolicy =
        'Japan does not grant licences for controlled items to this destination under its sanctions';
      out.step('Sanctions', 'applies', out.licencePolicy);
      outcome = 'licence-required';
    } else {
      out.step(
        'Export destination group',
        'info',
        dest.japanGroupA ? `${dest.name} is in Group A (white list)` : `${dest.name} is not in Group A`,
        'Export Trade Control Order, Appended Table 3',
      );
      if (kind !== 'wmd')
        applyGeneralAuthorisations(data.jp.bulkLicences, req.entry.code, dest.iso2, { match: 'no' }, out);
      outcome = out.generalAuthorisations.length > 0 ? 'general-authorisation-available' : 'licence-required';
      if (out.toCheck.some((t) => t.id.startsWith('JP-')))
        out.add(
          'questions',
          'Does the exporter hold a METI bulk licence (包括許可) covering this item and destination? Otherwise an individual licence is needed.',
        );
    }
  } else out.step('Listed item', 'does-not-apply', 'item not listed in Appended Table 1 rows 1–15', ORDER);
  if (!dest.japanGroupA) {
    if (kind === 'wmd' || kind === 'military') {
      out.add('reasons', 'Catch-all control (row 16)');
      out.add('citations', CATCH_ALL);
      out.step(
        'Catch-all control',
        'applies',
        `declared ${kind === 'wmd' ? 'WMD' : 'military'} end use to a non-Group A destination: a licence is required`,
        CATCH_ALL,
      );
      withdrawGeneralAuthorisations(out, 'not usable under the catch-all control (row 16)');
      outcome = 'licence-required';
    } else if (kind === 'unknown') {
      out.add(
        'questions',
        'Japan catch-all (row 16): could the item be used for WMD development or, for UN arms-embargoed destinations, a military end use; has METI informed you?',
      );
    }
  }
  return out.build(head, outcome);
}

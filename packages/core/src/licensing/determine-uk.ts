import type { DeterminationData } from './determination-data.ts';
import { DeterminationBuilder, type Determination, type Outcome } from './determination.ts';
import { classifyEndUse } from './classify-end-use.ts';
import type { ListRequest } from './determine-eu.ts';
import { applyGeneralAuthorisations, withdrawGeneralAuthorisations } from './apply-general-authorisations.ts';

const ORDER = 'Export Control Order 2008 (SI 2008/3231)';
// UK sanctions regulations prohibiting the export of dual-use items.
const UK_PROHIBITIONS: Record<string, string> = {
  RU: 'The Russia (Sanctions) (EU Exit) Regulations 2019, Part 5',
  BY: 'The Republic of Belarus (Sanctions) (EU Exit) Regulations 2019, Part 5',
};

/**
 * Determines the UK licence requirement: items on the UK Strategic Export
 * Control List (dual-use list or UK national "PL" entries) need a licence for
 * export from the UK; the documented open general licences are offered as
 * "may apply" authorisations whose conditions the exporter must check.
 */
export function determineUk(data: DeterminationData, req: ListRequest): Determination {
  const out = new DeterminationBuilder();
  const dest = req.destination;
  const head = {
    jurisdiction: 'UK' as const,
    item: req.item,
    destination: dest.iso2,
    ...(req.origin ? { origin: req.origin.iso2 } : {}),
  };
  let outcome: Outcome = 'not-controlled';
  if (req.origin && req.origin.iso2 !== 'GB') {
    out.step(
      'Scope of UK export controls',
      'does-not-apply',
      `export from ${req.origin.name}, not from the United Kingdom`,
      ORDER,
    );
    return out.build(head, 'not-controlled');
  }
  const entry = req.entry;
  if (entry && entry.destinations && !entry.destinations.includes(dest.iso2)) {
    out.step(
      'UK national entry',
      'does-not-apply',
      `${entry.code} is controlled only to ${entry.destinations.join(', ')}`,
      ORDER,
    );
    outcome = 'no-licence-required';
  } else if (entry) {
    const national = /^PL\d/i.test(entry.code);
    const kind = national
      ? 'UK national entry'
      : /^ML\d/i.test(entry.code)
        ? 'UK military list'
        : 'UK dual-use list';
    out.add('reasons', `${kind} ${entry.code}`, ...entry.reasons);
    out.add(
      'citations',
      entry.citation ??
        (national ? `${ORDER}, Schedule 3` : 'Council Regulation (EC) No 428/2009, Annex I (assimilated)'),
      ORDER,
    );
    out.step(
      'UK Strategic Export Control List',
      'applies',
      `${entry.code}${entry.heading ? ` (${entry.heading})` : ''} needs an export licence${entry.destinations ? '' : ' to every destination'}`,
      ORDER,
    );
    if (entry.unverified)
      out.add(
        'questions',
        `The text of UK ${entry.code} could not be read (UNVERIFIED): check its heading and destination scope against ${ORDER} before relying on this answer.`,
      );
    const prohibition = UK_PROHIBITIONS[dest.iso2];
    if (prohibition) {
      out.add('citations', prohibition);
      out.step(
        'Sanctions prohibition',
        'applies',
        `export of controlled items to ${dest.name} is prohibited`,
        prohibition,
      );
      outcome = 'prohibited';
    } else {
      applyGeneralAuthorisations(data.uk.openGeneralLicences, entry.code, dest.iso2, { match: 'no' }, out);
      outcome = out.generalAuthorisations.length > 0 ? 'general-authorisation-available' : 'licence-required';
    }
  } else out.step('UK Strategic Export Control List', 'does-not-apply', 'item not listed');
  const kind = classifyEndUse(req.endUse);
  if (kind === 'wmd') {
    out.add('reasons', 'End-use control (WMD purposes)');
    out.add(
      'citations',
      'Export Control Order 2008, Art. 6',
      'Council Regulation (EC) No 428/2009 (assimilated), Art. 4',
    );
    out.step(
      'End-use control',
      'applies',
      'declared WMD end use: a licence is required for any item',
      'Export Control Order 2008, Art. 6',
    );
    withdrawGeneralAuthorisations(out, 'not usable for a declared WMD end use');
    if (outcome !== 'prohibited') outcome = 'licence-required';
  } else if (kind === 'unknown' || kind === 'military') {
    out.add(
      'questions',
      'UK end-use controls: could the item be intended for WMD purposes, or a military end use in an embargoed destination (Export Control Order 2008, Art. 4 and 6)?',
    );
  }
  return out.build(head, outcome);
}

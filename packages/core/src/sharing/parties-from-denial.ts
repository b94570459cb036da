import { buildParty, type Party } from '../model/party.ts';
import type { Denial } from './sharing-model.ts';

/** The `source` of denied parties in the screening index. */
export const DENIALS_SOURCE = 'denials';

/**
 * The denial's parties as screenable restricted parties (source `denials`,
 * source id `<denial id>/<n>`), carrying the reason, date and notifying agency.
 */
export function partiesFromDenial(denial: Denial): Party[] {
  return denial.parties.map((p, i) =>
    buildParty({
      source: DENIALS_SOURCE,
      sourceId: `${denial.id}/${i + 1}`,
      schema: 'unknown',
      names: [{ full: p.name, quality: 'primary' }],
      countries: p.country ? [{ code: p.country, role: 'address' }] : [],
      addresses: p.address ? [{ full: p.address, ...(p.country ? { country: p.country } : {}) }] : [],
      programs: [`denial:${p.role}`],
      legalBasis: [denial.reason],
      listedOn: denial.deniedOn,
      remarks: `Denied by agency ${denial.orgId}${denial.reference ? ` (${denial.reference})` : ''}; destination ${denial.destination}; items ${denial.items.map((x) => x.code).join(', ')}`,
    }),
  );
}

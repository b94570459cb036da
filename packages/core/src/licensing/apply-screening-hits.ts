import type { RedFlag } from './raise-red-flags.ts';
import { stricterOutcome, isLicenceRequired } from './determination.ts';
import type { JurisdictionAssessment } from './assess-transaction.ts';
import type { Transaction, ExportParty } from './transaction.ts';

/** One restricted-party match returned by the screening function. */
export interface ScreeningHit {
  source: string;
  sourceId?: string;
  name: string;
  score: number;
  licenceRequirement?: string;
  licencePolicy?: string;
}

/** Screens one party against the restricted-party lists. */
export type ScreenParty = (party: ExportParty) => ScreeningHit[];

/** The screening result of one party and the red flags it raised. */
export interface PartyScreening {
  party: ExportParty;
  hits: ScreeningHit[];
  flags: RedFlag[];
}

/** Score from which a hit is treated as a match rather than a name to review. */
export const CONFIRMED_HIT_SCORE = 0.9;

// Source classes: which lists impose a US licence requirement, which prohibit outright.
const US_END_USER_LISTS = /entity list|\bEL\b|military end user|\bMEU\b|unverified/i;
const US_DENIALS = /denied persons|\bDPL\b/i;
const SANCTIONS = /sdn|specially designated|sanction|ofac|un-sc|consolidated|fsf|ofsi|asset freeze/i;

/**
 * Screens every party; confirmed Entity List (or MEU) hits impose their licence
 * requirement and review policy on every US determination, Denied Persons hits
 * prohibit, and sanctions-list hits are raised as red flags.
 */
export function applyScreeningHits(
  tx: Transaction,
  screen: ScreenParty | undefined,
  us: JurisdictionAssessment | undefined,
): PartyScreening[] {
  if (!screen) return [];
  return tx.parties.map((party) => {
    const hits = screen(party);
    const flags: RedFlag[] = [];
    for (const hit of hits) {
      const confirmed = hit.score >= CONFIRMED_HIT_SCORE;
      const label = `${party.role} "${party.name}" matches ${hit.name} on ${hit.source} (score ${hit.score.toFixed(2)})`;
      if (!confirmed) {
        flags.push({
          id: `possible-match:${party.role}`,
          severity: 'medium',
          detail: `${label}: review the possible match.`,
          factor: 'kyc-red-flags',
        });
        continue;
      }
      if (US_DENIALS.test(hit.source) || US_END_USER_LISTS.test(hit.source)) {
        const prohibit = US_DENIALS.test(hit.source);
        flags.push({
          id: `end-user-list:${party.role}`,
          severity: 'high',
          detail: label,
          factor: 'entity-list-hit',
        });
        for (const d of us?.determinations ?? []) {
          const det = d.determination;
          det.reasons.push(
            `${hit.source}: ${hit.name}${hit.licenceRequirement ? ` (${hit.licenceRequirement})` : ''}`,
          );
          det.citations.push(prohibit ? '15 CFR 764.3' : '15 CFR 744.11');
          det.exceptions.length = 0;
          det.outcome = stricterOutcome(det.outcome, prohibit ? 'prohibited' : 'licence-required');
          det.licenceRequired = isLicenceRequired(det.outcome);
          if (hit.licencePolicy) det.licencePolicy = hit.licencePolicy;
          det.trace.push({
            rule: 'Restricted party',
            result: 'applies',
            detail: label,
            citation: prohibit ? '15 CFR 764.3' : '15 CFR 744.11',
          });
        }
      } else if (SANCTIONS.test(hit.source)) {
        flags.push({
          id: `sanctions-list:${party.role}`,
          severity: 'high',
          detail: `${label}: dealings may be prohibited.`,
          factor: 'sanctions-list-hit',
        });
      } else
        flags.push({
          id: `listed-party:${party.role}`,
          severity: 'medium',
          detail: label,
          factor: 'kyc-red-flags',
        });
    }
    return { party, hits, flags };
  });
}

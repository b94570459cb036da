import type { GeneralAuthorisation } from './determination-data.ts';
import type { DeterminationBuilder } from './determination.ts';

/** How one general authorisation relates to a shipment. */
export type GeneralAuthorisationFit = 'available' | 'to-check' | 'no';

/** True when `code` is `prefix` or starts with it (prefix "0" covers Category 0). */
export function isCodeWithin(code: string, prefix: string): boolean {
  if (prefix.length <= 1) return code.startsWith(prefix);
  return code === prefix || code.startsWith(`${prefix}.`) || (prefix.length < 5 && code.startsWith(prefix));
}

/**
 * Whether a general authorisation fits an item and destination: 'available'
 * only for a 'determined' record whose destinations and item scope are known
 * and match; 'to-check' when it may apply but the data cannot decide.
 */
export function fitGeneralAuthorisation(
  ga: GeneralAuthorisation,
  item: string,
  destination: string,
  inAnnexIv: boolean,
): { fit: GeneralAuthorisationFit; why: string } {
  if (ga.destinations && !ga.destinations.includes(destination))
    return { fit: 'no', why: `destination ${destination} is not covered` };
  if (ga.excludeAnnexIv && inAnnexIv) return { fit: 'no', why: 'Annex IV items are excluded' };
  const excluded = ga.excludedItems.find((p) => isCodeWithin(item, p));
  if (excluded) return { fit: 'no', why: `items in ${excluded} are excluded` };
  if (ga.itemScope && !ga.itemScope.some((p) => isCodeWithin(item, p)))
    return { fit: 'no', why: 'item outside its scope' };
  if (ga.use === 'determined' && ga.destinations)
    return { fit: 'available', why: 'destination and item covered' };
  return {
    fit: 'to-check',
    why: ga.destinations ? 'conditions must be checked' : 'destinations and conditions must be checked',
  };
}

/** Evaluates every authorisation of a dataset and records the result on `out`. */
export function applyGeneralAuthorisations(
  list: readonly GeneralAuthorisation[],
  item: string,
  destination: string,
  inAnnexIv: boolean,
  out: DeterminationBuilder,
): void {
  for (const ga of list) {
    const { fit, why } = fitGeneralAuthorisation(ga, item, destination, inAnnexIv);
    const conditions = ga.conditions.join('; ');
    if (fit === 'available') {
      out.add('generalAuthorisations', ga.id);
      out.add('citations', ga.legalBasis);
      out.step(`${ga.id} ${ga.title}`, 'available', `${why}. Conditions: ${conditions}`, ga.legalBasis);
    } else if (fit === 'to-check') {
      out.addToCheck({ id: ga.id, citation: ga.legalBasis, conditions: `${ga.title}: ${conditions}` });
      out.step(
        `${ga.id} ${ga.title}`,
        'question',
        `may apply: ${why} (dataset confidence ${ga.confidence})`,
        ga.legalBasis,
      );
    } else out.step(`${ga.id} ${ga.title}`, 'not-available', why, ga.legalBasis);
  }
}

import type { DeterminationData } from '../licensing/determination-data.ts';
import { isLicenceRequired } from '../licensing/determination.ts';
import { deMinimisThreshold } from '../licensing/find-jurisdictions.ts';
import { computeDeMinimis, type UsContentLine } from './de-minimis.ts';
import { findDeMinimisExclusion } from './de-minimis-exclusions.ts';
import type { DeterminationMemo } from './determination-memo.ts';
import type { ComponentAnalysis, DestinationReach } from './supply-analysis.ts';

/** A what-if on top of the real rules: components to count as controlled content anyway (a new US control). */
export type ExtraCounted = (component: ComponentAnalysis) => string | undefined;

function contentLine(
  data: DeterminationData,
  memo: DeterminationMemo,
  c: ComponentAnalysis,
  destination: string,
  groups: readonly string[],
  extra?: ExtraCounted,
): UsContentLine {
  const us = c.controls.find((x) => x.jurisdiction === 'US');
  const base = { partId: c.partId, value: c.value };
  const added = extra?.(c);
  if (!us?.code) {
    return {
      ...base,
      counted: added !== undefined,
      why: added ?? 'US-origin part without a US classification: not counted; classify it under the CCL',
    };
  }
  const exclusion = findDeMinimisExclusion(us.code, destination, groups);
  const { determination, error } = memo.get('US', us.code, destination);
  if (!determination)
    return {
      ...base,
      usCode: us.code,
      counted: exclusion !== undefined || added !== undefined,
      why: added ?? error ?? 'no determination',
      ...(exclusion ? { exclusion } : {}),
    };
  // BIS: content exportable under License Exception GBS is not counted (Supp. 2 to part 734).
  const gbs = determination.outcome === 'exception-available' && determination.exceptions.includes('GBS');
  const counted =
    (isLicenceRequired(determination.outcome) && !gbs) || exclusion !== undefined || added !== undefined;
  const why =
    added ??
    (gbs
      ? 'eligible for License Exception GBS: not counted'
      : counted
        ? `${determination.outcome} to ${destination} (${determination.reasons.join(', ') || us.code})`
        : `${determination.outcome} to ${destination}: not controlled content`);
  return {
    ...base,
    usCode: us.code,
    counted,
    outcome: determination.outcome,
    why,
    ...(exclusion ? { exclusion } : {}),
  };
}

/**
 * Whether the US EAR reach a product sold to `destination`: made in the US,
 * or foreign-made with US-origin controlled content above the de minimis
 * level (25%, 10% towards Country Group E:1/E:2) or content never eligible.
 */
export function findUsReach(
  data: DeterminationData,
  memo: DeterminationMemo,
  product: { madeIn: string; value: number; components: ComponentAnalysis[] },
  destination: string,
  extra?: ExtraCounted,
): DestinationReach['us'] {
  if (product.madeIn === 'US')
    return {
      subjectToEar: true,
      basis: 'made in the United States: exported from the US (15 CFR 734.3(a)(1))',
    };
  if (destination === 'US')
    return {
      subjectToEar: false,
      basis: 'destination is the United States: an import, not an export under the EAR',
    };
  const groups = data.countries.get(destination)?.usGroups ?? [];
  const lines = product.components
    .filter((c) => c.origin === 'US')
    .map((c) => contentLine(data, memo, c, destination, groups, extra));
  const deMinimis = computeDeMinimis(product.value, deMinimisThreshold(data, destination), lines);
  const basis =
    deMinimis.neverEligible.length > 0
      ? `foreign-made product with US content never eligible for de minimis (${deMinimis.neverEligible.map((n) => n.citation).join(', ')})`
      : deMinimis.exceedsThreshold
        ? `foreign-made product whose US controlled content (${(deMinimis.share * 100).toFixed(2)}%) exceeds the ${deMinimis.threshold * 100}% de minimis level (15 CFR 734.4)`
        : `foreign-made product with US controlled content of ${(deMinimis.share * 100).toFixed(2)}%, not above the ${deMinimis.threshold * 100}% de minimis level`;
  return { subjectToEar: deMinimis.subjectToEar, basis, deMinimis };
}

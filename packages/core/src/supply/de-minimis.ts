import type { Outcome } from '../licensing/determination.ts';
import type { DeMinimisExclusion } from './de-minimis-exclusions.ts';

/** One US-origin component line of a foreign-made product, as the de minimis rule sees it. */
export interface UsContentLine {
  partId: string;
  value: number;
  usCode?: string;
  /** True when the line is "controlled content": it needs a licence or licence exception (not GBS) to the destination. */
  counted: boolean;
  /** The US outcome towards the product's destination, when the line is classified. */
  outcome?: Outcome;
  why: string;
  /** The rule that makes the line ineligible for de minimis, if any. */
  exclusion?: DeMinimisExclusion;
}

/** The de minimis calculation of one foreign-made product for one destination (15 CFR 734.4). */
export interface DeMinimisResult {
  /** 0.25, or 0.10 towards Country Group E:1/E:2. */
  threshold: number;
  productValue: number;
  usControlledValue: number;
  /** US controlled value / product value. */
  share: number;
  exceedsThreshold: boolean;
  neverEligible: { partId: string; rule: string; citation: string; text: string }[];
  /** True when the EAR reach the product: share above the threshold, or content never eligible. */
  subjectToEar: boolean;
  lines: UsContentLine[];
  reasons: string[];
}

const percent = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/**
 * Applies the de minimis rule: a foreign-made product is subject to the EAR
 * when its US-origin controlled content exceeds the threshold share of its
 * value (strictly above: exactly 25% is not subject), or when it incorporates
 * content for which there is no de minimis level.
 *
 * @example
 * computeDeMinimis(1000, 0.25, [{ partId: 'fpga', value: 260, counted: true, why: 'NS2' }]).subjectToEar; // true
 */
export function computeDeMinimis(
  productValue: number,
  threshold: number,
  lines: UsContentLine[],
): DeMinimisResult {
  const usControlledValue = lines.reduce((sum, l) => sum + (l.counted ? l.value : 0), 0);
  const share = productValue > 0 ? usControlledValue / productValue : 0;
  const exceedsThreshold = share > threshold;
  const neverEligible = lines
    .filter((l) => l.exclusion)
    .map((l) => ({
      partId: l.partId,
      rule: l.exclusion!.id,
      citation: l.exclusion!.citation,
      text: l.exclusion!.text,
    }));
  const counted = lines.filter((l) => l.counted);
  const reasons = [
    `US-origin controlled content ${usControlledValue} of ${productValue} = ${percent(share)} (${counted.length} of ${lines.length} US-origin line(s) counted); de minimis level ${percent(threshold)} (15 CFR 734.4(c)/(d))`,
    exceedsThreshold
      ? `${percent(share)} exceeds ${percent(threshold)}: the foreign-made product is subject to the EAR`
      : `${percent(share)} does not exceed ${percent(threshold)}: not subject to the EAR through its US content`,
    ...neverEligible.map((n) => `part ${n.partId}: no de minimis level for ${n.text} (${n.citation})`),
  ];
  return {
    threshold,
    productValue,
    usControlledValue,
    share,
    exceedsThreshold,
    neverEligible,
    subjectToEar: exceedsThreshold || neverEligible.length > 0,
    lines,
    reasons,
  };
}

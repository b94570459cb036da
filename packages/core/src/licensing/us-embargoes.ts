import type { FactSource } from './fact-citation.ts';

/**
 * One embargo or sanctions rule of 15 CFR Part 746 that reaches items
 * regardless of the Country Chart. The rules are data
 * (`adapters/datasets/licensing/us-embargoes.json`), handed in with the US tables.
 */
export interface UsEmbargoRule {
  destinations: string[];
  name: string;
  /** 'all-items': every item subject to the EAR, EAR99 included; 'ccl-items': CCL items only. */
  reach: 'all-items' | 'ccl-items';
  effect: 'licence-required' | 'prohibited';
  citations: string[];
  policy: string;
  /** Rule text for EAR99 items when it differs from the CCL rule. */
  ear99?: { effect: 'licence-required' | 'question'; detail: string; question?: string };
  toCheck: { id: string; citation: string; conditions: string }[];
  /** Where the rule's text was read, or why it is unverified. */
  source: FactSource;
}

/** The Part 746 rule among `rules` that reaches `destination`, if any. */
export function findUsEmbargo(
  rules: readonly UsEmbargoRule[],
  destination: string,
): UsEmbargoRule | undefined {
  return rules.find((r) => r.destinations.includes(destination));
}

import { controlEntriesCorrespond, type EntriesCorrespond } from './control-entries-correspond.ts';
import { isDenialValid } from './is-denial-valid.ts';
import type { ApplicationInput, Denial, DenialItem, TransactionParty } from './sharing-model.ts';
import { tokenSetSimilarity, type NameMatches } from './token-set-similarity.ts';

/** Name score from which an application party counts as the denied party. */
export const DEFAULT_PARTY_MATCH_THRESHOLD = 0.8;

/** The pluggable parts of the "essentially identical" test. */
export interface DenialMatcher {
  entriesCorrespond: EntriesCorrespond;
  nameMatches: NameMatches;
  threshold: number;
}

/** The default matcher: bare-code correspondence and token-set name similarity at 0.8. */
export const DEFAULT_DENIAL_MATCHER: DenialMatcher = {
  entriesCorrespond: controlEntriesCorrespond,
  nameMatches: tokenSetSimilarity,
  threshold: DEFAULT_PARTY_MATCH_THRESHOLD,
};

/** Why an application is essentially identical to a denial: the corresponding items and the matching parties. */
export interface DenialMatch {
  denialId: string;
  /** The denying agency, to which the consultation is addressed. */
  denyingOrgId: string;
  destination: string;
  items: { applicationCode: string; denialCode: string }[];
  parties: {
    applicationParty: string;
    applicationRole: string;
    deniedParty: string;
    deniedRole: string;
    score: number;
  }[];
  /** The best party score. */
  score: number;
}

function matchItems(a: DenialItem[], d: DenialItem[], correspond: EntriesCorrespond): DenialMatch['items'] {
  return a.flatMap((x) =>
    d.filter((y) => correspond(x, y)).map((y) => ({ applicationCode: x.code, denialCode: y.code })),
  );
}

function matchParties(
  a: TransactionParty[],
  d: TransactionParty[],
  m: DenialMatcher,
): DenialMatch['parties'] {
  const out: DenialMatch['parties'] = [];
  for (const x of a.filter((p) => p.role === 'consignee' || p.role === 'end-user')) {
    for (const y of d) {
      const score = Math.round(m.nameMatches(x.name, y.name) * 1000) / 1000;
      if (score >= m.threshold) {
        out.push({
          applicationParty: x.name,
          applicationRole: x.role,
          deniedParty: y.name,
          deniedRole: y.role,
          score,
        });
      }
    }
  }
  return out.sort((p, q) => q.score - p.score);
}

/**
 * The valid denials by other agencies that an application is essentially
 * identical to: a corresponding control entry, the same destination, and a
 * consignee or end user matching a denied party at or above the threshold.
 * `denials` must already be limited to those the assessing agency may see.
 */
export function findMatchingDenials(
  application: ApplicationInput,
  assessingOrgId: string,
  denials: readonly Denial[],
  today: string,
  matcher: DenialMatcher = DEFAULT_DENIAL_MATCHER,
): DenialMatch[] {
  const matches: DenialMatch[] = [];
  for (const denial of denials) {
    if (denial.orgId === assessingOrgId || !isDenialValid(denial, today)) continue;
    if (denial.destination.toUpperCase() !== application.destination.toUpperCase()) continue;
    const items = matchItems(application.items, denial.items, matcher.entriesCorrespond);
    if (items.length === 0) continue;
    const parties = matchParties(application.parties, denial.parties, matcher);
    if (parties.length === 0) continue;
    matches.push({
      denialId: denial.id,
      denyingOrgId: denial.orgId,
      destination: denial.destination,
      items,
      parties,
      score: parties[0]!.score,
    });
  }
  return matches.sort((a, b) => b.score - a.score);
}

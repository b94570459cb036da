/**
 * The ownership rules Entente applies, as data: for each rule, the periods in
 * which it applies, its threshold, whether several listed owners add up,
 * whether control counts, and the citation of every fact with where it was read
 * (docs/decisions/2026-12-03-ownership-rules.md). Texts read only through a
 * secondary source (a law firm's summary quoting the provision) stay `unverified`.
 */
import type { FactSource } from '../licensing/fact-citation.ts';

/** The ownership rules modelled. */
export const OWNERSHIP_RULE_IDS = [
  'us-ofac-50',
  'us-bis-affiliates',
  'eu-owned-or-controlled',
  'uk-owned-or-controlled',
] as const;

/** One of the ownership rules modelled. */
export type OwnershipRuleId = (typeof OWNERSHIP_RULE_IDS)[number];

/** How holdings are compared with the threshold. */
export type ShareThreshold = { kind: 'at-least' | 'more-than'; percent: number };

/** One period of a rule: from a date (inclusive) to a date (inclusive) or open. */
export interface OwnershipRulePeriod {
  from: string;
  to?: string;
  state: 'in-force' | 'suspended';
  threshold: ShareThreshold;
  /** True when the holdings of several listed owners add up (false: one listed person at a time). */
  aggregate: boolean;
  /** True when a "controls" link is enough on its own. */
  control: boolean;
  sources: readonly FactSource[];
  note?: string;
}

/** One rule with its periods. */
export interface OwnershipRule {
  id: OwnershipRuleId;
  jurisdiction: 'US' | 'EU' | 'UK';
  title: string;
  periods: readonly OwnershipRulePeriod[];
}

const READ_ON = '2026-12-03';
const secondary = (citation: string, readIn: string, note: string): FactSource => ({
  citation,
  status: 'unverified',
  readIn,
  readOn: READ_ON,
  note,
});

const OFAC_GUIDANCE = secondary(
  'OFAC, Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are Blocked (13 August 2014), Fed. Reg. 47726 (14 August 2014)',
  'https://www.lexology.com/library/detail.aspx?g=98e1f875-4ad0-4f18-81e9-b658f1a6c40d; https://www.complianceweek.com/ofac-amends-50-percent-rule-for-sanctions/13343.article',
  'read in summaries quoting "owned in the aggregate, directly or indirectly, 50 percent or more by one or more blocked persons"; the guidance itself was not read',
);
const OFAC_FAQ_401: FactSource = {
  citation:
    'OFAC FAQ 401 ("indirectly": through entities 50 percent or more owned in the aggregate by blocked persons; examples 1 and 2)',
  status: 'verified',
  readIn: 'https://ofac.treasury.gov/faqs/401',
  readOn: READ_ON,
};
const OFAC_FAQ_398: FactSource = {
  citation: 'OFAC FAQ 398 (the 50 Percent Rule speaks only to ownership, not control)',
  status: 'verified',
  readIn: 'https://ofac.treasury.gov/faqs/398',
  readOn: READ_ON,
};
/** The eCFR text of 15 CFR part 744 in the mirror (its latest amendment cited: 91 FR 1687, 15 January 2026). */
const ECFR_744 =
  '../shared/data/controls/us/ecfr/title-15_part-744.xml (eCFR, 15 CFR part 744; latest amendment cited 91 FR 1687 of 15 January 2026)';
const BIS_IFR: FactSource = {
  citation:
    '15 CFR 744.11(a)(1) and Supplement No. 8 to part 744, paragraph (b) ("owned, directly or indirectly, individually or in aggregate, 50 percent or more"; paragraph (c): a lower share only calls for caution), added by 90 FR 47201-47214 (30 September 2025)',
  status: 'verified',
  readIn: ECFR_744,
  readOn: READ_ON,
  note: 'the text speaks of ownership only; control alone is not a test',
};
const BIS_IFR_DATES: FactSource = {
  citation:
    'BIS interim final rule "Expansion of End-User Controls To Cover Affiliates of Certain Listed Entities", Federal Register document 2025-19001, 90 FR 47201, DATES: "This rule is effective September 29, 2025"',
  status: 'verified',
  readIn:
    'https://thefederalregister.org/documents/2025-19001/expansion-of-end-user-controls-to-cover-affiliates-of-certain-listed-entities (a reproduction of the Federal Register document)',
  readOn: READ_ON,
};
const BIS_SUSPENSION: FactSource = {
  citation:
    '90 FR 50857 (12 November 2025), as the eCFR\'s effective date notes give it: 15 CFR 744.11(a)(1), Supplement No. 8 to part 744 (and the ownership sentences of 744.8, 744.16(e), 744.21) "stayed, effective until Nov. 9, 2026"',
  status: 'verified',
  readIn: ECFR_744,
  readOn: READ_ON,
  note: "the stay's first day (10 November 2025) was read only in summaries (internationaltradeinsights.com, blog.freshfields.us)",
};
const BIS_AFTER_STAY = secondary(
  'No rule after the stay (an extension or an amendment) was read: the eCFR copy read predates 9 November 2026',
  '../shared/data/controls/us/ecfr/title-15_part-744.xml',
  'the period from 10 November 2026 rests on the stay ending as its text says; a Federal Register check for later rules is outstanding',
);
const EU_BEST_PRACTICES_2024 = secondary(
  'Council of the EU, EU Best Practices for the effective implementation of restrictive measures (update of 3 July 2024), ownership and control',
  'https://sorainen.com/publications/enhancing-sanctions-effectiveness-key-changes-in-eu-best-practices; https://dlapiper.com/en/pt-br/insights/publications/2024/08/changes-to-the-eu-sanctions-best-practices',
  'read in summaries: ownership is 50 % or more of the proprietary rights (before: more than 50 %), aggregated over designated persons; control counts on its own',
);
const EU_COMMISSION_FAQ = secondary(
  'European Commission, FAQ on the asset freeze and the prohibition to make funds available (Council Regulation (EU) No 269/2014), aggregated ownership (30 % + 25 % example)',
  'https://exportcompliancedaily.com/article/2022/03/30/eu-issues-guidance-on-russia-sanctions-50-rule-2203290026; https://www.mondaq.com/uk/fund-finance/1516340/',
  'read in summaries; how the Best Practices treat indirect ownership through a majority-owned entity was not read and is modelled like OFAC (unverified)',
);
const UK_REG_7 = secondary(
  'The Russia (Sanctions) (EU Exit) Regulations 2019, regulation 7 (meaning of "owned or controlled directly or indirectly"): more than 50 % of shares or voting rights, the right to appoint or remove a majority of the board, or control in significant respects',
  'https://prod.hsf-prod.magnolia-platform.com/notes/fsrandcorpcrime/2023-03/ofsi-updates-its-enforcement-guidance-regarding-ownership-and-control-by-sanctioned-persons',
  'read in a summary; the Russia regulation\'s own text was not read. The same regulation 7 ("more than 50% of the shares", voting rights, a majority of the board; or able "in most cases or in significant respects" to have the affairs conducted as P wishes) was read in The Burma (Sanctions) (EU Exit) Regulations 2019 at http://legislation.gov.uk/uksi/2019/136/regulation/7/2020-12-31 on 2026-12-03',
);
const OFSI_4_14 = secondary(
  "OFSI, General guidance for financial sanctions, paragraph 4.14 (different designated persons' holdings are not simply aggregated unless held jointly or one controls the other's rights)",
  'https://mrwatchlist.com/2022/03/22/ofsi-updates-ownership-control-guidance/; https://natlawreview.com/article/uk-russian-sanctions-updated-guidance-ownership-and-control',
  'read in summaries quoting the paragraph; joint arrangements are not in the register and are not modelled',
);

/** The rules, their periods and citations. */
export const OWNERSHIP_RULES: Readonly<Record<OwnershipRuleId, OwnershipRule>> = {
  'us-ofac-50': {
    id: 'us-ofac-50',
    jurisdiction: 'US',
    title: 'US OFAC 50 Percent Rule',
    periods: [
      {
        from: '2014-08-13',
        state: 'in-force',
        threshold: { kind: 'at-least', percent: 50 },
        aggregate: true,
        control: false,
        sources: [OFAC_GUIDANCE, OFAC_FAQ_401, OFAC_FAQ_398],
      },
    ],
  },
  'us-bis-affiliates': {
    id: 'us-bis-affiliates',
    jurisdiction: 'US',
    title: 'US BIS Affiliates Rule (Entity List and MEU List, 50 % owned)',
    periods: [
      {
        from: '2025-09-29',
        to: '2025-11-09',
        state: 'in-force',
        threshold: { kind: 'at-least', percent: 50 },
        aggregate: true,
        control: false,
        sources: [BIS_IFR, BIS_IFR_DATES],
      },
      {
        from: '2025-11-10',
        to: '2026-11-09',
        state: 'suspended',
        threshold: { kind: 'at-least', percent: 50 },
        aggregate: true,
        control: false,
        sources: [BIS_SUSPENSION],
      },
      {
        from: '2026-11-10',
        state: 'in-force',
        threshold: { kind: 'at-least', percent: 50 },
        aggregate: true,
        control: false,
        sources: [BIS_IFR, BIS_SUSPENSION, BIS_AFTER_STAY],
        note: 'in force again from 10 November 2026, the stay being "effective until Nov. 9, 2026"; no later rule was read: unverified',
      },
    ],
  },
  'eu-owned-or-controlled': {
    id: 'eu-owned-or-controlled',
    jurisdiction: 'EU',
    title: 'EU "owned or controlled"',
    periods: [
      {
        from: '2014-01-01',
        to: '2024-07-02',
        state: 'in-force',
        threshold: { kind: 'more-than', percent: 50 },
        aggregate: true,
        control: true,
        sources: [EU_COMMISSION_FAQ],
        note: 'more than 50 % before the Best Practices update of 3 July 2024 (start date of this period not read)',
      },
      {
        from: '2024-07-03',
        state: 'in-force',
        threshold: { kind: 'at-least', percent: 50 },
        aggregate: true,
        control: true,
        sources: [EU_BEST_PRACTICES_2024, EU_COMMISSION_FAQ],
      },
    ],
  },
  'uk-owned-or-controlled': {
    id: 'uk-owned-or-controlled',
    jurisdiction: 'UK',
    title: 'UK ownership and control test',
    periods: [
      {
        from: '2019-01-01',
        state: 'in-force',
        threshold: { kind: 'more-than', percent: 50 },
        aggregate: false,
        control: true,
        sources: [UK_REG_7, OFSI_4_14],
        note: 'one designated person at a time (OFSI 4.14); start date of this period not read',
      },
    ],
  },
};

/** The period of `rule` that covers `onDate` (YYYY-MM-DD), if any. */
export function ownershipRulePeriod(rule: OwnershipRule, onDate: string): OwnershipRulePeriod | undefined {
  return rule.periods.find((p) => p.from <= onDate && (p.to === undefined || onDate <= p.to));
}

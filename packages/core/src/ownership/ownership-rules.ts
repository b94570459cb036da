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
const BIS_IFR = secondary(
  'BIS interim final rule "Expansion of End-User Controls to Cover Affiliates of Certain Listed Entities", 15 CFR 744.11(a)(1), effective 29 September 2025 (published 30 September 2025)',
  'https://www.thompsonhinesmartrade.com/2025/10/bis-expands-entity-list-end-user-controls-to-cover-affiliates-of-listed-entities; https://www.linklaters.com/knowledge/publications/alerts-newsletters-and-guides/2025/october/02/commerce-department-enhances-entity-list-restrictions',
  'read in summaries: 50 % or more owned, directly or indirectly, individually or in the aggregate, by Entity List or MEU List parties; ownership, not control',
);
const BIS_SUSPENSION = secondary(
  'BIS final rule suspending the Affiliates Rule, 90 Fed. Reg. No. 216 (12 November 2025): suspended from 10 November 2025 through 9 November 2026, reimposed on 10 November 2026 unless changed',
  'https://www.internationaltradeinsights.com/2025/11/bis-suspends-affiliates-rule-for-one-year-following-u-s-agreement-with-china; https://lawyerfanzhang.com/one-year-suspension-of-expansion-of-end-user-controls-for-affiliates-of-certain-listed-entities; https://blog.freshfields.us/post/102lvi4/bis-suspends-the-affiliates-rule-expanding-end-user-export-controls-for-one-yea',
  'read in summaries of the Federal Register rule; the rule text was not read',
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
  'read in a summary; the regulation text was not read',
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
        sources: [BIS_IFR],
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
        sources: [BIS_IFR, BIS_SUSPENSION],
        note: 'reimposed on 10 November 2026 as the suspension rule scheduled; no later rule (extension or amendment) was found or read: unverified',
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

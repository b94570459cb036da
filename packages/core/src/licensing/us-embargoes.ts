/** One Part 746 embargo or sanctions rule of the EAR, as data. */
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
}

/**
 * The embargoes and sanctions of 15 CFR Part 746 that reach items regardless
 * of the Country Chart. Sources: §§746.2, 746.4, 746.6, 746.7, 746.8, 746.9
 * (eCFR 2026-07-23) and, for Iran, OFAC's 31 CFR 560.204.
 */
export const US_EMBARGO_RULES: readonly UsEmbargoRule[] = [
  {
    destinations: ['CU'],
    name: 'Cuba embargo',
    reach: 'all-items',
    effect: 'licence-required',
    citations: ['15 CFR 746.2'],
    policy: 'general policy of denial (§746.2(b))',
    toCheck: [
      {
        id: 'SCP',
        citation: '15 CFR 740.21',
        conditions: 'Support for the Cuban People: only the items and end users §740.21 lists',
      },
    ],
  },
  {
    destinations: ['IR'],
    name: 'Iran sanctions',
    reach: 'all-items',
    effect: 'prohibited',
    citations: ['15 CFR 746.7', '31 CFR 560.204'],
    policy:
      'exports require OFAC authorisation; BIS licence applications for CCL items are reviewed under §746.7(b)',
    toCheck: [],
  },
  {
    destinations: ['KP'],
    name: 'North Korea sanctions',
    reach: 'all-items',
    effect: 'licence-required',
    citations: ['15 CFR 746.4', '15 CFR 742.19'],
    policy: 'general policy of denial except food and medicine (§746.4(b))',
    ear99: {
      effect: 'licence-required',
      detail: 'every item subject to the EAR except food and medicine classified EAR99',
    },
    toCheck: [],
  },
  {
    destinations: ['SY'],
    name: 'Syria controls',
    reach: 'all-items',
    effect: 'licence-required',
    citations: ['15 CFR 746.9'],
    policy: 'see §746.9 as amended in 2025',
    toCheck: [
      {
        id: 'SPP',
        citation: '15 CFR 740.5',
        conditions:
          'License Exception Syria Peace and Prosperity: check the items, end users and end uses §740.5 allows',
      },
    ],
  },
  {
    destinations: ['RU', 'BY'],
    name: 'Russia and Belarus sanctions',
    reach: 'all-items',
    effect: 'licence-required',
    citations: ['15 CFR 746.8'],
    policy:
      'policy of denial (§746.8(b)), with case-by-case review for listed humanitarian and safety purposes',
    ear99: {
      effect: 'licence-required',
      detail:
        'EAR99 items need a licence when their HTS code is listed in Supplements No. 2, 4, 5 or 7 to Part 746 (§746.8(a)(1)–(3), §746.5)',
      question:
        'Give the HTS code: EAR99 items need a licence to Russia/Belarus when listed in Supplements No. 2, 4, 5 or 7 to Part 746; food and medicine are generally outside.',
    },
    toCheck: [],
  },
  {
    destinations: ['UA-43', 'UA-40', 'UA-14', 'UA-09'],
    name: 'Crimea, DNR and LNR regions of Ukraine',
    reach: 'all-items',
    effect: 'licence-required',
    citations: ['15 CFR 746.6'],
    policy: 'policy of denial except food and medicine (§746.6(b))',
    ear99: {
      effect: 'licence-required',
      detail:
        'all items subject to the EAR except food and medicine designated EAR99 and certain communications software',
    },
    toCheck: [],
  },
];

/** The Part 746 rule that reaches `destination`, if any. */
export function findUsEmbargo(destination: string): UsEmbargoRule | undefined {
  return US_EMBARGO_RULES.find((r) => r.destinations.includes(destination));
}

import type { FactSource } from '../licensing/fact-citation.ts';
import type { CuratedLink } from './crosswalk-curation.ts';

const CCL = 'ccl.json (15 CFR 774 Supp. 1) heading';
const EU = 'EU Annex I 2025 heading';
const READ_ON = '2026-12-03';
const CCL_READ = '../shared/data/controls/us/ccl.json (eCFR 15 CFR 774 Supp. 1 of 2026-07-23)';
/** The consolidated Annex I text of 2025-11-15 as held by a public repository (read, not copied). */
const EU_TEXT =
  'github.com/dkmcustoms-web/dual-use-v1 data/annex_i_en_2025-11.json at 2e697d0 (consolidated EUR-Lex Annex I of 2025-11-15)';
const EU_DATASET = 'packages/adapters/datasets/controls/eu-annex-i-2025-11-15.json (its entry citation)';

/** A link read from both texts: the US heading in ccl.json and the EU entry in `eu`. */
function read(us: string, eu: string, euIn = EU_TEXT): FactSource {
  return {
    citation: `15 CFR 774 Supp. 1 ECCN ${us}; Regulation (EU) 2021/821 Annex I (2025-11-15) entry ${eu}`,
    status: 'verified',
    readIn: `${CCL_READ}; ${euIn}`,
    readOn: READ_ON,
  };
}

/** The UK copy of a link: the UK list keeps the EU numbering, its entry is derived from the EU one. */
function uk(source: FactSource, code: string): FactSource {
  return {
    ...source,
    citation: `${source.citation}; UK dual-use list (assimilated Regulation (EC) No 428/2009 Annex I) entry ${code}`,
    note: `compared with the EU entry ${code}; the UK entry is derived from it and carries its own (unverified) citation`,
  };
}

/** UK national entries of 2024 known only from a secondary summary: shown, never followed. */
const UK_2024_SUMMARY: FactSource = {
  citation:
    'Export Control Order 2008 Schedule 3 entries PL9013–PL9015 (Export Control (Amendment) Regulations 2024)',
  status: 'unverified',
  note: 'the Schedule 3 text of PL9013–PL9015 was not found; their subjects are known only from a law-firm summary (jdsupra.com "UK expands export controls to semiconductor, quantum and cryogenic technologies", Hogan Lovells, March 2024)',
};

const NSG_PAIRS: CuratedLink[] = [
  {
    from: 'US:2B229',
    to: 'EU:2B219',
    type: 'same',
    note: `${CCL} "Centrifugal multiplane balancing machines, fixed or portable, horizontal or vertical" = ${EU} "Centrifugal multiplane balancing machines" (NSG dual-use 3.B.3)`,
    source: read('2B229', '2B219', EU_DATASET),
  },
  {
    from: 'US:1A231',
    to: 'EU:1B235',
    type: 'same',
    note: `${CCL} "Target assemblies and components for the production of tritium" = ${EU} "Target assemblies for tritium production"`,
    source: read('1A231', '1B235', EU_DATASET),
  },
  {
    from: 'US:1C355',
    to: 'EU:1C450',
    type: 'overlaps',
    note: `${CCL} "CWC Schedule 2 and 3 chemicals … not controlled by ECCN 1C350" overlaps ${EU} "Toxic chemicals and precursors scheduled under the Chemical Weapons Convention" (the EU entry also holds chemicals the US lists in 1C350)`,
    source: read('1C355', '1C450', EU_DATASET),
  },
];

/**
 * Equivalents numbered differently in the US, the EU and the UK (NSG and CWC
 * renumbering, US x9xx ↔ EU x5xx national controls, UK PL90xx), each with the
 * provisions compared and where their texts were read; a link whose text could
 * not be read is `unverified` and is shown but not followed.
 */
export const RENUMBERED_LINKS: readonly CuratedLink[] = [
  ...NSG_PAIRS,
  ...NSG_PAIRS.map((l) => ({ ...l, to: l.to.replace('EU:', 'UK:'), source: uk(l.source!, l.to.slice(3)) })),
  {
    from: 'US:2E903',
    to: 'EU:2E503',
    type: 'overlaps',
    note: `${CCL} "Technology, not specified elsewhere, for the development or production of 'coating systems' having all of the following" is word for word ${EU} 2E503.g (its only paragraph: coating systems protecting 1C007 ceramic-matrix composites, above 1 373,15 K); the US parameters are not in ccl.json`,
    source: read('2E903', '2E503.g'),
  },
  {
    from: 'EU:3B501',
    to: 'US:3B001',
    type: 'narrower',
    note: `${EU} "Semiconductor manufacturing equipment: Si/SiGe epitaxy, advanced lithography, dry etching, EUV masks and pellicles, deposition" is within ${CCL} "Equipment for the manufacturing of semiconductor devices, materials, or related equipment"`,
    source: read('3B001', '3B501', EU_DATASET),
  },
  {
    from: 'US:3E901',
    to: 'EU:3E001',
    type: 'narrower',
    note: `${CCL} "Technology … for the development or production of items controlled by ECCN 3A901, 3A904, 3B903, 3B904, 3C907, 3C908, or 3C909" (which US 3E001 excepts) is within ${EU} 3E001 "Technology … for the development or production of equipment or materials specified in 3A, 3B or 3C", which holds the EU counterparts 3A501, 3A504, 3B503, 3B504 and 3C507–3C509`,
    source: read('3E901', '3E001'),
  },
  {
    from: 'US:3D901',
    to: 'EU:3D001',
    type: 'overlaps',
    note: `${CCL} "Software … for the development or production of items specified in ECCN 3A901.b, 3B903, or 3B904" overlaps ${EU} 3D001 "Software specially designed for the development or production of equipment specified in 3A001.b. to 3A002.h., 3A501.b.13. or 3B" (3B503, 3B504 are in 3B)`,
    source: read('3D901', '3D001'),
  },
  ...(
    [
      [
        'UK:PL9014',
        'EU:4A506',
        'quantum computers, qubit devices and circuits, quantum control and measurement',
      ],
      ['UK:PL9014', 'EU:4A507', 'computers and assemblies containing certain integrated circuits'],
      ['UK:PL9015', 'EU:2B510', 'additive manufacturing equipment'],
      ['UK:PL9013', 'EU:3B503', 'scanning electron microscope equipment'],
      ['UK:PL9013', 'EU:3B504', 'cryogenic wafer probing equipment'],
      ['UK:PL9013', 'EU:3A504', 'cryogenic cooling systems'],
    ] as const
  ).map(([from, to, subject]): CuratedLink => ({
    from,
    to,
    type: 'overlaps',
    note: `the summary lists ${subject} under ${from.slice(3)}; the Schedule 3 text was not read`,
    source: UK_2024_SUMMARY,
  })),
];

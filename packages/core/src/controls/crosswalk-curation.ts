import type { FactSource } from '../licensing/fact-citation.ts';
import type { CorrespondenceType } from './control-entry.ts';

/** One hand-curated link between two entries, with the reason a human gave for it. */
export interface CuratedLink {
  from: string;
  to: string;
  type: CorrespondenceType;
  note: string;
  /** The two provisions compared and where their texts were read, or `unverified` and why. */
  source?: FactSource;
}

/** The citation of a pair whose headings were read word for word alike in both texts. */
function headingsRead(us: string, eu: string): FactSource {
  return {
    citation: `15 CFR 774 Supp. 1 ECCN ${us}; Regulation (EU) 2021/821 Annex I (2025-11-15) entry ${eu}`,
    status: 'verified',
    readIn:
      '../shared/data/controls/us/ccl.json (eCFR of 2026-07-23); github.com/dkmcustoms-web/dual-use-v1 data/annex_i_en_2025-11.json at 2e697d0',
    readOn: '2026-12-03',
    note: 'headings alike word for word; the US parameters are not in ccl.json',
  };
}

/**
 * The 2024 plurilateral quantum and semiconductor controls: US 9xx ECCNs and
 * the EU x5xx entries added by Delegated Regulation (EU) 2025/2003 whose item
 * text matches them (same parameters, different numbering).
 */
export const PLURILATERAL_LINKS: readonly CuratedLink[] = [
  { from: 'US:3A904', to: 'EU:3A504', type: 'same', note: 'cryogenic cooling systems; identical parameters' },
  {
    from: 'US:3B903',
    to: 'EU:3B503',
    type: 'same',
    note: 'SEM for imaging integrated circuits',
    source: headingsRead('3B903', '3B503'),
  },
  {
    from: 'US:3B904',
    to: 'EU:3B504',
    type: 'same',
    note: 'cryogenic wafer probing equipment',
    source: headingsRead('3B904', '3B504'),
  },
  {
    from: 'US:3C907',
    to: 'EU:3C507',
    type: 'same',
    note: 'isotopically enriched Si/Ge epitaxial materials',
    source: headingsRead('3C907', '3C507'),
  },
  {
    from: 'US:3C908',
    to: 'EU:3C508',
    type: 'same',
    source: headingsRead('3C908', '3C508'),
    note: 'isotopically enriched Si/Ge fluorides, hydrides, chlorides',
  },
  {
    from: 'US:3C909',
    to: 'EU:3C509',
    type: 'same',
    note: 'isotopically enriched Si/Ge and oxides',
    source: headingsRead('3C909', '3C509'),
  },
  {
    from: 'US:3D907',
    to: 'EU:3D507',
    type: 'same',
    note: 'software extracting GDSII data from SEM images',
    source: headingsRead('3D907', '3D507'),
  },
  { from: 'US:3E905', to: 'EU:3E505', type: 'same', note: 'technology for GAAFET integrated circuits' },
  { from: 'US:4A906', to: 'EU:4A506', type: 'same', note: 'quantum computers and qubit devices' },
  {
    from: 'US:3A901',
    to: 'EU:3A501',
    type: 'overlaps',
    note: 'cryogenic CMOS and parametric amplifiers; EU 3A501 also holds high-TPP ICs',
  },
  {
    from: 'US:2B910',
    to: 'EU:2B510',
    type: 'same',
    note: 'metal additive manufacturing equipment with in-process monitoring',
  },
  {
    from: 'US:4D906',
    to: 'EU:4D001',
    type: 'narrower',
    note: 'EU 4D001.b.3 covers software for 4A506.b/.c items',
  },
  {
    from: 'US:4E906',
    to: 'EU:4E001',
    type: 'narrower',
    note: 'EU 4E001.b.3 covers technology for 4A506.b/.c items',
  },
];

/**
 * US "600 series" ECCNs carry the Wassenaar Munitions List number in their last
 * two digits, except x619 (military gas turbine engines, ML10) and x620
 * (submersibles, ML9).
 */
export const SIX_HUNDRED_SERIES_EXCEPTIONS: Readonly<Record<string, string>> = Object.freeze({
  '19': 'ML10',
  '20': 'ML9',
});

/** US 0x5zz firearms-related ECCNs (moved from the USML in 2020) and their ML entries. */
export const FIREARMS_ML: Readonly<Record<string, string>> = Object.freeze({
  '0A501': 'ML1',
  '0A502': 'ML1',
  '0A503': 'ML1',
  '0A504': 'ML1',
  '0A505': 'ML3',
  '0A506': 'ML1',
  '0A507': 'ML1',
  '0A508': 'ML1',
  '0A509': 'ML1',
  '0B501': 'ML18',
  '0B505': 'ML18',
  '0D501': 'ML21',
  '0D505': 'ML21',
  '0E501': 'ML22',
  '0E502': 'ML22',
  '0E504': 'ML22',
  '0E505': 'ML22',
});

/** USML categories and the Wassenaar Munitions List entries they overlap. */
export const USML_ML: Readonly<Record<string, string[]>> = Object.freeze({
  I: ['ML1'],
  II: ['ML2'],
  III: ['ML3'],
  IV: ['ML4'],
  V: ['ML8'],
  VI: ['ML9'],
  VII: ['ML6'],
  VIII: ['ML10'],
  IX: ['ML14'],
  X: ['ML13'],
  XI: ['ML11'],
  XII: ['ML5', 'ML15'],
  XIII: ['ML17'],
  XIV: ['ML7'],
  XVIII: ['ML19'],
  XIX: ['ML10'],
  XX: ['ML9'],
});

/** US 9x515 spacecraft ECCNs and the Wassenaar-origin space entries they overlap. */
export const SPACE_LINKS: readonly CuratedLink[] = [
  {
    from: 'US:9A515',
    to: 'EU:9A004',
    type: 'overlaps',
    note: 'spacecraft moved from USML XV; WA 9.A.4 controls spacecraft',
  },
  { from: 'US:9A515', to: 'WA:9.A.4', type: 'overlaps', note: 'spacecraft moved from USML XV' },
];

/**
 * METI Export Trade Control Order, Appended Table 1 rows and the regime
 * category entries they implement (row level only).
 */
export const JAPAN_ROWS: Readonly<Record<string, string[]>> = Object.freeze({
  '1': ['WA:ML'],
  '2': ['NSG:N', 'NSG:T'],
  '3': ['AG:CHEM-PRECURSORS', 'AG:CHEM-EQUIPMENT'],
  '3-2': ['AG:HUMAN-ANIMAL-PATHOGENS', 'AG:PLANT-PATHOGENS', 'AG:BIO-EQUIPMENT'],
  '4': ['MTCR:M'],
  '5': ['WA:1'],
  '6': ['WA:2'],
  '7': ['WA:3'],
  '8': ['WA:4'],
  '9': ['WA:5'],
  '10': ['WA:6'],
  '11': ['WA:7'],
  '12': ['WA:8'],
  '13': ['WA:9'],
});

/** Australia Group common control lists and the EU entries that implement them. */
export const AG_EU: Readonly<Record<string, string[]>> = Object.freeze({
  'CHEM-PRECURSORS': ['EU:1C350'],
  'CHEM-EQUIPMENT': ['EU:2B350', 'EU:2B351'],
  'HUMAN-ANIMAL-PATHOGENS': ['EU:1C351', 'EU:1C353'],
  'PLANT-PATHOGENS': ['EU:1C354'],
  'BIO-EQUIPMENT': ['EU:2B352'],
});

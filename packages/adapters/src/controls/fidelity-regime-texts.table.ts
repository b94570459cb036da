/**
 * Facts read on 2026-12-04 in the regimes' own texts (stored page copies reached with the
 * search tool; see docs/decisions/2026-12-04-texts-searched.md). Each row names where it was read.
 */

const AG_SITE = 'theaustraliagroupnet/site/';

/** [AG list code, status, page it was read on, version the text gives, heading (our words)]. */
export const AG_LISTS: [string, 'verified' | 'unverified', string, string, string][] = [
  [
    'HUMAN-ANIMAL-PATHOGENS',
    'verified',
    `${AG_SITE}en/human_animal_pathogens.html`,
    '21 November 2023',
    'Human and animal pathogens and toxins',
  ],
  [
    'BIO-EQUIPMENT',
    'verified',
    `${AG_SITE}en/dual_biological.html`,
    '30 November 2022',
    'Dual-use biological equipment',
  ],
  ['PLANT-PATHOGENS', 'verified', `${AG_SITE}de/plants.html`, 'June 2012', 'Plant pathogens'],
  [
    'CHEM-EQUIPMENT',
    'verified',
    `${AG_SITE}de/control_list_dual_chemicals.html`,
    'September 2014',
    'Dual-use chemical manufacturing facilities',
  ],
  // The precursor list itself was not found; only the Group's undated page on its activities names it.
  [
    'CHEM-PRECURSORS',
    'unverified',
    `${AG_SITE}en/activities.html`,
    '89 chemical weapons precursors',
    'precursors',
  ],
];

/**
 * MTCR Annex (MTCR/TEM/2022/Annex, 21 October 2022), table of contents:
 * [LITE code, item as the Annex numbers it, heading as the table gives it].
 */
export const MTCR_TOC: [string, string, string][] = [
  ['M1E1', '1.E.1', '"Technology"'],
  ['M2B1', '2.B.1', '"Production facilities"'],
  ['M2B2', '2.B.2', '"Production equipment"'],
  ['M2D1', '2.D.1', '"Software"'],
  ['M2D6', '2.D.6', '"Software"'],
  ['M2E1', '2.E.1', '"Technology"'],
  ['M3A2', '3.A.2', 'Ramjet/scramjet/pulse jet/combined cycle engines'],
  ['M3A3', '3.A.3', "Rocket motor cases, 'insulation' components and nozzles"],
  ['M3A4', '3.A.4', 'Staging mechanisms, separation mechanisms and interstages'],
  ['M3A5', '3.A.5', 'Liquid, slurry and gel propellant (including oxidisers) control systems'],
  ['M3A6', '3.A.6', 'Hybrid rocket motors'],
  ['M3A7', '3.A.7', 'Radial ball bearings'],
  ['M3A8', '3.A.8', 'Liquid or gel propellant tanks'],
  ['M3B1', '3.B.1', '"Production facilities"'],
];

/**
 * The six categories of the NSG Part 2 annex as the NSG's page on its Part 2 Guidelines lists
 * them (unnumbered, so recorded `unverified`): [LITE code, heading].
 */
export const NSG_CATEGORIES: [string, string][] = [
  ['N1', 'Industrial equipment'],
  ['N2', 'Materials'],
  ['N3', 'Uranium isotope separation equipment and components'],
  ['N4', 'Heavy water production plant related equipment'],
  ['N5', 'Test and measurement equipment for the development of nuclear explosive devices'],
  ['N6', 'Components for nuclear explosive devices'],
];

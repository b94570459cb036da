import type { ControlCitation } from '@entente/core';

/** A heading read in a regime's own text for one code of the LITE code tree, and where it was read. */
export interface RegimeHeading {
  heading: string;
  citation: Pick<ControlCitation, 'readFrom' | 'readOn' | 'status' | 'note'>;
}

const MTCR_ANNEX_2022 =
  'scribd.com/document/639924669/MTCR-TEM-Technical-Annex-2022-10-21-Final (a copy of MTCR/TEM/2022/Annex, ' +
  'Equipment, Software and Technology Annex of 21 October 2022: its table of contents)';
const MTCR_NOTE =
  "Heading as the Annex's table of contents gives it (MTCR/TEM/2022/Annex, 21 October 2022); the item's text " +
  'below the heading was not read. Read in the stored copy of the page; see docs/decisions/2026-12-04-texts-searched.md.';

function mtcr(heading: string): RegimeHeading {
  return {
    heading,
    citation: { readFrom: MTCR_ANNEX_2022, readOn: '2026-12-04', status: 'verified', note: MTCR_NOTE },
  };
}

const NSG_PART_2_PAGE =
  "nuclearsuppliersgroup.org/index.php/en/guidelines/nsg-guidelines/guidelines-part-2 (the NSG's page on its Part 2 Guidelines)";

function nsg(heading: string, position: string): RegimeHeading {
  return {
    heading,
    citation: {
      readFrom: NSG_PART_2_PAGE,
      readOn: '2026-12-04',
      status: 'unverified',
      note:
        `The NSG's page lists the categories of the Part 2 annex without numbers; this heading is the ${position} ` +
        'of that list, taken as the category of the same number. The annex (INFCIRC/254/Part 2) itself was not read.',
    },
  };
}

/**
 * Headings of MTCR Annex items read in the Annex's table of contents (Items 1 and 2 of Category I,
 * Item 3 of Category II, as far as the stored copy reaches), keyed by the LITE code. Codes the
 * table names but the LITE tree lacks (3.A.9 'Turboprop engine systems', 3.A.10 Combustion
 * chambers and nozzles, both named in the 2022 table) are not added: the tree is the list.
 */
export const MTCR_HEADINGS: Readonly<Record<string, RegimeHeading>> = {
  M1E1: mtcr('"Technology" (Item 1)'),
  M2B1: mtcr('"Production facilities" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2B2: mtcr('"Production equipment" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2D1: mtcr('"Software" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2D2: mtcr('"Software" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2D3: mtcr('"Software" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2D4: mtcr('"Software" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2D5: mtcr('"Software" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2D6: mtcr('"Software" (Item 2, complete subsystems usable for complete delivery systems)'),
  M2E1: mtcr('"Technology" (Item 2, complete subsystems usable for complete delivery systems)'),
  M3A2: mtcr('Ramjet/scramjet/pulse jet/combined cycle engines'),
  M3A3: mtcr("Rocket motor cases, 'insulation' components and nozzles"),
  M3A4: mtcr('Staging mechanisms, separation mechanisms and interstages'),
  M3A5: mtcr('Liquid, slurry and gel propellant (including oxidisers) control systems'),
  M3A6: mtcr('Hybrid rocket motors'),
  M3A7: mtcr('Radial ball bearings'),
  M3A8: mtcr('Liquid or gel propellant tanks'),
  M3B1: mtcr('"Production facilities" (Item 3, propulsion components and equipment)'),
};

/**
 * Headings of the six categories of the NSG dual-use annex (Part 2), keyed by the LITE code;
 * `unverified`, because the NSG's page names them in a list without numbers.
 */
export const NSG_HEADINGS: Readonly<Record<string, RegimeHeading>> = {
  N1: nsg('Industrial equipment', 'first'),
  N2: nsg('Materials', 'second'),
  N3: nsg('Uranium isotope separation equipment and components (other than trigger list items)', 'third'),
  N4: nsg('Heavy water production plant related equipment (other than trigger list items)', 'fourth'),
  N5: nsg('Test and measurement equipment for the development of nuclear explosive devices', 'fifth'),
  N6: nsg('Components for nuclear explosive devices', 'sixth'),
};

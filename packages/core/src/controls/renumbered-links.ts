import type { CuratedLink } from './crosswalk-curation.ts';

const CCL = 'ccl.json (15 CFR 774 Supp. 1) heading';
const EU = 'EU Annex I 2025 dataset heading';

/**
 * Equivalents numbered differently in the US and the EU/UK (NSG and CWC
 * renumbering, US x9xx ↔ EU x5xx national controls), each added only after
 * reading both headings in the loaded lists; the note quotes what was compared.
 */
export const RENUMBERED_LINKS: readonly CuratedLink[] = [
  ...['EU', 'UK'].flatMap((list): CuratedLink[] => [
    {
      from: 'US:2B229',
      to: `${list}:2B219`,
      type: 'same',
      note: `${CCL} "Centrifugal multiplane balancing machines, fixed or portable, horizontal or vertical" = ${EU} "Centrifugal multiplane balancing machines" (NSG dual-use 3.B.3)`,
    },
    {
      from: 'US:1A231',
      to: `${list}:1B235`,
      type: 'same',
      note: `${CCL} "Target assemblies and components for the production of tritium" = ${EU} "Target assemblies for tritium production"`,
    },
    {
      from: 'US:1C355',
      to: `${list}:1C450`,
      type: 'overlaps',
      note: `${CCL} "CWC Schedule 2 and 3 chemicals … not controlled by ECCN 1C350" overlaps ${EU} "Toxic chemicals and precursors scheduled under the Chemical Weapons Convention" (the EU entry also holds chemicals the US lists in 1C350)`,
    },
  ]),
  {
    from: 'US:2E903',
    to: 'EU:2E503',
    type: 'overlaps',
    note: `${CCL} "Technology … for the development or production of 'coating systems'" and ${EU} "Technology for coating systems protecting ceramic-matrix composites": same subject; parameters not compared from the headings`,
  },
  {
    from: 'EU:3B501',
    to: 'US:3B001',
    type: 'narrower',
    note: `${EU} "Semiconductor manufacturing equipment: Si/SiGe epitaxy, advanced lithography, dry etching, EUV masks and pellicles, deposition" is within ${CCL} "Equipment for the manufacturing of semiconductor devices, materials, or related equipment"`,
  },
];

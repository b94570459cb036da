import type { DeterminationData, Jurisdiction } from './determination-data.ts';
import type { Transaction, TransactionItem } from './transaction.ts';

/** Why one jurisdiction's law reaches one item of a shipment. */
export interface JurisdictionReach {
  jurisdiction: Jurisdiction;
  itemIndex: number;
  basis: string;
}

/** De minimis thresholds of 15 CFR 734.4: 10% towards Country Groups E:1/E:2, else 25%. */
export const DE_MINIMIS = { default: 0.25, embargoed: 0.1 } as const;

/** The jurisdiction of the exporting state, if Entente models it. */
export function exportingJurisdiction(data: DeterminationData, iso2: string): Jurisdiction | undefined {
  if (iso2 === 'US') return 'US';
  if (iso2 === 'GB') return 'UK';
  if (iso2 === 'JP') return 'JP';
  return data.countries.get(iso2)?.euMember ? 'EU' : undefined;
}

/** The de minimis threshold that applies to `destination`. */
export function deMinimisThreshold(data: DeterminationData, destination: string): number {
  const groups = data.countries.get(destination)?.usGroups ?? [];
  return groups.includes('E:1') || groups.includes('E:2') ? DE_MINIMIS.embargoed : DE_MINIMIS.default;
}

function usReach(
  data: DeterminationData,
  item: TransactionItem,
  exportFrom: string,
  destination: string,
): { basis?: string; question?: string } {
  if (exportFrom === 'US') return { basis: 'export from the United States (15 CFR 734.3(a)(1))' };
  if (item.origin === 'US') return { basis: 'US-origin item wherever located (15 CFR 734.3(a)(2))' };
  const threshold = deMinimisThreshold(data, destination);
  if (item.usContentShare === undefined) {
    return {
      question: `"${item.description}": what share of its value is US-origin controlled content? Above ${threshold * 100}% the EAR reach it (de minimis, 15 CFR 734.4).`,
    };
  }
  if (item.usContentShare > threshold) {
    return {
      basis: `foreign-made item with ${Math.round(item.usContentShare * 100)}% US controlled content, above the ${threshold * 100}% de minimis level (15 CFR 734.4)`,
    };
  }
  return {};
}

/**
 * Decides which jurisdictions reach each item: the exporting state (the EU
 * for a member state), and the US for US-origin items or foreign items whose
 * US content exceeds the de minimis level.
 */
export function findJurisdictions(
  data: DeterminationData,
  tx: Transaction,
  exportFrom: string,
  destination: string,
): { reach: JurisdictionReach[]; questions: string[] } {
  const reach: JurisdictionReach[] = [];
  const questions: string[] = [];
  const home = exportingJurisdiction(data, exportFrom);
  tx.items.forEach((item, itemIndex) => {
    if (home)
      reach.push({
        jurisdiction: home,
        itemIndex,
        basis: home === 'EU' ? `export from an EU member state (${exportFrom})` : `export from ${exportFrom}`,
      });
    if (home !== 'US') {
      const us = usReach(data, item, exportFrom, destination);
      if (us.basis) reach.push({ jurisdiction: 'US', itemIndex, basis: us.basis });
      if (us.question) questions.push(us.question);
    }
  });
  if (!home)
    questions.push(
      `Entente does not model the export controls of the exporting state ${exportFrom}; check them separately.`,
    );
  return { reach, questions };
}

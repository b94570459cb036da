import { BIS_RED_FLAGS, DIVERSION_HUBS } from './bis-red-flags.ts';
import { classifyEndUse } from './classify-end-use.ts';
import type { DeterminationData } from './determination-data.ts';
import type { Transaction } from './transaction.ts';
import { findUsEmbargo } from './us-embargoes.ts';

/** One red flag raised on a transaction. */
export interface RedFlag {
  id: string;
  severity: 'low' | 'medium' | 'high';
  detail: string;
  /** The risk factor the flag feeds. */
  factor: string;
}

const RUSSIA_BELARUS = new Set(['RU', 'BY']);

/**
 * Raises the red flags of a transaction: the BIS "know your customer" flags
 * the exporter declared, the end use, embargoed destinations, transit through
 * diversion hubs, and Common High Priority List items heading for Russia or
 * Belarus.
 */
export function raiseRedFlags(data: DeterminationData, tx: Transaction, destination: string): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const id of tx.indicators)
    flags.push({
      id: `kyc:${id}`,
      severity: 'medium',
      detail: BIS_RED_FLAGS[id] ?? id,
      factor: 'kyc-red-flags',
    });
  const kind = classifyEndUse(tx.endUse);
  if (kind === 'unknown')
    flags.push({
      id: 'end-use-unknown',
      severity: 'low',
      detail: 'No end use declared.',
      factor: 'unknown-end-use',
    });
  else if (kind !== 'civil')
    flags.push({
      id: `end-use-${kind}`,
      severity: 'high',
      detail: `Declared end use "${tx.endUse}" is a ${kind} end use.`,
      factor: 'sensitive-end-use',
    });
  if (findUsEmbargo(data.us.embargoes, destination))
    flags.push({
      id: 'embargoed-destination',
      severity: 'high',
      detail: `${destination} is under an embargo or comprehensive sanctions.`,
      factor: 'embargoed-destination',
    });
  const touched = new Set([
    destination,
    ...tx.route,
    ...tx.parties.filter((p) => p.role !== 'exporter').map((p) => p.country),
  ]);
  for (const c of tx.route) {
    if (DIVERSION_HUBS.has(c))
      flags.push({
        id: `diversion-hub:${c}`,
        severity: 'medium',
        detail: `Transit through ${c}, named as a transshipment point for diversion to Russia (FinCEN/BIS alert FIN-2022-Alert003).`,
        factor: 'diversion-hub',
      });
  }
  if (DIVERSION_HUBS.has(destination))
    flags.push({
      id: `diversion-hub:${destination}`,
      severity: 'low',
      detail: `Destination ${destination} is named as a transshipment point for diversion to Russia.`,
      factor: 'diversion-hub',
    });
  const towardsRussia = [...touched].some((c) => RUSSIA_BELARUS.has(c));
  tx.items.forEach((item, i) => {
    const tier = item.hsCode ? data.chpl.get(item.hsCode.slice(0, 6)) : undefined;
    if (tier === undefined) return;
    if (towardsRussia) {
      flags.push({
        id: `chpl:${i}`,
        severity: 'high',
        detail: `"${item.description}" (HS ${item.hsCode}) is on the Common High Priority List (tier ${tier}) and the shipment touches Russia or Belarus.`,
        factor: 'chpl-to-russia-belarus',
      });
    } else if ([...touched].some((c) => DIVERSION_HUBS.has(c))) {
      flags.push({
        id: `chpl-hub:${i}`,
        severity: 'medium',
        detail: `"${item.description}" (HS ${item.hsCode}) is on the Common High Priority List (tier ${tier}) and passes a diversion hub.`,
        factor: 'diversion-hub',
      });
    }
  });
  const consignee = tx.parties.find((p) => p.role === 'consignee');
  const endUser = tx.parties.find((p) => p.role === 'end-user');
  if (consignee && endUser && consignee.country !== endUser.country) {
    flags.push({
      id: 'consignee-end-user-countries-differ',
      severity: 'low',
      detail: `Consignee in ${consignee.country}, end user in ${endUser.country}: confirm the onward shipment is authorised.`,
      factor: 'kyc-red-flags',
    });
  }
  return flags;
}

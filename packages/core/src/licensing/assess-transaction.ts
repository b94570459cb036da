import { isDomainError, DomainError } from '../errors.ts';
import { scoreRisk, type RiskObservation, type RiskScore } from '../risk/score-risk.ts';
import type { DeterminationData, Jurisdiction } from './determination-data.ts';
import { stricterOutcome, isLicenceRequired, type Determination, type Outcome } from './determination.ts';
import { determine } from './determine.ts';
import { findJurisdictions } from './find-jurisdictions.ts';
import { raiseRedFlags, type RedFlag } from './raise-red-flags.ts';
import { applyScreeningHits, type PartyScreening, type ScreenParty } from './apply-screening-hits.ts';
import type { Transaction, TransactionItem } from './transaction.ts';

/** The determinations of one jurisdiction over the items its law reaches. */
export interface JurisdictionAssessment {
  jurisdiction: Jurisdiction;
  determinations: { itemIndex: number; description: string; basis: string; determination: Determination }[];
}

/** Two allies reaching different outcomes for the same item. */
export interface Divergence {
  itemIndex: number;
  description: string;
  outcomes: Partial<Record<Jurisdiction, Outcome>>;
  note: string;
}

/** The harmonised view: the strictest outcome per item and every divergence. */
export interface HarmonisedSummary {
  items: {
    itemIndex: number;
    description: string;
    strictestOutcome: Outcome;
    licenceRequired: boolean;
    byJurisdiction: Partial<Record<Jurisdiction, Outcome>>;
  }[];
  divergences: Divergence[];
}

/** The assessment of a whole transaction. */
export interface Assessment {
  id?: string;
  exportingCountry: string;
  destination: string;
  jurisdictions: JurisdictionAssessment[];
  summary: HarmonisedSummary;
  screening: PartyScreening[];
  redFlags: RedFlag[];
  risk: RiskScore;
  questions: string[];
}

/** Dependencies of an assessment: the party screening function, when available. */
export interface AssessDeps {
  screen?: ScreenParty;
}

function codeFor(data: DeterminationData, item: TransactionItem, j: Jurisdiction): string | undefined {
  const explicit = item.classifications[j];
  if (explicit) return explicit;
  if (!item.code) return undefined;
  // EAR99 is the US designation for items subject to the EAR but on no ECCN: a classification, not an unknown code.
  if (j === 'US' && item.code.trim().toUpperCase() === 'EAR99') return 'EAR99';
  const listed =
    j === 'US'
      ? data.us.eccns.has(item.code.trim().slice(0, 5).toUpperCase())
      : data.lookup(j, item.code.trim()) !== undefined;
  return listed ? item.code : undefined;
}

function summarise(
  tx: Transaction,
  byItem: Map<number, Partial<Record<Jurisdiction, Outcome>>>,
): HarmonisedSummary {
  const summary: HarmonisedSummary = { items: [], divergences: [] };
  tx.items.forEach((item, itemIndex) => {
    const byJurisdiction = byItem.get(itemIndex) ?? {};
    const outcomes = Object.values(byJurisdiction) as Outcome[];
    const strictest = outcomes.reduce<Outcome>((a, b) => stricterOutcome(a, b), 'not-controlled');
    summary.items.push({
      itemIndex,
      description: item.description,
      strictestOutcome: strictest,
      licenceRequired: isLicenceRequired(strictest),
      byJurisdiction,
    });
    if (new Set(outcomes).size > 1) {
      const note = Object.entries(byJurisdiction)
        .map(([j, o]) => `${j}: ${o}`)
        .join(' vs ');
      summary.divergences.push({ itemIndex, description: item.description, outcomes: byJurisdiction, note });
    }
  });
  return summary;
}

function riskObservations(assessment: Omit<Assessment, 'risk' | 'questions'>): RiskObservation[] {
  const obs: RiskObservation[] = [];
  const byFactor = new Map<string, RedFlag[]>();
  for (const f of assessment.redFlags) byFactor.set(f.factor, [...(byFactor.get(f.factor) ?? []), f]);
  for (const [factor, flags] of byFactor)
    obs.push({
      id: factor,
      value: Math.min(1, flags.length / (factor === 'kyc-red-flags' ? 3 : 1)),
      detail: flags.map((f) => f.id).join(', '),
    });
  const outcomes = assessment.summary.items.map((i) => i.strictestOutcome);
  if (outcomes.includes('prohibited')) obs.push({ id: 'prohibited-outcome', value: 1 });
  if (outcomes.includes('licence-required')) obs.push({ id: 'licence-required', value: 1 });
  // Per determination, not per item's strictest outcome: an ITAR item stays unknown even when an ally requires a licence.
  for (const outcome of ['governed-elsewhere', 'review-needed'] as const) {
    const found = assessment.jurisdictions.flatMap((ja) =>
      ja.determinations
        .filter((d) => d.determination.outcome === outcome)
        .map((d) => `${d.determination.item} (${ja.jurisdiction}${whereRead(d.determination, outcome)})`),
    );
    if (found.length > 0) obs.push({ id: outcome, value: 1, detail: found.join(', ') });
  }
  if (assessment.summary.divergences.length > 0)
    obs.push({
      id: 'allied-divergence',
      value: 1,
      detail: `${assessment.summary.divergences.length} item(s)`,
    });
  return obs;
}

/** What the exporter must read for an item outside these regulations: the other authority the reasons name. */
function whereRead(d: Determination, outcome: Outcome): string {
  if (outcome !== 'governed-elsewhere') return '';
  const other = d.reasons.find((r) => r.startsWith('Not subject to the EAR: '));
  return other ? `: ${other.replace('Not subject to the EAR: ', '')}` : '';
}

/**
 * Assesses a whole transaction: decides which jurisdictions reach each item,
 * runs every determination, screens every party, raises red flags, and
 * returns the harmonised summary, a risk score with its factors (an item
 * governed by another authority's regulations, or whose requirement needs
 * review, raises it) and the questions the exporter must still answer.
 */
export function assessTransaction(
  data: DeterminationData,
  tx: Transaction,
  deps: AssessDeps = {},
): Assessment {
  const exporter = tx.parties.find((p) => p.role === 'exporter');
  const receiver =
    tx.parties.find((p) => p.role === 'end-user') ?? tx.parties.find((p) => p.role === 'consignee');
  if (!exporter || !receiver)
    throw new DomainError('invalid-input', 'A transaction needs an exporter and a consignee or end user', {
      field: 'parties',
      accepted: ['exporter', 'consignee', 'end-user'],
    });
  const destination = receiver.country;
  const { reach, questions } = findJurisdictions(data, tx, exporter.country, destination);
  const perJurisdiction = new Map<Jurisdiction, JurisdictionAssessment>();
  const byItem = new Map<number, Partial<Record<Jurisdiction, Outcome>>>();
  for (const r of reach) {
    const item = tx.items[r.itemIndex] as TransactionItem;
    const code = codeFor(data, item, r.jurisdiction);
    if (!code) {
      questions.push(`Classify "${item.description}" under the ${r.jurisdiction} control list (${r.basis}).`);
      continue;
    }
    let determination: Determination;
    try {
      determination = determine(data, {
        jurisdiction: r.jurisdiction,
        item: code,
        to: destination,
        from: exporter.country,
        ...(item.value !== undefined ? { value: item.value } : {}),
        ...(tx.endUse ? { endUse: tx.endUse } : {}),
        ...(item.hsCode ? { hsCode: item.hsCode } : {}),
      });
    } catch (e) {
      if (isDomainError(e) && e.code === 'unknown-control-entry') {
        throw new DomainError(e.code, e.message, {
          ...e.details,
          field: `items[${r.itemIndex}].classifications.${r.jurisdiction}`,
        });
      }
      throw e;
    }
    const ja = perJurisdiction.get(r.jurisdiction) ?? { jurisdiction: r.jurisdiction, determinations: [] };
    ja.determinations.push({
      itemIndex: r.itemIndex,
      description: item.description,
      basis: r.basis,
      determination,
    });
    perJurisdiction.set(r.jurisdiction, ja);
  }
  const screening = applyScreeningHits(tx, deps.screen, perJurisdiction.get('US'));
  for (const ja of perJurisdiction.values()) {
    for (const d of ja.determinations) {
      byItem.set(d.itemIndex, {
        ...(byItem.get(d.itemIndex) ?? {}),
        [ja.jurisdiction]: d.determination.outcome,
      });
      questions.push(...d.determination.questions);
    }
  }
  const redFlags = [...raiseRedFlags(data, tx, destination), ...screening.flatMap((s) => s.flags)];
  const partial = {
    ...(tx.id ? { id: tx.id } : {}),
    exportingCountry: exporter.country,
    destination,
    jurisdictions: [...perJurisdiction.values()],
    summary: summarise(tx, byItem),
    screening,
    redFlags,
  };
  return { ...partial, risk: scoreRisk(riskObservations(partial)), questions: [...new Set(questions)] };
}

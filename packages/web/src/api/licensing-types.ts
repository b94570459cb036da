// Shapes of the licensing routes (`/determine`, `/assess`, `/assessments`), mirrored from licensing-schemas.ts.

import { OUTCOMES, type Determination, type Jurisdiction, type Outcome } from '@entente/core';

export type { Determination, Jurisdiction, Outcome } from '@entente/core';

/** Outcomes from strictest to least strict. */
export const OUTCOME_ORDER: readonly Outcome[] = OUTCOMES;

/** A party of a transaction. */
export interface ExportParty {
  role: 'exporter' | 'consignee' | 'end-user' | 'intermediary';
  name: string;
  country: string;
  address?: string;
}

/** One item of a transaction. */
export interface TransactionItem {
  description: string;
  classifications?: Partial<Record<Jurisdiction, string>>;
  value?: number;
  quantity?: number;
  origin: string;
}

/** `POST /assess` body. */
export interface TransactionInput {
  id?: string;
  items: TransactionItem[];
  parties: ExportParty[];
  route?: string[];
  endUse?: string;
  indicators?: string[];
}

/** A red flag raised on a transaction. */
export interface RedFlag {
  id: string;
  severity: 'low' | 'medium' | 'high';
  detail: string;
  factor: string;
}

type ByJurisdiction = Partial<Record<Jurisdiction, Outcome>>;

/** The assessment of a whole transaction. */
export interface Assessment {
  id?: string;
  exportingCountry: string;
  destination: string;
  jurisdictions: {
    jurisdiction: Jurisdiction;
    determinations: { itemIndex: number; description: string; basis: string; determination: Determination }[];
  }[];
  summary: {
    items: {
      itemIndex: number;
      description: string;
      strictestOutcome: Outcome;
      licenceRequired: boolean;
      byJurisdiction: ByJurisdiction;
    }[];
    divergences: { itemIndex: number; description: string; outcomes: ByJurisdiction; note: string }[];
  };
  screening: {
    party: ExportParty;
    hits: {
      source: string;
      sourceId?: string;
      name: string;
      score: number;
      licenceRequirement?: string;
      licencePolicy?: string;
    }[];
    flags: RedFlag[];
  }[];
  redFlags: RedFlag[];
  risk: {
    score: number;
    level: 'low' | 'medium' | 'high';
    factors: {
      id: string;
      label: string;
      weight: number;
      value: number;
      contribution: number;
      detail?: string;
    }[];
  };
  questions: string[];
}

/** A decision record's head. */
export interface DecisionRecordHead {
  id: string;
  kind: 'assessment';
  createdAt: string;
  retainUntil: string;
  channel: 'cli' | 'api';
  userId?: string;
  orgId?: string;
  summary: {
    transactionId?: string;
    exportingCountry: string;
    destination: string;
    items: number;
    parties: number;
    strictestOutcome: Outcome;
    licenceRequired: boolean;
    riskLevel: string;
    riskScore: number;
  };
  contentHash: string;
}

/** A full decision record: inputs, data versions and the assessment. */
export interface DecisionRecord extends DecisionRecordHead {
  inputs: { transaction: TransactionInput & Record<string, unknown> };
  dataVersions: {
    partyLists: { source: string; versionId: number; publishedAt: string }[];
    controlLists: { list: string; version: string; validFrom: string }[];
    earTablesAsOf: string;
    catalogueStamp: string;
    screening: string;
  };
  outputs: { assessment: Assessment };
}

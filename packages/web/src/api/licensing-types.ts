// Shapes of the licensing routes (`/determine`, `/assess`, `/assessments`): core's types where the
// routes return them as is; the request body and the decision record (an adapters type) stated here.

import {
  OUTCOMES,
  type Assessment,
  type Outcome,
  type Transaction,
  type TransactionItem as CoreTransactionItem,
} from '@entente/core';

export type { Assessment, Determination, ExportParty, Jurisdiction, Outcome, RedFlag } from '@entente/core';

/** Outcomes from strictest to least strict. */
export const OUTCOME_ORDER: readonly Outcome[] = OUTCOMES;

/** One item of a transaction as the form sends it (classifications may be left out). */
export type TransactionItem = Omit<CoreTransactionItem, 'classifications'> &
  Partial<Pick<CoreTransactionItem, 'classifications'>>;

/** `POST /assess` body: a transaction whose route and indicators may be left out. */
export type TransactionInput = Omit<Transaction, 'items' | 'route' | 'indicators'> & {
  items: TransactionItem[];
  route?: string[];
  indicators?: string[];
};

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

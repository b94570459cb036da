// Shapes of the licensing routes (`/determine`, `/assess`, `/assessments`): core's types where the
// routes return them as is (the decision record too); only the request body is stated here.

import {
  OUTCOMES,
  type Outcome,
  type Transaction,
  type TransactionItem as CoreTransactionItem,
} from '@entente/core';

export type {
  Assessment,
  AssessmentRecord,
  DecisionRecordHead,
  Determination,
  ExportParty,
  Jurisdiction,
  Outcome,
  RedFlag,
} from '@entente/core';

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

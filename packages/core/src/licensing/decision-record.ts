// The decision record's shape, written once here: adapters' decision-record store keeps it,
// `GET /assessments` and `entente assess` show it, and the web app reads it.
import type { Assessment } from './assess-transaction.ts';
import type { Outcome } from './determination.ts';

/** Where a decision was made: the local command line or the HTTP API. */
export type DecisionChannel = 'cli' | 'api';

/** The versions of every dataset a decision read, so it can be reproduced and explained later. */
export interface DataVersions {
  /** The restricted-party list versions in the store at the time (screening). */
  partyLists: { source: string; versionId: number; publishedAt: string }[];
  /** The control-list versions of the catalogue used. */
  controlLists: { list: string; version: string; validFrom: string }[];
  /** Date of the EAR tables (CCL, Country Chart) the US determinations read. */
  earTablesAsOf: string;
  /** Fingerprint of the stored control lists and crosswalk. */
  catalogueStamp: string;
  /** Whether parties were screened, and with what. */
  screening: string;
}

/** A short view of an assessment for listings. */
export interface DecisionSummary {
  transactionId?: string;
  exportingCountry: string;
  destination: string;
  items: number;
  parties: number;
  strictestOutcome: Outcome;
  licenceRequired: boolean;
  riskLevel: string;
  riskScore: number;
}

/** A decision to record (everything but the id, times and hash); the store keeps inputs and outputs as JSON. */
export interface NewDecisionRecord<Inputs = unknown, Outputs = unknown> {
  kind: 'assessment';
  channel: DecisionChannel;
  userId?: string;
  orgId?: string;
  inputs: Inputs;
  dataVersions: DataVersions;
  outputs: Outputs;
  summary: DecisionSummary;
}

/** An immutable decision record: what was asked, what data answered it, the answer, when and by whom. */
export interface DecisionRecord<Inputs = unknown, Outputs = unknown> extends NewDecisionRecord<
  Inputs,
  Outputs
> {
  id: string;
  createdAt: string;
  /** The record is kept at least until this time. */
  retainUntil: string;
  /** SHA-256 of the record's canonical JSON without this field, to show it is unaltered. */
  contentHash: string;
}

/** A record without its inputs and outputs, for listings. */
export type DecisionRecordHead = Omit<DecisionRecord, 'inputs' | 'outputs' | 'dataVersions'>;

/** An assessment's decision record: its inputs are the validated transaction, its output the assessment. */
export type AssessmentRecord = DecisionRecord<
  { transaction: Record<string, unknown> },
  { assessment: Assessment }
>;

import {
  assessTransaction,
  stricterOutcome,
  validateTransaction,
  type Assessment,
  type AssessDeps,
  type DataVersions,
  type DecisionChannel,
  type DecisionRecord,
  type DecisionSummary,
  type PartyListStore,
  type Outcome,
  type Transaction,
} from '@entente/core';
import type { OpenedCatalogue } from '../controls/open-control-catalogue.ts';
import type { DecisionRecordStore } from './decision-record-store.ts';

/** What an assessment reads and where it is recorded. */
export interface AssessmentServiceDeps {
  catalogue: OpenedCatalogue;
  parties: Pick<PartyListStore, 'latestVersions'>;
  records: DecisionRecordStore;
  /**
   * The screening seam: `AssessDeps.screen` screens every party of the
   * transaction (e.g. `partyScreener(index)`); without it parties are not
   * screened and the record says so.
   */
  screen?: AssessDeps['screen'];
  /** How parties were screened, for the record (e.g. "entente index, 41,210 parties"). */
  screeningLabel?: string;
}

/** Who asked: the channel, and the signed-in user and organisation for the API. */
export interface DecisionActor {
  channel: DecisionChannel;
  userId?: string;
  orgId?: string;
}

/** The result of one recorded assessment. */
export interface RecordedAssessment {
  record: DecisionRecord;
  transaction: Transaction;
  assessment: Assessment;
}

function summarise(tx: Transaction, a: Assessment): DecisionSummary {
  const strictest = a.summary.items.reduce<Outcome>(
    (s, i) => stricterOutcome(s, i.strictestOutcome),
    'not-controlled',
  );
  return {
    ...(tx.id ? { transactionId: tx.id } : {}),
    exportingCountry: a.exportingCountry,
    destination: a.destination,
    items: tx.items.length,
    parties: tx.parties.length,
    strictestOutcome: strictest,
    licenceRequired: a.summary.items.some((i) => i.licenceRequired),
    riskLevel: a.risk.level,
    riskScore: a.risk.score,
  };
}

/**
 * Validates a transaction, assesses it against the catalogue and the EAR
 * tables (screening its parties when a screen is given), and stores the
 * immutable decision record: inputs, data versions, outputs, time and user.
 *
 * @example
 * const { record } = await assessAndRecord(deps, JSON.parse(file), { channel: 'cli' });
 */
export async function assessAndRecord(
  deps: AssessmentServiceDeps,
  raw: unknown,
  actor: DecisionActor,
): Promise<RecordedAssessment> {
  const data = await deps.catalogue.determinationData();
  const transaction = validateTransaction(data, raw);
  const assessment = assessTransaction(data, transaction, deps.screen ? { screen: deps.screen } : {});
  const dataVersions: DataVersions = {
    partyLists: (await deps.parties.latestVersions()).map((v) => ({
      source: v.source,
      versionId: v.id,
      publishedAt: v.publishedAt,
    })),
    controlLists: deps.catalogue.catalogue.versions(),
    earTablesAsOf: data.us.asOf,
    catalogueStamp: deps.catalogue.stamp,
    screening: deps.screen
      ? (deps.screeningLabel ?? 'screened')
      : 'not screened: no screening engine was connected',
  };
  const record = await deps.records.record({
    kind: 'assessment',
    channel: actor.channel,
    ...(actor.userId ? { userId: actor.userId } : {}),
    ...(actor.orgId ? { orgId: actor.orgId } : {}),
    inputs: { transaction },
    dataVersions,
    outputs: { assessment },
    summary: summarise(transaction, assessment),
  });
  return { record, transaction, assessment };
}

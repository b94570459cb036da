import { encodeCsv } from '../text/csv-cell.ts';
import { alertAgeDays, type Alert } from './alert.ts';

/** The columns of an alert CSV export. */
export const ALERT_CSV_COLUMNS = [
  'id',
  'state',
  'kind',
  'counterparty_id',
  'counterparty_name',
  'entity_id',
  'subject_id',
  'subject_listings',
  'not_listed_by',
  'listed_name',
  'matched_name',
  'score',
  'programs',
  'assignee',
  'created_at',
  'age_days',
  'decided_at',
  'reason',
  'explanation',
] as const;

/**
 * Alerts as CSV (RFC 4180, cells that a spreadsheet would run as formulas written as
 * text: listed names come from other agencies), one row per alert (per counterparty and
 * subject: the subject's listings and the lists lacking it `|`-separated).
 *
 * @example
 * alertsToCsv(alerts, new Date()) // 'id,state,kind,…\r\n…'
 */
export function alertsToCsv(alerts: Alert[], now: Date): string {
  return encodeCsv(
    ALERT_CSV_COLUMNS,
    alerts.map((a) => [
      a.id,
      a.state,
      a.kind,
      a.counterpartyId,
      a.counterpartyName,
      a.entityId,
      a.subjectId,
      a.listings.map((l) => l.entityId).join('|'),
      a.notListedBy.join('|'),
      a.listedName,
      a.matchedName,
      a.score,
      a.programs.join('|'),
      a.assignee ?? '',
      a.createdAt,
      alertAgeDays(a, now),
      a.decidedAt ?? '',
      a.reason ?? '',
      a.explanation.join(' · '),
    ]),
  );
}

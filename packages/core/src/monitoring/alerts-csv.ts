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
 * text: listed names come from other agencies), one row per alert.
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

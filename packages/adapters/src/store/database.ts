import type { ColumnType, Generated } from 'kysely';
import type { ControlTables } from './control-tables.ts';
import type { SharingDatabase } from '../sharing/sharing-database.ts';
import type { DecisionTables } from '../decision-records/decision-record-store.ts';
import type { MonitoringDatabase } from '../monitoring/monitoring-database.ts';
import type { SubjectDatabase } from '../subjects/subject-database.ts';

/** Row of `list_versions`. */
export interface ListVersionRow {
  id: Generated<number>;
  source: string;
  published_at: string;
  imported_at: ColumnType<Date, never, never>;
  content_hash: string;
  format: string;
  record_count: number;
  warning_count: number;
  warnings_by_kind: ColumnType<Record<string, number>, string, string>;
  warnings_sample: ColumnType<unknown[], string, string>;
  files: ColumnType<string[], string, string>;
}

/** Row of `parties`. */
export interface PartyRow {
  version_id: number;
  entity_id: string;
  source_id: string;
  schema: string;
  name: string;
  un_reference: string | null;
  content_hash: string;
  data: ColumnType<unknown, string, string>;
}

/** Row of `meta`. */
export interface MetaRow {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, never, never>;
}

/** Row of `clearances` (migrations 006, 007 and 012). */
export interface ClearanceRow {
  id: string;
  org_id: string | null;
  subject_key: string;
  subject: ColumnType<unknown, string, string>;
  entity_id: string;
  /** The covered listings of a subject clearance (migration 012); null for one listing. */
  listings: ColumnType<unknown, string | null | undefined, never>;
  reason: string;
  cleared_by: string;
  created_at: ColumnType<Date | string, never, never>;
  expires_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  revoked_at: ColumnType<Date | string | null, never, unknown>;
}

/** Row of `screening_events` (migrations 006 and 007): counts only, no query text. */
export interface ScreeningEventRow {
  id: Generated<number | string>;
  at: ColumnType<Date | string, never, never>;
  org_id: string | null | undefined;
  subjects: number;
  hits: number;
  channel: string;
}

/**
 * Every table of `migrations/*.sql` with its columns, so that one
 * `Kysely<Database>` serves every store; a migration that adds a table adds it here.
 */
export interface Database
  extends ControlTables, SharingDatabase, DecisionTables, MonitoringDatabase, SubjectDatabase {
  list_versions: ListVersionRow;
  parties: PartyRow;
  meta: MetaRow;
  clearances: ClearanceRow;
  screening_events: ScreeningEventRow;
  schema_migrations: { name: string; applied_at: ColumnType<Date, never, never> };
}

import type { ColumnType, Generated } from 'kysely';

/** A jsonb column: read as parsed JSON, written as its text. */
type Json = ColumnType<unknown, string, string>;
/** A `timestamptz not null default now()` column: set by the database unless given. */
type Stamp = ColumnType<Date | string, string | undefined, string>;
/** A nullable `timestamptz` column. */
type MaybeStamp = ColumnType<Date | string | null, string | null | undefined, string | null>;

/** Row of `counterparty_imports`: one register file imported. */
export interface CounterpartyImportRow {
  id: string;
  org_id: string;
  file: string;
  format: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  imported_by: string;
  imported_at: Stamp;
}

/** Row of `counterparties`: one version of a counterparty (the current one has no `superseded_at`). */
export interface CounterpartyRow {
  org_id: string;
  id: string;
  version: number;
  change_seq: ColumnType<number | string, never, never>;
  name: string;
  content_hash: string;
  data: Json;
  import_id: string | null;
  recorded_at: Stamp;
  superseded_at: MaybeStamp;
}

/** Row of `ownership_links`: a current owner → owned link of a register. */
export interface OwnershipLinkRow {
  org_id: string;
  owner_id: string;
  owned_id: string;
  share: ColumnType<number | string | null, number | null | undefined, number | null>;
  controls: ColumnType<boolean, boolean | undefined, boolean>;
}

/** Row of `monitor_hits`: one counterparty × one listed party monitoring sees. */
export interface MonitorHitRow {
  org_id: string;
  counterparty_id: string;
  entity_id: string;
  score: number;
  party_hash: string;
  counterparty_version: number;
  list_version_id: number | null;
  match: Json;
  found_at: Stamp;
  updated_at: Stamp;
}

/** Row of `monitor_alerts`. */
export interface MonitorAlertRow {
  id: string;
  org_id: string;
  kind: string;
  state: string;
  counterparty_id: string;
  counterparty_name: string;
  entity_id: string;
  /** Migration 018: the subject of the alert's listings, its name, listings and the lists lacking it. */
  subject_id: string | null;
  subject_name: string | null;
  listings: ColumnType<unknown, string | undefined, string>;
  not_listed_by: ColumnType<unknown, string | undefined, string>;
  listed_name: string;
  matched_name: string;
  score: number;
  /** Migration 022: null when it is the match of the hit (org_id, counterparty_id, entity_id). */
  match: ColumnType<unknown, string | null, string | null>;
  list_version_id: number | null;
  assignee: string | null;
  clearance_id: string | null;
  reason: string | null;
  expires_at: MaybeStamp;
  run_id: string | null;
  created_at: Stamp;
  updated_at: Stamp;
  decided_at: MaybeStamp;
  /** Migration 022: the note of the alert's `raised` entry, kept here; null when it is an event row. */
  raised_note: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Row of `monitor_alert_events`: one step of an alert's history. */
export interface MonitorAlertEventRow {
  seq: Generated<number | string>;
  alert_id: string;
  at: Stamp;
  by: string;
  type: string;
  from_state: string | null;
  to_state: string | null;
  assignee: string | null;
  comment: string | null;
}

/** Row of `monitor_state`: up to which list version (or register change) an organisation is current. */
export interface MonitorStateRow {
  org_id: string;
  source: string;
  position: ColumnType<number | string, number, number>;
}

/** Row of `monitor_runs`. */
export interface MonitorRunRow {
  id: string;
  org_id: string;
  target: string;
  trigger: string;
  state: string;
  done: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  counts: Json;
  error: string | null;
  started_at: Stamp;
  heartbeat_at: Stamp;
  finished_at: MaybeStamp;
  /** What the run did (migration 020): `MonitorRunRecord`, null before. */
  record: Json | null;
}

/** The tables of continuous monitoring (migration 011). */
export interface MonitoringDatabase {
  counterparty_imports: CounterpartyImportRow;
  counterparties: CounterpartyRow;
  ownership_links: OwnershipLinkRow;
  monitor_hits: MonitorHitRow;
  monitor_alerts: MonitorAlertRow;
  monitor_alert_events: MonitorAlertEventRow;
  monitor_state: MonitorStateRow;
  monitor_runs: MonitorRunRow;
}

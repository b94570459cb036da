import type { ColumnType, Generated } from 'kysely';
import type { FactSource } from '@entente/core';

/** Row of `control_list_versions`. */
export interface ControlListVersionRow {
  id: Generated<number>;
  list_id: string;
  version: string;
  name: string;
  jurisdiction: string | null;
  valid_from: string;
  valid_to: string | null;
  content_hash: string;
  source: ColumnType<unknown, string, string>;
  header: ColumnType<unknown, string, string>;
  entry_count: number;
  loaded_at: ColumnType<Date, never, never>;
}

/** Row of `control_entries`. */
export interface ControlEntryRow {
  version_id: number;
  code: string;
  parent: string | null;
  heading: string;
  search_text: string;
  data: ColumnType<unknown, string, string>;
}

/** Row of `control_correspondences`. */
export interface ControlCorrespondenceRow {
  from_id: string;
  to_id: string;
  type: string;
  basis: string;
  note: string | null;
  warning: string | null;
  source: ColumnType<FactSource | null, string | null, string | null>;
}

/** The control-list tables (the lead merges them into `Database`). */
export interface ControlTables {
  control_list_versions: ControlListVersionRow;
  control_entries: ControlEntryRow;
  control_correspondences: ControlCorrespondenceRow;
  meta: {
    key: string;
    value: ColumnType<unknown, string, string>;
    updated_at: ColumnType<Date, never, never>;
  };
}

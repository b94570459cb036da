import type { ColumnType, Generated } from 'kysely';
import type { ControlTables } from './control-tables.ts';

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

/** The tables Kysely knows about; features add theirs here. */
export interface Database extends ControlTables {
  list_versions: ListVersionRow;
  parties: PartyRow;
  meta: MetaRow;
  schema_migrations: { name: string; applied_at: ColumnType<Date, never, never> };
}
